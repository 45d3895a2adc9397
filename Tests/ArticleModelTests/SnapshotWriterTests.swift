import Foundation
import Testing

@testable import ArticleModel

/// The parts the snapshot writer is made of: a checksum taken over pieces, the string table
/// numbered by bytes, the file written in parts.
@Suite struct SnapshotWriterTests {
  /// Bytes of every value, so that words and tails of every length occur.
  static let bytes: [UInt8] = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }

  @Test(arguments: [[0], [1], [31], [32], [33], [5, 7], [31, 1, 1], [64, 3], [100, 100, 99]])
  func aChecksumOverPiecesIsTheChecksumOfTheWhole(cuts: [Int]) {
    var stream = ContentHash.Stream()
    var start = 0
    for length in cuts {
      let end = min(start + length, Self.bytes.count)
      stream.add(Array(Self.bytes[start..<end]))
      start = end
    }
    stream.add(Array(Self.bytes[start...]))
    #expect(stream.hash == ContentHash.of(Self.bytes))
    let whole = Array(Self.bytes[..<cuts.reduce(0, +)])
    var prefix = ContentHash.Stream()
    prefix.add(whole)
    #expect(prefix.hash == ContentHash.of(whole))
  }

  @Test func theChecksumOfNothingIsAFixedNumber() {
    #expect(ContentHash.of([]) == ContentHash.Stream().hash)
    #expect(ContentHash.of([0]) != ContentHash.of([]))
  }

  /// Each distinct string gets the next number, an equal one its first number, through the
  /// table's growth; the table holds each once, its bytes one after another, and where each
  /// starts; as a section stores a table, each as `text`.
  @Test func stringsAreNumberedOnceEachInTheOrderFirstMet() {
    var table = SnapshotStrings()
    let words = (0..<5_000).map { "word \($0) – “\($0 % 7)”" }
    for (index, word) in words.enumerated() { #expect(table.number(of: word) == index) }
    for (index, word) in words.enumerated().reversed() {
      #expect(table.number(of: word) == index)
    }
    #expect(table.number(of: "") == words.count)
    #expect(table.number(of: "") == words.count)
    #expect(table.count == words.count + 1)
    var expected: [UInt8] = []
    var starts = [0]
    for word in words + [""] {
      var writer = SnapshotWriter()
      writer.text(word)
      expected += writer.bytes
      starts.append(starts.last! + word.utf8.count)
    }
    #expect(table.textBytes == expected)
    #expect(table.bytes == Array((words + [""]).joined().utf8))
    #expect(table.starts == starts)
  }

  /// Strings that `==` finds equal but spelt with other bytes keep their bytes, and so read
  /// back as they were written.
  @Test func stringsMeetByTheirBytes() throws {
    var table = SnapshotStrings()
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    #expect(composed == decomposed)
    #expect(table.number(of: composed) == 0)
    #expect(table.number(of: decomposed) == 1)
    let model = Model(
      documents: [Document(id: "d", paragraphs: [composed + " " + decomposed])],
      kinds: [Kind(id: "k", plural: "ks")], relations: [Relation(id: "r", phrase: "r")],
      entities: [
        Entity(id: "a", name: composed, kind: KindRef(0)),
        Entity(id: "b", name: decomposed, kind: KindRef(0)),
      ],
      sets: [], facts: [])
    let bytes = ModelSnapshot(build: "test", sources: []).encode(model)
    let read = try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(Array(read.entities[0].name.utf8) == Array(composed.utf8))
    #expect(Array(read.entities[1].name.utf8) == Array(decomposed.utf8))
  }

  /// The parts the cache writes one after another are the bytes of `encode`, whose checksum
  /// reads back.
  @Test func thePartsAreTheSnapshot() throws {
    let header = ModelSnapshot(build: "test", sources: [])
    let parts = header.encodedParts(ModelLoader.bundled)
    #expect(parts.count == 2 + SnapshotPart.allCases.count)
    #expect(Array(parts.joined()) == header.encode(ModelLoader.bundled))
    let folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-writer-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/x.snapshot"
    #expect(SnapshotCache.writeAtomically(parts, to: path, makingFolder: folder))
    let file = try #require(MappedFile(path: path, maximumSize: Int.max))
    #expect(Array(file.bytes) == header.encode(ModelLoader.bundled))
    #expect(try ModelSnapshot.model(from: file.bytes) == ModelLoader.bundled)
  }
}
