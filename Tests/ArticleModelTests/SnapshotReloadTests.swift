import Foundation
import Testing

@testable import ArticleModel

/// A damaged part found after start is read from the model loaded again from its file, and
/// only when that model has the snapshot's shape: a snapshot written to fit other files (its
/// checksums made right, as a foreign writer could) must not make csto read past the end of
/// the smaller model loaded again (found in review, round 6 of issue 14).
@Suite struct SnapshotReloadTests {
  /// The bundled model with one more entity and three more facts about it.
  static var bigger: Model {
    let built = ModelLoader.checkedBundled()
    var entities = built.entities
    entities.append(Entity(id: "zz-extra", name: "Zz Extra", kind: KindRef(0)))
    var facts = Array(built.facts)
    for _ in 0..<3 {
      facts.append(
        Fact(
          subject: entities.count - 1, relation: 0, object: 0,
          evidence: [Evidence(document: 0, paragraph: 1, quote: "extra")]))
    }
    return Model(
      documents: built.documents, kinds: built.kinds, relations: built.relations,
      entities: entities, sets: built.sets, facts: facts, qualifiers: built.qualifiers,
      noClaims: built.noClaims)
  }

  /// The bigger model's snapshot with `part`'s last byte changed (its checksum now wrong),
  /// read with a reload that gives the bundled model, which is smaller.
  static func damaged(_ part: SnapshotPart, of model: Model = bigger) throws -> Model {
    var bytes = ModelSnapshot(build: "t", sources: []).encode(model)
    let range = try SnapshotCacheTests.range(of: part, in: bytes)
    bytes[range.upperBound - 1] ^= 0x01
    let owner = bytes.withUnsafeBytes { SnapshotBytes(copying: $0) }
    return try ModelSnapshot.model(from: owner) { ModelLoader.checkedBundled() }
  }

  @Test func aSmallerModelDoesNotStandInForDamagedFacts() throws {
    let model = try Self.damaged(.facts)
    let last = model.facts.count - 1
    #expect(model.facts.count == ModelLoader.bundled.facts.count + 3)
    // Read as empty, not from the smaller model (which has no fact `last`).
    #expect(model.facts.subject(at: last) == 0)
    _ = model.facts[last]  // no trap
    _ = model.facts.claim(at: last)
  }

  @Test func aSmallerModelDoesNotStandInForDamagedLists() throws {
    let model = try Self.damaged(.bySubject)
    #expect(model.index.factsBySubject[model.entities.count - 1].isEmpty)
  }

  /// With the same shape, the model loaded again does stand in: the damaged part's facts
  /// are the file's.
  @Test func aModelOfTheSameShapeStandsIn() throws {
    let model = try Self.damaged(.facts, of: ModelLoader.checkedBundled())
    let built = ModelLoader.bundled
    #expect(model.facts.count == built.facts.count)
    for position in [0, built.facts.count / 2, built.facts.count - 1] {
      #expect(model.facts.subject(at: position) == built.facts.subject(at: position))
      #expect(model.facts[position] == built.facts[position])
    }
  }
}

extension SnapshotCacheTests {
  /// Through the cache: a snapshot of another, bigger model written at the cache's path with
  /// a header naming the real model file, its facts part damaged, is a hit whose damaged
  /// facts read as empty, never past the end of the model loaded again.
  @Test func aCachedSnapshotOfAnotherShapeNeverReadsPastTheFilesModel() throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    let header = try Self.header(at: snapshotPath)
    var bytes = ModelSnapshot(build: header.build, sources: header.sources)
      .encode(SnapshotReloadTests.bigger)
    let range = try Self.range(of: .facts, in: bytes)
    bytes[range.upperBound - 1] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: snapshotPath))
    let (model, outcome) = try cache.load(file: modelPath)
    #expect(outcome == .hit)
    #expect(model.facts.subject(at: model.facts.count - 1) == 0)
  }
}
