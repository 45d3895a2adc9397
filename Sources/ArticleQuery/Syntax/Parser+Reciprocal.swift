import Syntax

/// `each other` after a `which` question's relation (`which members are in conflict with
/// each other`): the relation's target is the question's own set, so the answer is the
/// members that the relation joins to another member.
extension Parser {
  /// reciprocal ::= RELATION 'each' 'other'
  mutating func reciprocal(of source: SetSource) throws(Diagnostic) -> Condition {
    let reference = try relation()
    guard eat("each"), eat("other") else {
      throw found(expected: "'each other'", candidates: ["each other"])
    }
    switch source {
    case .named(let set): return .predicate(reference, .set(set))
    case .query(let query): return .predicate(reference, .query(query))
    }
  }

  /// True where a relation phrase and `each other` come next.
  var atReciprocal: Bool {
    guard let (_, length) = vocabulary.relation(at: words) else { return false }
    return Array(words.dropFirst(length).prefix(2)) == ["each", "other"]
  }
}
