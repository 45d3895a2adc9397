import Foundation
import Testing

@testable import ArticleModel

/// Large files read into memory of their own are the bytes a plain read gives; small ones,
/// folders and missing files are left to the plain read.
@Suite struct FileBytesTests {
  @Test func aLargeFileReadsAsItIs() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-filebytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SystemRandomNumberGenerator()
    for size in [FileBytes.minimumSize, FileBytes.minimumSize + 2 * 1024 * 1024 + 17] {
      let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
      let file = folder.appendingPathComponent("large-\(size)")
      try bytes.write(to: file)
      let read = try #require(FileBytes.read(file.path))
      #expect(read == bytes)
      #expect(try ModelLoader.readData(file) == bytes)
    }
    let small = folder.appendingPathComponent("small")
    try Data("entity".utf8).write(to: small)
    #expect(FileBytes.read(small.path) == nil)
    #expect(try ModelLoader.readData(small) == Data("entity".utf8))
    #expect(FileBytes.read(folder.path) == nil)
    #expect(FileBytes.read(folder.appendingPathComponent("none").path) == nil)
  }

  /// A large text file read straight into its `String` is what `String(data:encoding:)`
  /// makes of it; one that is not UTF-8 or that begins with a byte order mark is left to the
  /// plain read, which refuses the one and drops the mark of the other, as before.
  @Test func aLargeTextReadsAsItIs() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-filetext-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let line = Array("Paragraph “quoted” — Bebó, naïve 東京.\n\n".utf8)
    var text: [UInt8] = []
    while text.count < FileBytes.minimumSize + 4099 { text += line }
    let file = folder.appendingPathComponent("text")
    try Data(text).write(to: file)
    let read = try #require(FileBytes.readText(file.path))
    #expect(read == String(data: Data(text), encoding: .utf8))
    #expect(Array(read.utf8) == text)
    #expect(try ModelLoader.readFile(file) == read)

    let marked = folder.appendingPathComponent("marked")
    try Data([0xEF, 0xBB, 0xBF] + text).write(to: marked)
    #expect(FileBytes.readText(marked.path) == nil)
    #expect(try ModelLoader.readFile(marked) == read)

    let broken = folder.appendingPathComponent("broken")
    try Data(text + [0xC3]).write(to: broken)
    #expect(FileBytes.readText(broken.path) == nil)
    #expect(throws: FileProblem.self) { try ModelLoader.readFile(broken) }

    let small = folder.appendingPathComponent("small")
    try Data("paragraph".utf8).write(to: small)
    #expect(FileBytes.readText(small.path) == nil)
    #expect(try ModelLoader.readFile(small) == "paragraph")
  }
}
