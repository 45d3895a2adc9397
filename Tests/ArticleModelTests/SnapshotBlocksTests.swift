import Synchronization
import Testing

@testable import ArticleModel

/// The fact columns and the index lists of a snapshot are checked by the blocks a query reads
/// (their checksums and every number in them), not as whole parts: a damaged block, or one
/// whose numbers are out of range with its checksum made right, is read from the model loaded
/// again, and the other blocks from the snapshot without loading anything.
@Suite struct SnapshotBlocksTests {
  static let built = ModelLoader.bundled

  /// The bundled model with 40,000 more facts: each column and list part several blocks.
  static let large: Model = {
    let built = Self.built
    var facts = Array(built.facts)
    let (entities, relations) = (built.entities.count, built.relations.count)
    for number in 0..<40_000 {
      facts.append(
        Fact(
          subject: number % entities, relation: number % relations,
          object: (number * 7 + 1) % entities, evidence: []))
    }
    return Model(
      documents: built.documents, kinds: built.kinds, relations: built.relations,
      entities: built.entities, sets: built.sets, facts: facts, qualifiers: built.qualifiers,
      noClaims: built.noClaims)
  }()
  static let bytes = ModelSnapshot(build: "test", sources: []).encode(large)

  /// How many times a model was loaded again.
  final class Loads: Sendable {
    let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
  }

  /// `bytes` read as the cache reads a snapshot, with `large` to load again.
  static func read(_ bytes: [UInt8], loads: Loads) throws -> Model {
    let owner = bytes.withUnsafeBytes { SnapshotBytes(copying: $0) }
    return try ModelSnapshot.model(from: owner) {
      loads.count.withLock { $0 += 1 }
      return large
    }
  }

  /// Where fact `fact`'s `column` (0 subject, 1 relation, 2 object) is in the file.
  static func place(column: Int, fact: Int, in bytes: [UInt8]) throws -> Int {
    try SnapshotCacheTests.range(of: .facts, in: bytes).lowerBound
      + (column * large.facts.count + fact) * 4
  }

  @Test func everyFactAndListOfManyBlocksIsTheBuiltOne() throws {
    let loads = Loads()
    let model = try Self.read(Self.bytes, loads: loads)
    #expect(try SnapshotCacheTests.range(of: .facts, in: Self.bytes).count > 8 * (1 << 16))
    for index in Self.large.facts.indices.reversed() {
      #expect(model.facts.relation(at: index) == Self.large.facts.relation(at: index))
      #expect(model.facts[index] == Self.large.facts[index])
    }
    #expect(
      SnapshotFactsTests.lists(of: model.index) == SnapshotFactsTests.lists(of: Self.large.index))
    #expect(loads.value == 0)
    let whole = try Self.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(whole == Self.large)
  }

  @Test func aDamagedBlockOfFactsIsReadFromTheModelLoadedAgain() throws {
    let fact = 20_000
    var bytes = Self.bytes
    let damaged = try Self.place(column: 1, fact: fact, in: bytes)
    // Fact 1's columns (subject, relation, object, scenario) are in other blocks.
    let block = { (place: Int) in
      (place - (try SnapshotCacheTests.range(of: .facts, in: bytes).lowerBound)) >> 16
    }
    for column in 0..<4 {
      #expect(try block(Self.place(column: column, fact: 1, in: bytes)) != block(damaged))
    }
    bytes[damaged] ^= 0x01
    let loads = Loads()
    let model = try Self.read(bytes, loads: loads)
    #expect(model.facts.relation(at: 0) == Self.large.facts.relation(at: 0))
    #expect(loads.value == 0, "fact 0's blocks are right")
    #expect(model.facts.claim(at: 1) == Self.large.facts.claim(at: 1))
    #expect(loads.value == 0, "fact 1's blocks are right")
    #expect(model.facts[1] == Self.large.facts[1])
    #expect(loads.value == 0, "fact 1's blocks are right")
    #expect(model.facts.bare(at: fact) == Self.large.facts.bare(at: fact))
    #expect(loads.value == 1)
    #expect(model.facts.relation(at: fact) == Self.large.facts.relation(at: fact))
    #expect(Array(model.facts) == Array(Self.large.facts))
  }

  /// A subject out of range, the checksums made right: the facts of that block come from the
  /// model loaded again, never the number out of range.
  @Test func aNumberOutOfRangeInABlockIsReadFromTheModelLoadedAgain() throws {
    let fact = 25_000
    var changed = Self.bytes
    let place = try Self.place(column: 0, fact: fact, in: changed)
    for offset in 0..<4 { changed[place + offset] = 0xF0 }
    let bytes = try #require(ModelSnapshot.resigned(changed))
    let loads = Loads()
    let model = try Self.read(bytes, loads: loads)
    #expect(model.facts.subject(at: 0) == Self.large.facts.subject(at: 0))
    #expect(loads.value == 0)
    #expect(model.facts.subject(at: fact) == Self.large.facts.subject(at: fact))
    #expect(model.facts[fact] == Self.large.facts[fact])
    #expect(loads.value == 1)
    #expect(throws: SnapshotError.self) {
      try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
  }

  /// The last block of the lists by subject damaged: every list's count and the lists in the
  /// first blocks read from the snapshot, the lists in the last from the model loaded again.
  @Test func aDamagedBlockOfAListIsReadFromTheModelLoadedAgain() throws {
    var bytes = Self.bytes
    let part = try SnapshotCacheTests.range(of: .bySubject, in: bytes)
    #expect(part.count > 2 * (1 << 16))
    bytes[part.upperBound - 1] ^= 0x01
    let loads = Loads()
    let model = try Self.read(bytes, loads: loads)
    let (read, built) = (model.index.factsBySubject, Self.large.index.factsBySubject)
    for entity in built.indices {
      #expect(read.count(at: entity) == built.count(at: entity))
    }
    #expect(read[0] == built[0])
    #expect(loads.value == 0)
    let last = try #require(built.indices.last { built.count(at: $0) > 0 })
    #expect(read[last] == built[last])
    #expect(loads.value == 1)
    #expect(Array(read) == Array(built))
  }
}
