import Syntax

extension Parser {
  /// True at `who R whom`, `who was R by whom`, `what R what`: an opener, a relation and
  /// `whom` or `what` in the object's place. Kept apart from `who` and `what`, which take a
  /// name or a set there, so that `who criticized russia` is left to them.
  var atPairs: Bool {
    guard at("who") || at("what") else { return false }
    let rest = words.dropFirst()
    let copula = rest.first.map { ["is", "was", "are", "were"].contains($0) } ?? false
    for skipped in copula ? [0, 1] : [0] {
      let phrase = rest.dropFirst(skipped)
      if let (_, length) = vocabulary.relation(at: phrase),
        let object = phrase.dropFirst(length).first, object == "whom" || object == "what"
      {
        return true
      }
    }
    return false
  }

  /// pairs ::= ( 'who' | 'what' ) ( 'is' | 'was' | 'are' | 'were' )? RELATION ( 'whom' | 'what' )
  ///           qualifier*
  mutating func pairs() throws(Diagnostic) -> Query {
    if !eat("who") { _ = eat("what") }
    if at(.word), ["is", "was", "are", "were"].contains(current.folded),
      vocabulary.relation(at: words).map({ reference, length in
        !["whom", "what"].contains(words.dropFirst(length).first ?? "")
      }) ?? true
    {
      _ = eat(current.folded)
    }
    let reference = try relation()
    guard eat("whom") || eat("what") else {
      throw found(expected: "'whom' or 'what'", candidates: ["whom", "what"])
    }
    return .pairs(reference, qualifiers: try qualifiers())
  }
}
