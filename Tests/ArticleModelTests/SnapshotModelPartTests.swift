import ArticleModel
import Testing

/// What a snapshot's model part may ask of memory: no more than the snapshot's own length for
/// the sets' indentation, and each string of the table made once however often it is named.
@Suite struct SnapshotModelPartTests {
  static let header = ModelSnapshot(build: "test build", sources: [])

  /// The bundled model with `change` made to it.
  static func bundled(_ change: (inout [NamedSet], inout [Entity]) -> Void) -> Model {
    let bundled = ModelLoader.bundled
    var (sets, entities) = (bundled.sets, bundled.entities)
    change(&sets, &entities)
    return Model(
      documents: bundled.documents, kinds: bundled.kinds, relations: bundled.relations,
      entities: entities, sets: sets, facts: bundled.facts, qualifiers: bundled.qualifiers,
      noClaims: bundled.noClaims)
  }

  /// The bundled model with its sets placed at `columns`, and its snapshot's length.
  static func sets(at columns: [Int]) -> (model: Model, bytes: [UInt8]) {
    let model = bundled { sets, _ in
      for (index, column) in columns.enumerated() {
        sets[index].origin = NamedSet.Origin(file: "csto.model", line: 1, column: column)
      }
    }
    return (model, header.encode(model))
  }

  /// A set placed within a model file's size but further right than its snapshot is long (the
  /// engine would indent its query by 1 MiB) is refused; one within the snapshot's length
  /// comes back as written.
  @Test func aSetsIndentationIsNoLongerThanTheSnapshot() throws {
    let length = Self.sets(at: [1]).bytes.count
    #expect(length < 1 << 20)
    let far = Self.sets(at: [1 << 20])
    #expect(throws: SnapshotError.malformed("a number out of range")) {
      try far.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
    let near = Self.sets(at: [length / 2])
    let read = try near.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(read.sets == near.model.sets)
  }

  /// Two sets that each fit the snapshot's length but not together are refused: the bound is
  /// on all the indentation, not on each set's.
  @Test func allTheSetsIndentationTogetherIsBounded() throws {
    #expect(ModelLoader.bundled.sets.count >= 2)
    let length = Self.sets(at: [1, 1]).bytes.count
    let each = Self.sets(at: [length * 2 / 3])
    _ = try each.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    let both = Self.sets(at: [length * 2 / 3, length * 2 / 3])
    #expect(throws: SnapshotError.malformed("a number out of range")) {
      try both.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
  }

  /// One long string named as each of 20,000 aliases (the table holds it once) is made at most
  /// twice (`MadeStrings`): the aliases share its storage, so that a snapshot of a few hundred kilobytes cannot make
  /// hundreds of megabytes of strings.
  @Test func aStringNamedManyTimesIsMadeAtMostTwice() throws {
    let long = String(repeating: "a long alias that does not fit in a small string ", count: 20)
    let model = Self.bundled { _, entities in
      entities[0].aliases = Array(repeating: long, count: 20_000)
    }
    let bytes = Self.header.encode(model)
    #expect(bytes.count < 200_000)
    let read = try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    let aliases = read.entities[0].aliases
    #expect(aliases == model.entities[0].aliases)
    let storage = Set(
      aliases.map { alias in
        alias.utf8.withContiguousStorageIfAvailable { Int(bitPattern: $0.baseAddress) } ?? 0
      })
    #expect(storage.count <= 2)
    #expect(read == model)
  }
}
