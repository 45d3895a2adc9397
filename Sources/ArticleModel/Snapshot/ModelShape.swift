/// The counts a snapshot's columns and lists are numbered by: a model loaded again from its
/// file stands in for a damaged part only when it has the snapshot's shape
/// (`SnapshotReload`), so that no position read from the snapshot is past its end. An honest
/// snapshot always has its file's shape; one written to fit other files (its checksums made
/// right) may not.
struct ModelShape: Equatable, Sendable {
  var entities: Int
  var relations: Int
  var facts: Int
  /// Each document's paragraphs.
  var paragraphs: [Int]
  /// Each document's lists of facts by paragraph.
  var paragraphLists: [Int]

  init(entities: Int, relations: Int, facts: Int, paragraphs: [Int], paragraphLists: [Int]) {
    self.entities = entities
    self.relations = relations
    self.facts = facts
    self.paragraphs = paragraphs
    self.paragraphLists = paragraphLists
  }

  init(of model: Model) {
    self.init(
      entities: model.entities.count, relations: model.relations.count,
      facts: model.facts.count, paragraphs: model.documents.map(\.paragraphs.count),
      paragraphLists: model.index.factsByParagraph.map(\.count))
  }
}
