import Syntax

/// The words a reader writes around names and sets: an article before them, and the
/// possessive `X's Y` (`kazakhstan's doctrine`, `tajikistan's president`), which names what
/// the model's own words say it names (`Vocabulary+Possessives.swift`).
extension Parser {
  /// `the`, `a`, `an`.
  static let articles: Set<String> = ["the", "a", "an"]

  /// True at `the`, `a` or `an`.
  var atArticle: Bool { at(.word) && Self.articles.contains(current.folded) }

  /// The set named at the current position and how many tokens it takes, a leading article
  /// included.
  func setMatchSkippingArticle() -> (Int, Int)? {
    if let match = vocabulary.set(at: words) { return match }
    if atArticle, let (index, length) = vocabulary.set(at: words.dropFirst()) {
      return (index, length + 1)
    }
    return nil
  }

  /// The entity that all of `head` names, by a name after an optional article or by a
  /// possessive with one reading.
  func wholeName(_ head: ArraySlice<String>) -> Int? {
    // A name may itself begin with `the` (the Russian side): the whole words first.
    if let (index, matched) = vocabulary.entity(at: head), matched == head.count {
      return index
    }
    let named =
      head.count > 1 && Self.articles.contains(head.first ?? "") ? head.dropFirst() : head
    if let (index, matched) = vocabulary.entity(at: named), matched == named.count {
      return index
    }
    if let possessive = possessive(at: head), possessive.entities.count == 1,
      possessive.length == head.count
    {
      return possessive.entities[0]
    }
    return nil
  }

  /// The set that all of `head` names, after an optional article.
  func wholeSet(_ head: ArraySlice<String>) -> Int? {
    let named =
      head.count > 1 && Self.articles.contains(head.first ?? "") ? head.dropFirst() : head
    guard let (index, matched) = vocabulary.set(at: named), matched == named.count else {
      return nil
    }
    return index
  }

  /// A possessive at the start of `words` (after an optional article): the entities it may
  /// name, in the model's order, and how many words it takes (the longest head that names
  /// anything).
  func possessive(at words: ArraySlice<String>) -> (entities: [Int], length: Int)? {
    let skip = Self.articles.contains(words.first ?? "") ? 1 : 0
    let rest = words.dropFirst(skip)
    guard
      let mark = rest.prefix(6).firstIndex(where: { Vocabulary.possessiveStem($0) != nil }),
      mark < rest.endIndex - 1,
      let stem = Vocabulary.possessiveStem(rest[mark])
    else { return nil }
    let ownerWords = rest[..<mark] + [stem]
    guard let (owner, matched) = vocabulary.entity(at: ownerWords), matched == ownerWords.count
    else { return nil }
    let after = rest[(mark + 1)...].map(Vocabulary.straight)
    for length in stride(from: min(6, after.count), through: 1, by: -1) {
      let found = vocabulary.possessed(by: owner, head: Array(after.prefix(length)))
      if !found.isEmpty {
        return (found.sorted(), skip + (mark - rest.startIndex) + 1 + length)
      }
    }
    return nil
  }

  /// An error for a possessive at the current position with several readings, listing them.
  func ambiguousPossessive() -> Diagnostic? {
    guard at(.word), let (entities, length) = possessive(at: words), entities.count > 1 else {
      return nil
    }
    let last = min(position + length - 1, tokens.count - 1)
    let typed = tokens[position...last].map(\.text).joined(separator: " ")
    let readings = entities.map { vocabulary.displayName($0) }
    return Diagnostic(
      "'\(typed)' could mean any of \(readings.count): \(readings.joined(separator: ", "));"
        + " name the one you mean",
      at: current.range.lowerBound..<tokens[last].range.upperBound,
      suggestions: Array(readings.prefix(3)))
  }

  /// An error for a possessive whose owner is a name but whose words after it name nothing
  /// of the owner's (`armenia's president`), offering what the owner's possessives do name.
  func unknownPossessive() -> Diagnostic? {
    guard at(.word), let stem = Vocabulary.possessiveStem(current.folded),
      let (owner, matched) = vocabulary.entity(at: [stem]), matched == 1
    else { return nil }
    let heads = vocabulary.possessives.heads(of: owner)
    let typed = Array(words.dropFirst().prefix(3)).joined(separator: " ")
    let spelled = "\(current.text)\(typed.isEmpty ? "" : " " + typed)"
    let offered = Suggestions.closest(to: typed, in: heads).map { "\(stem)'s \($0)" }
    return Diagnostic(
      "nothing in the model is \(vocabulary.displayName(owner))'s "
        + (typed.isEmpty ? "anything" : "'\(typed)'") + " ('\(spelled)')",
      at: current.range,
      notes: heads.isEmpty
        ? []
        : ["\(stem)'s " + heads.sorted().prefix(6).joined(separator: ", ") + " name something"],
      suggestions: offered)
  }
}
