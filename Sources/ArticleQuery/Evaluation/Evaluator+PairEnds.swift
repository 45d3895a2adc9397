import ArticleModel

extension Evaluator {
  /// The facts of `found` whose ends, read in the direction of the phrase, are in the sets
  /// `which` named; an end without a set takes anything.
  mutating func among(_ found: [Int], _ relation: RelationRef, _ ends: PairEnds) -> [Int] {
    guard ends.subjects != nil || ends.objects != nil else { return found }
    let subjects = ends.subjects.map { members(of: $0) }
    let objects = ends.objects.map { members(of: $0) }
    return found.filter { index in
      let fact = model.facts[index]
      let (near, far) =
        relation.reversed ? (fact.object, fact.subject) : (fact.subject, fact.object)
      return (subjects.map { $0.contains(near) } ?? true)
        && (objects.map { $0.contains(far) } ?? true)
    }
  }
}
