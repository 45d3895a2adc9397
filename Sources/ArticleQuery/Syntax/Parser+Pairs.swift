import Syntax

extension Parser {
  /// True at `who R whom`, `who was R by whom`, `what R what`: an opener, a relation and
  /// `whom` or `what` in the object's place. Kept apart from `who` and `what`, which take a
  /// name or a set there, so that `who criticized russia` is left to them.
  var atPairs: Bool {
    var rest = words.dropFirst()
    if at("which") {
      guard let (_, length) = pairSet(at: rest) else { return false }
      rest = rest.dropFirst(length)
    } else if !at("who") && !at("what") {
      return false
    }
    let copula = rest.first.map { Self.copulas.contains($0) } ?? false
    for skipped in copula ? [0, 1] : [0] {
      let phrase = rest.dropFirst(skipped)
      if let (_, length) = vocabulary.relation(at: phrase),
        let object = phrase.dropFirst(length).first, ["whom", "what", "which"].contains(object)
      {
        return true
      }
    }
    return false
  }

  /// The set that `which` names at an end of a pairs query, by its plural or its kind's
  /// singular (`which exercise`), and how many words it takes.
  func pairSet(at words: ArraySlice<String>) -> (Int, Int)? {
    if let found = vocabulary.set(at: words) { return found }
    return words.first.flatMap { vocabulary.singularSets[$0] }.map { ($0, 1) }
  }

  /// pairs ::= ( 'who' | 'what' | 'which' ( SET | KIND ) ) ( 'is' | 'was' | 'are' | 'were' )?
  ///           RELATION ( 'whom' | 'what' | 'which' ( SET | KIND )? ) qualifier*
  mutating func pairs() throws(Diagnostic) -> Query {
    var ends = PairEnds()
    if eat("which") {
      guard let (index, length) = pairSet(at: words) else {
        throw found(expected: "a set", candidates: vocabulary.setNames)
      }
      ends.subjects = SetRef(index, at: eat(tokens: length))
    } else if !eat("who") {
      _ = eat("what")
    }
    if at(.word), Self.copulas.contains(current.folded),
      vocabulary.relation(at: words).map({ reference, length in
        !["whom", "what", "which"].contains(words.dropFirst(length).first ?? "")
      }) ?? true
    {
      _ = eat(current.folded)
    }
    let reference = try relation()
    if eat("which") {
      if let (index, length) = pairSet(at: words) {
        ends.objects = SetRef(index, at: eat(tokens: length))
      } else {
        ends.objects = ends.subjects
      }
    } else if !eat("whom") && !eat("what") {
      throw found(expected: "'whom', 'what' or 'which'", candidates: ["whom", "what", "which"])
    }
    return .pairs(reference, qualifiers: try qualifiers(), ends: ends)
  }
}
