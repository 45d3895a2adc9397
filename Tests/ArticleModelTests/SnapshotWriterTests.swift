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
  /// starts, as the `stringStarts` part stores them.
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
    var starts = [0]
    for word in words + [""] { starts.append(starts.last! + word.utf8.count) }
    #expect(table.bytes == Array((words + [""]).joined().utf8))
    #expect(table.starts == starts)
    // As the `stringStarts` part stores them: a little-endian u64 each.
    #expect(
      table.startBytes
        == starts.flatMap { withUnsafeBytes(of: UInt64($0).littleEndian, Array.init) })
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

/// The checker's numbers for the facts' strings, which the writer takes instead of numbering
/// the strings again (`CheckedStrings`).
@Suite struct CheckedStringsTests {
  /// A model the checker made carries its numbers; its snapshot, written with them or
  /// without, reads back as the same model, with each distinct string once.
  @Test func aSnapshotWrittenWithTheCheckersNumbersReadsBackTheSame() throws {
    let checked = ModelLoader.checkedBundled()
    let numbers = try #require(checked.stringNumbers)
    #expect(!numbers.strings.isEmpty)
    #expect(numbers.uses.count >= numbers.strings.count)
    var plain = checked
    plain.stringNumbers = nil
    let header = ModelSnapshot(build: "test", sources: [])
    let withNumbers = header.encode(checked)
    let without = header.encode(plain)
    for bytes in [withNumbers, without] {
      let read = try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      #expect(read == checked)
    }
    // The same distinct strings, each once, whichever numbered them.
    var first = SnapshotWriter(numbers: numbers, bytes: 0, tableBytes: 0)
    _ = first.encodeModelParts(checked)
    var second = SnapshotWriter()
    _ = second.encodeModelParts(plain)
    #expect(first.stringCount == second.stringCount)
    // The checker's strings come first, in the order it made them.
    var table = SnapshotStrings()
    for string in numbers.strings { _ = table.number(of: string) }
    #expect(Array(first.table.bytes.prefix(table.bytes.count)) == table.bytes)
    #expect(Array(first.table.starts.prefix(table.starts.count)) == table.starts)
  }

  /// Strings met in another order than the checker's, or equal but not the very strings it
  /// made, get the numbers of their bytes; new ones the next numbers.
  @Test func stringsMetInAnyOrderGetTheNumbersOfTheirBytes() {
    let words = (0..<3_000).map { "quote \($0) – “\($0 % 11)” and more words" }
    let text = Array(words.joined().utf8)
    var numbers: CheckedStrings?
    text.withUnsafeBufferPointer { bytes in
      var texts = TextTable(text: bytes)
      var start = 0
      for word in words {
        let end = start + word.utf8.count
        _ = texts.string(at: start..<end) { String(decoding: bytes[start..<end], as: UTF8.self) }
        _ = texts.string(at: start..<end) {
          Issue.record("made twice")
          return ""
        }
        start = end
      }
      numbers = texts.numbers()
    }
    guard let numbers else { return }
    #expect(numbers.strings == words)
    #expect(numbers.uses.count == 2 * words.count)
    var table = SnapshotStrings(numbers: numbers, reserving: 0)
    // Out of order, and copies that are not the checker's strings.
    var random = SystemRandomNumberGenerator()
    for index in words.indices.shuffled(using: &random) {
      #expect(table.number(of: words[index]) == index)
      #expect(table.number(of: String(decoding: Array(words[index].utf8), as: UTF8.self)) == index)
    }
    #expect(table.number(of: "new") == words.count)
    #expect(table.number(of: "at") == words.count + 1)
    #expect(table.number(of: "at") == words.count + 1)
    var expected = SnapshotStrings()
    for word in words + ["new", "at"] { _ = expected.number(of: word) }
    #expect(table.bytes == expected.bytes)
    #expect(table.count == words.count + 2)
  }
}
