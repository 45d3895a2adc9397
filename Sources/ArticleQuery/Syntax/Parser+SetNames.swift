import Syntax

/// How readers name a set beyond the model's set names: a relation phrase ending in `of`
/// with its object (`members of the csto`, `the president of kyrgyzstan`), and the openers
/// `list` and `show me` before a question that answers entities.
extension Parser {
  /// listing ::= ( 'list' | 'show' 'me' ) entity-query
  mutating func listing() throws(Diagnostic) -> Query {
    if !eat("list") {
      _ = eat("show")
      _ = eat("me")
    }
    note(.set)
    return try entityQuery()
  }

  /// True at `list` or `show me`, which begin a `listing`.
  var atListing: Bool {
    at("list") || (at("show") && peek().kind == .word && peek().folded == "me")
  }

  /// related-set ::= OF-RELATION term
  ///
  /// The subjects of the relation's facts with that object: `members of the csto` is
  /// `everything where member of csto`, and prints so.
  mutating func relatedSet() throws(Diagnostic) -> Query {
    let start = position
    let reference = try relation()
    let object = try term()
    let everything = vocabulary.setNames.firstIndex(of: "everything") ?? 0
    return .selection(
      .named(SetRef(everything, at: range(from: start))), .predicate(reference, object))
  }

  /// True where a relation phrase that ends in `of` and begins with no keyword (`is part of`
  /// is a verdict's) comes next (after an optional article),
  /// followed by a name or set, and no longer set name does: `members of the csto` is a
  /// related set, `members` alone a set name.
  var atRelatedSet: Bool { relatedSetFollows(after: 0) }

  /// True when a related set begins `offset` tokens after the current one.
  func relatedSetFollows(after offset: Int) -> Bool {
    let from = words.dropFirst(offset)
    let skip = Self.articles.contains(from.first ?? "") ? 1 : 0
    let rest = from.dropFirst(skip)
    guard let (_, length) = vocabulary.relation(at: rest),
      rest.dropFirst(length - 1).first == "of",
      !Vocabulary.keywords.contains(rest.first ?? "")
    else { return false }
    if let (_, setLength) = vocabulary.set(at: rest), setLength >= length { return false }
    let after = rest.dropFirst(length)
    let object = after.first.map { Self.articles.contains($0) } == true ? after.dropFirst() : after
    return vocabulary.entity(at: after) != nil || vocabulary.entity(at: object) != nil
      || vocabulary.set(at: object) != nil
      || peek(offset + skip + length).kind == .string
  }
}
