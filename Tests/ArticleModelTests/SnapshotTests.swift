import Testing

@testable import ArticleModel

/// The snapshot format: the bundled model comes back whole, and bytes that are not a whole
/// snapshot of this format give an error, never a crash or another model.
@Suite struct SnapshotTests {
  static let header = ModelSnapshot(build: "test build", sources: [])
  static let bytes = header.encode(ModelLoader.bundled)

  @Test func theBundledModelComesBackWhole() throws {
    let model = try Self.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(model == ModelLoader.bundled)
    #expect(
      ModelExport.export(model, as: .json) == ModelExport.export(ModelLoader.bundled, as: .json))
    let header = try Self.bytes.withUnsafeBytes { try ModelSnapshot.header(of: $0) }
    #expect(header == Self.header)
  }

  /// The stored properties the snapshot writes, type by type. A property added to a model type
  /// fails here until the snapshot writes and reads it too (`SnapshotWriter+Model.swift`,
  /// `SnapshotReader+Model.swift`, `Grammar/snapshot.md`, with the format version bumped).
  static let written: [(value: any Sendable, properties: [String])] = [
    (
      ModelLoader.bundled,
      [
        "documents", "kinds", "relations", "entities", "sets", "facts", "qualifiers", "noClaims",
        "index", "snapshotSections", "stringNumbers",
      ]
    ),
    (
      Document(id: "d"),
      ["id", "title", "author", "publisher", "date", "url", "textFile", "skipped", "paragraphs"]
    ),
    (Kind(id: "k", plural: "ks"), ["id", "plural", "isScenario", "aliases"]),
    (
      Relation(id: "r", phrase: "r"),
      [
        "id", "phrase", "present", "past", "base", "passive", "inverse", "synonyms", "symmetric",
        "office", "reflexive", "personal", "represents", "subjectKinds", "objectKinds", "cameo",
      ]
    ),
    (
      Entity(id: "e", name: "E", kind: KindRef(0)),
      ["id", "name", "kind", "lists"]
    ),
    // The aliases, metonyms and background, or where they are in a snapshot.
    (
      EntityLists(aliases: [], metonyms: [], background: []),
      ["aliases", "metonyms", "background", "mapped", "offset", "entity"]
    ),
    (NamedSet(id: "s", query: "q"), ["id", "query", "aliases", "origin"]),
    (NamedSet.Origin(file: "f", line: 1, column: 1), ["file", "line", "column"]),
    (
      Fact(subject: 0, relation: 0, object: 0, evidence: []),
      [
        "subject", "relation", "object", "qualifiers", "polarity", "modality", "personal",
        "evidence", "note",
      ]
    ),
    (Qualifier(.at, .entity(0)), ["key", "value"]),
    (Qualifier.Key.at, ["rawValue"]),
    (Qualifier.Declaration(key: .at, takesEntity: true), ["key", "takesEntity", "meaning"]),
    (Evidence(document: 0, paragraph: 1, quote: "q"), ["document", "paragraph", "quote"]),
    (
      NoClaim(document: 0, paragraph: 1, quote: "q", reason: "r"),
      ["document", "paragraph", "quote", "reason"]
    ),
  ]

  @Test func theSnapshotWritesEveryStoredProperty() {
    for (value, properties) in Self.written {
      let stored = Mirror(reflecting: value).children.compactMap(\.label)
      #expect(stored == properties, "\(type(of: value)): write the new properties to the snapshot")
    }
  }

  @Test func aTruncatedSnapshotIsRefused() {
    for length in stride(from: 0, to: Self.bytes.count, by: max(1, Self.bytes.count / 300)) {
      let prefix = Array(Self.bytes.prefix(length))
      #expect(throws: SnapshotError.self) {
        try prefix.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
    }
  }

  @Test func aChangedByteIsFoundByTheChecksum() {
    for offset in stride(from: 32, to: Self.bytes.count, by: max(1, Self.bytes.count / 300)) {
      var changed = Self.bytes
      changed[offset] ^= 0x20
      #expect(throws: SnapshotError.checksumMismatch) {
        try changed.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
    }
  }

  @Test func randomBytesAreNotASnapshot() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 7, 32, 1000, 100_000] {
      let random = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(throws: SnapshotError.self) {
        try random.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
      var disguised = Array("CSTOSNAP".utf8) + [1, 0, 0, 0, 0, 0, 0, 0] + random
      disguised.replaceSubrange(
        16..<16, with: withUnsafeBytes(of: UInt64(random.count + 8).littleEndian, Array.init))
      #expect(throws: SnapshotError.self) {
        try disguised.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
    }
  }

  /// A snapshot whose head is a text's length and nothing after it, its length and checksum
  /// right: the length was checked against the bytes left before it was read, counting its
  /// own byte, so the text was read one byte past the end (found by the snapshot fuzzer).
  @Test(arguments: [[0x01], [0x02, 0x00], [0x81, 0x00, 0x00]] as [[UInt8]])
  func aTextLongerThanTheBytesLeftIsRefused(body: [UInt8]) {
    var bytes = Array("CSTOSNAP".utf8)
    bytes += withUnsafeBytes(of: ModelSnapshot.formatVersion.littleEndian, Array.init)
    bytes += withUnsafeBytes(of: UInt32(body.count).littleEndian, Array.init)
    bytes += withUnsafeBytes(of: UInt64(body.count).littleEndian, Array.init)
    let checksum = body.withUnsafeBytes { ContentHash.of($0) }
    bytes += withUnsafeBytes(of: checksum.littleEndian, Array.init)
    bytes += body
    #expect(throws: SnapshotError.truncated) {
      try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
  }

  /// A named set's place in its model file past any model file's size: the engine indents the
  /// set's query by its column, and a fuzzed snapshot asked it for 1.3 exabytes.
  @Test(arguments: [(Int.max / 2, 1), (1, Int.max / 2), (ModelLoader.maximumFileSize + 1, 1)])
  func aSetsPlaceBeyondAnyModelFileIsRefused(column: Int, line: Int) {
    let bundled = ModelLoader.bundled
    var sets = bundled.sets
    sets[0].origin = NamedSet.Origin(file: "csto.model", line: line, column: column)
    let model = Model(
      documents: bundled.documents, kinds: bundled.kinds, relations: bundled.relations,
      entities: bundled.entities, sets: sets, facts: bundled.facts,
      qualifiers: bundled.qualifiers, noClaims: bundled.noClaims)
    let bytes = Self.header.encode(model)
    #expect(throws: SnapshotError.malformed("a number out of range")) {
      try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
  }

  @Test func anotherFormatVersionIsRefused() {
    var other = Self.bytes
    other[8] = 99
    #expect(throws: SnapshotError.otherFormatVersion(99)) {
      try other.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
  }
}

extension SnapshotTests {
  /// Sections written after the model come back as written, in order, with the model; the
  /// model read from its text has none.
  @Test func sectionsComeBackAsWritten() throws {
    let sections = [
      SnapshotSection(name: "vocabulary", bytes: [1, 2, 3]),
      SnapshotSection(name: "empty", bytes: []),
      SnapshotSection(name: "large", bytes: (0..<300).map { UInt8($0 % 256) }),
    ]
    let bytes = Self.header.encode(ModelLoader.checkedBundled(), sections: sections)
    let model = try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(model.snapshotSections == sections)
    #expect(model.snapshotSection(named: "large") == sections[2].bytes)
    #expect(model.snapshotSection(named: "none") == nil)
    #expect(ModelLoader.checkedBundled().snapshotSections.isEmpty)
  }
}
