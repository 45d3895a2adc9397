/// The fields of every fact that the model's index is built from, as flat columns: read from a
/// snapshot without making a single `Fact` (issue 14), or taken from an array of facts. Entity,
/// relation, document and paragraph numbers are in range (a snapshot's are checked as read).
struct FactFields: Sendable {
  var subjects: [Int32] = []
  var relations: [Int32] = []
  var objects: [Int32] = []
  /// The scenario each fact belongs to, or -1.
  var scenarios: [Int32] = []
  /// Whether each fact is affirmed and reported: what may make its subject speak for its
  /// object.
  var affirmedAndReported: [Bool] = []
  /// The entities each fact's qualifiers name: those of fact `i` are
  /// `qualifierEntities[qualifierStarts[i]..<qualifierStarts[i + 1]]`.
  var qualifierStarts: [Int32] = [0]
  var qualifierEntities: [Int32] = []
  /// The places each fact's evidence cites, as `qualifierStarts` does for its qualifiers.
  var placeStarts: [Int32] = [0]
  var placeDocuments: [Int32] = []
  var placeParagraphs: [Int32] = []

  var count: Int { subjects.count }

  init() {}

  /// The fields of `facts`.
  init(_ facts: [Fact]) {
    reserveCapacity(facts.count)
    for index in facts.indices {
      append(
        subject: facts[index].subject, relation: facts[index].relation,
        object: facts[index].object,
        affirmedAndReported: facts[index].polarity == .affirmed
          && facts[index].modality == .reported, scenario: facts[index].scenario)
      for qualifier in facts[index].qualifiers {
        if case .entity(let entity) = qualifier.value { appendQualifier(entity) }
      }
      for evidence in facts[index].evidence {
        appendPlace(document: evidence.document, paragraph: evidence.paragraph)
      }
      endFact()
    }
  }

  mutating func reserveCapacity(_ count: Int) {
    subjects.reserveCapacity(count)
    relations.reserveCapacity(count)
    objects.reserveCapacity(count)
    affirmedAndReported.reserveCapacity(count)
    scenarios.reserveCapacity(count)
    qualifierStarts.reserveCapacity(count + 1)
    placeStarts.reserveCapacity(count + 1)
    placeDocuments.reserveCapacity(count)
    placeParagraphs.reserveCapacity(count)
  }

  /// Begins a fact; its qualifiers' entities and its places follow, then `endFact()`.
  mutating func append(
    subject: Int, relation: Int, object: Int, affirmedAndReported: Bool, scenario: Int?
  ) {
    subjects.append(Int32(truncatingIfNeeded: subject))
    relations.append(Int32(truncatingIfNeeded: relation))
    objects.append(Int32(truncatingIfNeeded: object))
    self.affirmedAndReported.append(affirmedAndReported)
    scenarios.append(Int32(truncatingIfNeeded: scenario ?? -1))
  }

  mutating func appendQualifier(_ entity: Int) {
    qualifierEntities.append(Int32(truncatingIfNeeded: entity))
  }

  mutating func appendPlace(document: Int, paragraph: Int) {
    placeDocuments.append(Int32(truncatingIfNeeded: document))
    placeParagraphs.append(Int32(truncatingIfNeeded: paragraph))
  }

  mutating func endFact() {
    qualifierStarts.append(Int32(truncatingIfNeeded: qualifierEntities.count))
    placeStarts.append(Int32(truncatingIfNeeded: placeDocuments.count))
  }
}
