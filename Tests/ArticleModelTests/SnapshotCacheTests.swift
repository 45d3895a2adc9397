import Foundation
import Testing

@testable import ArticleModel

/// The compiled-model cache on a copy of the bundled model in a folder of its own: each case
/// ends with the model the file holds now, whatever the cache held.
@Suite struct SnapshotCacheTests {
  let folder: String
  let modelPath: String
  let cache: SnapshotCache

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-cache-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    modelPath = folder + "/csto.model"
    try Bundled.modelText.write(toFile: modelPath, atomically: false, encoding: .utf8)
    try Bundled.articleText.write(
      toFile: folder + "/article.txt", atomically: false, encoding: .utf8)
    cache = SnapshotCache(folder: folder + "/cache", build: "csto test build")
  }

  var snapshotPath: String { cache.snapshotPath(forModelAt: modelPath) }

  func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

  @Test func theSecondLoadIsAHit() throws {
    defer { removeFolder() }
    let first = try cache.load(file: modelPath)
    #expect(first.outcome == .miss(stored: true))
    let second = try cache.load(file: modelPath)
    #expect(second.outcome == .hit)
    #expect(second.model == ModelLoader.bundled)
  }

  @Test func aOneByteChangeToTheModelIsAMiss() throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    let changed = Bundled.modelText.replacingOccurrences(
      of: "\"Tajikistan\" country", with: "\"Tajikistaz\" country")
    #expect(changed.utf8.count == Bundled.modelText.utf8.count)
    try changed.write(toFile: modelPath, atomically: false, encoding: .utf8)
    let reloaded = try cache.load(file: modelPath)
    #expect(reloaded.outcome == .miss(stored: true))
    #expect(reloaded.model.entities.contains { $0.name == "Tajikistaz" })
    #expect(try cache.load(file: modelPath).model == reloaded.model)
  }

  @Test func aChangedTextFileIsAMiss() throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    let changed = Bundled.articleText.replacingOccurrences(of: "Kyrgyzstan", with: "Kyrgyzstam")
    try changed.write(toFile: folder + "/article.txt", atomically: false, encoding: .utf8)
    #expect(throws: ModelError.self, "its quotes are no longer in the text") {
      try cache.load(file: modelPath)
    }
  }

  @Test func anotherCstoVersionIsAMiss() throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    let other = SnapshotCache(folder: cache.folder, build: "csto 0.0.9")
    #expect(try other.load(file: modelPath).outcome == .miss(stored: true))
    let header = try Self.header(at: snapshotPath)
    #expect(header.build == "csto 0.0.9")
    #expect(try cache.load(file: modelPath).outcome == .miss(stored: true))
  }

  @Test(arguments: ["truncated", "random bytes", "empty"])
  func aDamagedSnapshotIsAMissAndIsReplaced(_ damage: String) throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: snapshotPath))
    let damaged: Data =
      switch damage {
      case "truncated": bytes.prefix(bytes.count / 2)
      case "random bytes": Data((0..<bytes.count).map { _ in UInt8.random(in: 0...255) })
      default: Data()
      }
    try damaged.write(to: URL(fileURLWithPath: snapshotPath))
    let reloaded = try cache.load(file: modelPath)
    #expect(reloaded.outcome == .miss(stored: true))
    #expect(reloaded.model == ModelLoader.bundled)
    #expect(try cache.load(file: modelPath).outcome == .hit)
  }

  @Test func aSnapshotOfAnotherModelIsAMiss() throws {
    defer { removeFolder() }
    let otherPath = folder + "/other.model"
    let other = Bundled.modelText.replacingOccurrences(
      of: "\"Belarus\" country", with: "\"Belarusia\" country")
    try other.write(toFile: otherPath, atomically: false, encoding: .utf8)
    _ = try cache.load(file: otherPath)
    try FileManager.default.createDirectory(
      atPath: cache.folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: cache.snapshotPath(forModelAt: otherPath), toPath: snapshotPath)
    let loaded = try cache.load(file: modelPath)
    #expect(loaded.outcome == .miss(stored: true))
    #expect(loaded.model == ModelLoader.bundled)
  }

  /// The tests may run as root, who writes into read-only folders, so the folder here cannot
  /// be made at all: its parent is a file.
  @Test func aFolderThatCannotBeWrittenMeansNoCache() throws {
    defer { removeFolder() }
    try "not a folder".write(toFile: folder + "/file", atomically: false, encoding: .utf8)
    let unwritable = SnapshotCache(folder: folder + "/file/csto", build: cache.build)
    for _ in 0..<2 {
      let loaded = try unwritable.load(file: modelPath)
      #expect(loaded.outcome == .miss(stored: false))
      #expect(loaded.model == ModelLoader.bundled)
    }
  }

  static func header(at path: String) throws -> ModelSnapshot {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    return try bytes.withUnsafeBytes { try ModelSnapshot.header(of: $0) }
  }
}

extension SnapshotCacheTests {
  /// The range of `part` in the snapshot file `bytes`.
  static func range(of part: SnapshotPart, in bytes: [UInt8]) throws -> Range<Int> {
    let owner = bytes.withUnsafeBytes { SnapshotBytes(copying: $0) }
    let model = try ModelSnapshot.model(from: owner, reload: nil)
    _ = model
    var reader = SnapshotReader(owner.bytes, offset: ModelSnapshot.fixedHeaderSize)
    _ = try reader.text()
    for _ in 0..<(try reader.count()) {
      _ = try reader.text()
      _ = try reader.number()
      for _ in 0..<4 { _ = try reader.uint64() }
    }
    _ = try reader.number()
    var found: Range<Int>?
    for candidate in SnapshotPart.allCases {
      let (offset, length) = (Int(try reader.uint64()), Int(try reader.uint64()))
      for _ in 0..<SnapshotParts.blocks(of: length) { _ = try reader.uint64() }
      if candidate == part { found = offset..<offset + length }
    }
    return try #require(found)
  }

  /// A snapshot whose facts, details, index or strings are damaged is read (those parts are
  /// checked when first used), and the first use finds the damage: the facts, paragraphs and
  /// index then come from the model file loaded again, the same as the built ones, and the
  /// snapshot is removed, so that the next load writes a new one.
  @Test(arguments: [
    SnapshotPart.facts, .details, .bySubject, .byParagraph, .text, .stringStarts,
  ])
  func aPartDamagedAfterStartIsReplacedByTheModelFile(_ part: SnapshotPart) throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshotPath)))
    let range = try Self.range(of: part, in: bytes)
    // The last byte of the part: in the strings, one of the facts' quotes, not of a name
    // read at start.
    bytes[range.upperBound - 1] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: snapshotPath))
    let (model, outcome) = try cache.load(file: modelPath)
    let built = ModelLoader.bundled
    // The bundled model's strings are one block, read at start for the names: damage there
    // is found at start, a miss.
    guard outcome == .hit else {
      #expect([.text, .stringStarts].contains(part))
      #expect(model == built)
      return
    }
    #expect(Array(model.facts) == Array(built.facts))
    #expect(model.documents == built.documents)
    #expect(
      SnapshotFactsTests.lists(of: model.index) == SnapshotFactsTests.lists(of: built.index))
    #expect(!FileManager.default.fileExists(atPath: snapshotPath))
    #expect(try cache.load(file: modelPath).outcome == .miss(stored: true))
  }

  /// A damaged part of the model's names (read at start) makes the load a miss.
  @Test func aDamagedModelPartIsAMiss() throws {
    defer { removeFolder() }
    _ = try cache.load(file: modelPath)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshotPath)))
    let range = try Self.range(of: .model, in: bytes)
    bytes[range.lowerBound + range.count / 2] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: snapshotPath))
    let loaded = try cache.load(file: modelPath)
    #expect(loaded.outcome == .miss(stored: true))
    #expect(loaded.model == ModelLoader.bundled)
  }
}
