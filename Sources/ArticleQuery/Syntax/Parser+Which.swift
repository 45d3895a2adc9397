import Syntax

extension Parser {
  /// which ::= ( 'which' 'of'? | 'what' ) kind-set ( 'where' condition | do-support
  ///                | ( 'is' | 'was' | 'are' | 'were' )? ( condition | reciprocal ) )
  mutating func which() throws(Diagnostic) -> Query {
    if eat("which") {
      _ = eat("of")
    } else {
      _ = eat("what")
    }
    note(.set)
    let source = try kindSet()
    noteAuxiliaries()
    if eat("where") { return .which(source, try condition()) }
    if atAuxiliary, peek().folded != "not" {
      var question = try doSupport()
      question.asking = .which(source)
      return .did(question)
    }
    if at(.word), Self.copulas.contains(current.folded),
      vocabulary.relation(at: words) == nil
    {
      _ = eat(current.folded)
      afterCopula = true
    }
    if atReciprocal {
      afterCopula = false
      return .which(source, try reciprocal(of: source))
    }
    return .which(source, try condition())
  }

  /// kind-set ::= set | KIND
  mutating func kindSet() throws(Diagnostic) -> SetSource {
    if at(.word), vocabulary.set(at: words) == nil, !atRelatedSet,
      let index = vocabulary.singularSets[current.folded]
    {
      return .named(SetRef(index, at: eat(tokens: 1)))
    }
    return try set()
  }

  /// True when `what` begins a `which` question: a set or a kind's singular follows it
  /// (`what country did pelosi visit`).
  var atWhatWhich: Bool {
    guard at("what") else { return false }
    let next = peek()
    if next.kind == .leftParen { return true }
    guard next.kind == .word else { return false }
    let after = Array(words.dropFirst())[...]
    return vocabulary.singularSets[next.folded] != nil || vocabulary.set(at: after) != nil
      || relatedSetFollows(after: 1)
  }
}
