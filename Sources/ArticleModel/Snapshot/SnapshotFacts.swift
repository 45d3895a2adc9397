/// A snapshot's facts, left in its bytes and each made into a `Fact` when asked: reading them
/// all at start cost a million facts' arrays and strings (issue 14). Every fact is checked when
/// the snapshot is read (`read`), every number against what it indexes, so that making one
/// later cannot fail; their subjects, relations and objects are kept as columns.
final class SnapshotFacts: Sendable {
  private let owner: SnapshotBytes
  private let table: StringTable
  /// Where each fact begins in `owner`'s bytes.
  private let offsets: [Int]
  let subjects: [Int32]
  let relations: [Int32]
  let objects: [Int32]
  /// Each fact's scenario, or -1.
  let scenarios: [Int32]
  private let entityCount: Int
  private let relationCount: Int
  private let paragraphCounts: [Int]

  var count: Int { offsets.count }

  private init(
    owner: SnapshotBytes, table: StringTable, offsets: [Int], fields: FactFields,
    entities: Int, relations: Int, paragraphCounts: [Int]
  ) {
    self.owner = owner
    self.table = table
    self.offsets = offsets
    subjects = fields.subjects
    self.relations = fields.relations
    objects = fields.objects
    scenarios = fields.scenarios
    entityCount = entities
    relationCount = relations
    self.paragraphCounts = paragraphCounts
  }

  /// The facts at the reader's place (a count, then each fact), checked, and the fields the
  /// model's index is built from.
  static func read(
    _ reader: inout SnapshotReader, owner: SnapshotBytes, entities: Int, relations: Int,
    paragraphCounts: [Int]
  ) throws(SnapshotError) -> (storage: SnapshotFacts, fields: FactFields) {
    let count = try reader.count()
    // The columns hold 32-bit numbers: more entities or relations than that is no snapshot
    // this csto wrote (a model file is at most 512 MiB).
    guard entities <= Int32.max, relations <= Int32.max, count <= Int32.max,
      paragraphCounts.allSatisfy({ $0 < Int32.max })
    else { throw .malformed("a number out of range") }
    var offsets: [Int] = []
    offsets.reserveCapacity(count)
    var fields = FactFields()
    fields.reserveCapacity(count)
    var released = reader.offset
    for _ in 0..<count {
      offsets.append(reader.offset)
      try reader.checkFact(
        entities: entities, relations: relations, paragraphCounts: paragraphCounts,
        into: &fields)
      // The facts' pages read are let go as the check goes on (`SnapshotBytes.release`).
      if reader.offset - released >= SnapshotBytes.chunk {
        owner.release(released..<reader.offset)
        released = reader.offset
      }
    }
    guard fields.qualifierEntities.count <= Int32.max, fields.placeDocuments.count <= Int32.max
    else { throw .malformed("a number out of range") }
    let storage = SnapshotFacts(
      owner: owner, table: reader.table, offsets: offsets, fields: fields, entities: entities,
      relations: relations, paragraphCounts: paragraphCounts)
    return (storage, fields)
  }

  private func reader(at position: Int) -> SnapshotReader {
    var reader = SnapshotReader(owner.bytes, offset: offsets[position])
    reader.table = table
    return reader
  }

  /// Fact `position`, made from the bytes checked when the snapshot was read.
  func fact(_ position: Int) -> Fact {
    var reader = reader(at: position)
    // Checked by `read`: these bytes decode. Should they not, the fact is its columns.
    return
      (try? reader.fact(
        entities: entityCount, relations: relationCount, paragraphCounts: paragraphCounts))
      ?? Fact(
        subject: Int(subjects[position]), relation: Int(relations[position]),
        object: Int(objects[position]), evidence: [])
  }

  /// The qualifiers of fact `position`, without its evidence or note.
  func qualifiers(_ position: Int) -> [Qualifier] {
    var reader = reader(at: position)
    do {
      for _ in 0..<3 { _ = try reader.number() }
      return try reader.qualifiers(entities: entityCount)
    } catch {
      return []
    }
  }
}

extension SnapshotReader {
  /// Reads the fact at the reader's place as `fact(entities:relations:paragraphCounts:)`
  /// does, checking the same numbers, without making it: its fields go to `fields`.
  mutating func checkFact(
    entities: Int, relations: Int, paragraphCounts: [Int], into fields: inout FactFields
  ) throws(SnapshotError) {
    let subject = try number(below: entities)
    let relation = try number(below: relations)
    let object = try number(below: entities)
    // A fact's qualifiers' entities go to `fields` before the fact's own columns: the
    // fact's share of them is marked by `endFact()`.
    for _ in 0..<(try count()) {
      _ = try number(below: table.count)
      switch try byte() {
      case 0: fields.appendQualifier(try number(below: entities))
      case 1: _ = try number(below: table.count)
      default: throw .malformed("a qualifier of no known kind")
      }
    }
    let affirmed: Bool
    switch try byte() {
    case 0: affirmed = true
    case 1: affirmed = false
    default: throw .malformed("a polarity of no known kind")
    }
    let reported: Bool
    var scenario: Int?
    switch try byte() {
    case 0: reported = true
    case 1: reported = false
    case 2:
      scenario = try number(below: entities)
      reported = false
    default: throw .malformed("a modality of no known kind")
    }
    _ = try bool()
    fields.append(
      subject: subject, relation: relation, object: object,
      affirmedAndReported: affirmed && reported, scenario: scenario)
    for _ in 0..<(try count()) {
      let (document, paragraph) = try place(paragraphCounts: paragraphCounts)
      fields.appendPlace(document: document, paragraph: paragraph)
      _ = try number(below: table.count)
    }
    _ = try number(below: table.count + 1)
    fields.endFact()
  }
}
