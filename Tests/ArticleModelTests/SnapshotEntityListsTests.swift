import Synchronization
import Testing

@testable import ArticleModel

/// A model read from a snapshot keeps its entities' aliases, metonyms and background in the
/// snapshot's bytes (`SnapshotEntityLists`) and makes them when asked: they are the built
/// ones, a copy changed keeps the others, and damaged bytes read as the model loaded again.
@Suite struct SnapshotEntityListsTests {
  static let built = ModelLoader.bundled

  /// A model read from the cache's way (with a model to load again), counting the loads.
  static func read(_ bytes: [UInt8], reload model: Model, loads: Loads? = nil) throws
    -> Model
  {
    let owner = bytes.withUnsafeBytes { SnapshotBytes(copying: $0) }
    return try ModelSnapshot.model(from: owner) {
      loads?.count.withLock { $0 += 1 }
      return model
    }
  }

  @Test func theListsAreTheBuiltOnes() throws {
    let bytes = ModelSnapshot(build: "test", sources: []).encode(Self.built)
    let read = try Self.read(bytes, reload: Self.built)
    #expect(read.entities.count == Self.built.entities.count)
    for (entity, built) in zip(read.entities, Self.built.entities) {
      #expect(entity.aliases == built.aliases)
      #expect(entity.metonyms == built.metonyms)
      #expect(entity.background == built.background)
      #expect(entity.allNames == built.allNames)
    }
    #expect(Self.built.entities.contains { !$0.aliases.isEmpty && !$0.metonyms.isEmpty })
    #expect(Self.built.entities.contains { !$0.background.isEmpty })
    #expect(read.entities == Self.built.entities)
  }

  /// Setting one list of an entity read from a snapshot keeps its other two, and leaves the
  /// model's own entity as it was.
  @Test func aCopyChangedKeepsItsOtherLists() throws {
    let bytes = ModelSnapshot(build: "test", sources: []).encode(Self.built)
    let read = try Self.read(bytes, reload: Self.built)
    let place = try #require(
      Self.built.entities.firstIndex { !$0.aliases.isEmpty && !$0.metonyms.isEmpty })
    var changed = read.entities[place]
    changed.aliases = ["another name"]
    #expect(changed.aliases == ["another name"])
    #expect(changed.metonyms == Self.built.entities[place].metonyms)
    #expect(changed.background == Self.built.entities[place].background)
    #expect(changed != Self.built.entities[place])
    #expect(read.entities[place] == Self.built.entities[place])
    var built = Self.built.entities[place]
    built.aliases = ["another name"]
    #expect(changed == built)
  }

  /// An alias of 200,000 bytes whose middle block is damaged after the model was read: the
  /// model reads (nothing at start uses the alias), the other entities' lists come from the
  /// snapshot, and that entity's from the model loaded again.
  @Test func aDamagedAliasIsReadFromTheModelLoadedAgain() throws {
    let built = Self.built
    var entities = built.entities
    let long = "alias " + String(repeating: "long ", count: 40_000)
    entities[1].aliases.append(long)
    let model = Model(
      documents: built.documents, kinds: built.kinds, relations: built.relations,
      entities: entities, sets: built.sets, facts: Array(built.facts),
      qualifiers: built.qualifiers, noClaims: built.noClaims)
    var bytes = ModelSnapshot(build: "test", sources: []).encode(model)
    let text = try SnapshotCacheTests.range(of: .text, in: bytes)
    let start = try #require(Self.find(Array(long.utf8.prefix(64)), in: bytes, within: text))
    bytes[start + long.utf8.count / 2] ^= 0x01
    let loads = Loads()
    let read = try Self.read(bytes, reload: model, loads: loads)
    #expect(loads.count.withLock { $0 } == 0, "nothing damaged was read yet")
    #expect(read.entities[0].aliases == entities[0].aliases)
    #expect(read.entities[1].metonyms == entities[1].metonyms)
    #expect(loads.count.withLock { $0 } == 0)
    #expect(read.entities[1].aliases == entities[1].aliases)
    #expect(loads.count.withLock { $0 } == 1)
    // With no model to load again, the damaged list reads as empty, never as wrong strings.
    let alone = try Self.read(
      bytes,
      reload: Model(documents: [], kinds: [], relations: [], entities: [], sets: [], facts: []))
    #expect(alone.entities[1].aliases.isEmpty)
    #expect(alone.entities[1].metonyms == entities[1].metonyms)
  }

  /// How many times a model was loaded again.
  final class Loads: Sendable {
    let count = Mutex(0)
  }

  static func find(_ needle: [UInt8], in bytes: [UInt8], within range: Range<Int>) -> Int? {
    var offset = range.lowerBound
    while offset + needle.count <= range.upperBound {
      if bytes[offset] == needle[0], Array(bytes[offset..<offset + needle.count]) == needle {
        return offset
      }
      offset += 1
    }
    return nil
  }
}
