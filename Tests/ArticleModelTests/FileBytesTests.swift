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
}
