import Syntax

extension Parser {
  /// connection ::= 'how' ( 'is' NAME link ( 'to' | 'with' ) NAME | 'are' NAME 'and' NAME link )
  ///                | 'what' ( 'links' | 'connects' ) NAME 'and' NAME
  mutating func connection() throws(Diagnostic) -> Query {
    if eat("what") {
      if !eat("links") { _ = eat("connects") }
      let from = try nameBeforeAnd()
      guard eat("and") else {
        throw found(expected: "'and' (as in: what links pelosi and tajikistan)")
      }
      return .connection(from, try name())
    }
    _ = eat("how")
    if eat("is") {
      let from = try name()
      try link()
      guard eat("to") || eat("with") else {
        throw found(expected: "'to' (as in: how is pelosi connected to tajikistan)")
      }
      return .connection(from, try name())
    }
    guard eat("are") else {
      throw found(
        expected: "'is' or 'are' (as in: how is pelosi connected to tajikistan)",
        candidates: ["is", "are"])
    }
    let from = try nameBeforeAnd()
    guard eat("and") else {
      throw found(expected: "'and' (as in: how are pelosi and tajikistan connected)")
    }
    let to = try name()
    try link()
    return .connection(from, to)
  }

  /// link ::= 'connected' | 'linked' | 'related'
  mutating func link() throws(Diagnostic) {
    guard eat("connected") || eat("linked") || eat("related") else {
      throw found(expected: "'connected'", candidates: ["connected", "linked", "related"])
    }
  }

  /// A NAME followed by `and`: the longest whole name that `and` follows, so that a name
  /// with `and` in it (`geopolitical and geo-economic scenario`) is read whole, else the
  /// longest name.
  private mutating func nameBeforeAnd() throws(Diagnostic) -> EntityRef {
    let available = words
    if at(.word), available.count > 1 {
      for length in stride(from: available.count - 1, through: 1, by: -1)
      where available.dropFirst(length).first == "and" {
        let head = available.prefix(length)
        let named = head.first == "the" && length > 1 ? head.dropFirst() : head
        if let (index, matched) = vocabulary.entity(at: named), matched == named.count {
          return EntityRef(index, at: eat(tokens: length))
        }
      }
    }
    return try name()
  }
}
