import ArticleModel

extension Evaluator {
  /// The facts of `who R whom`: every fact of the relation that counts (affirmed, and of a
  /// scenario only when it is assumed). A passive or inverse phrase names the same facts
  /// from the other end, so the direction does not change which facts they are.
  func pairs(_ relation: RelationRef) -> [Int] {
    index.factsByRelation[relation.index].filter { usable(model.facts[$0]) }
  }
}
