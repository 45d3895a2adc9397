import ArticleModel

extension Evaluator {
  /// The facts of `who R whom`: every fact of the relation that counts (affirmed, and of a
  /// scenario only when it is assumed), with the circumstances asked for (`at the tashkent
  /// sco summit`). A passive or inverse phrase names the same facts from the other end, so
  /// the direction does not change which facts they are.
  mutating func pairs(
    _ relation: RelationRef, _ qualifiers: [QualifierCondition] = [], _ ends: PairEnds = PairEnds()
  ) -> [Int] {
    let wanted = resolve(qualifiers)
    let found = index.factsByRelation[relation.index].filter {
      usable(model.facts[$0]) && has(model.facts[$0], wanted)
    }
    return among(found, relation, ends)
  }
}
