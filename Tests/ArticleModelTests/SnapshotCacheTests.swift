import ArticleModel
import Foundation
import Testing

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
