import ArticleModel
import Foundation  // precomposedStringWithCanonicalMapping
import Synchronization
import Syntax

/// Finds the paragraphs whose text names an entity, for `why not`'s "a paragraph naming
/// both". Each document's paragraphs are lowercased once, into one run of bytes (NFC, so that
/// a name and a text that spell an accent differently still meet), on the first search, and
/// kept: a search is then a byte search per name, not a lowercasing of every paragraph. The
/// bytes only propose paragraphs; the caller checks each as before.
final class ParagraphSearch: Sendable {
  private let documents: [Document]
  private let prepared = Mutex<[Folded]?>(nil)

  /// A document's paragraphs, lowercased and joined by line feeds, with where each starts.
  private struct Folded: Sendable {
    var bytes: [UInt8]
    var starts: [Int]
  }

  init(documents: [Document]) {
    self.documents = documents
  }

  /// The text a name or a paragraph is searched as: lowercased, then composed. Composing is
  /// skipped for text it cannot change (the usual case, and the costly step): scalars below
  /// U+0300, where no combining mark is, and the punctuation of U+2010–U+206F (`’`, `—`).
  static func fold(_ text: String) -> String {
    let lower = text.lowercased()
    let stable = lower.unicodeScalars.allSatisfy {
      $0.value < 0x300 || (0x2010..<0x2070).contains($0.value)
    }
    return stable ? lower : lower.precomposedStringWithCanonicalMapping
  }

  /// The offsets (¶ − 1) of the paragraphs of document `document` in which one of `names`
  /// (folded with `fold`) occurs as bytes, in order.
  func paragraphs(of document: Int, naming names: [String]) -> [Int] {
    let folded = prepared.withLock { prepared in
      if prepared == nil { prepared = documents.map(Self.folded) }
      return prepared![document]
    }
    var found: Set<Int> = []
    folded.bytes.withUnsafeBufferPointer { text in
      for name in names {
        var name = name
        name.withUTF8 { needle in
          var offset = 0
          while let at = ByteSearch.firstOffset(of: needle, in: text, from: offset) {
            let paragraph = Self.paragraph(at: at, starts: folded.starts)
            found.insert(paragraph)
            // The rest of this paragraph adds nothing: go on from the next one.
            offset =
              paragraph + 1 < folded.starts.count ? folded.starts[paragraph + 1] : text.count
          }
        }
      }
    }
    return found.sorted()
  }

  private static func folded(_ document: Document) -> Folded {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    starts.reserveCapacity(document.paragraphs.count)
    for paragraph in document.paragraphs {
      starts.append(bytes.count)
      if !appendFoldedByBytes(paragraph, to: &bytes) { bytes += fold(paragraph).utf8 }
      bytes.append(UInt8(ascii: "\n"))
    }
    return Folded(bytes: bytes, starts: starts)
  }

  /// Appends `fold(text)` by bytes when the text holds only scalars below U+0300 (ASCII and
  /// the Latin letters) and the punctuation of U+2010–U+206F, none of which composes with
  /// anything: lowercasing is then a loop over bytes and a table. Gives back false, having
  /// appended nothing, for any other text.
  static func appendFoldedByBytes(_ text: String, to bytes: inout [UInt8]) -> Bool {
    let start = bytes.count
    var utf8 = text.utf8.makeIterator()
    while let byte = utf8.next() {
      if byte < 0x80 {
        bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        continue
      }
      // Below U+0300: C2 80 to CB BF. The punctuation: E2 80 90…BF and E2 81 80…AF.
      if (0xC2...0xCB).contains(byte), let second = utf8.next() {
        let lower = latinLowercase[Int(byte & 0x1F) << 6 | Int(second & 0x3F)]
        if lower != 0 {
          bytes += [UInt8(0xC0 | lower >> 6), UInt8(0x80 | lower & 0x3F)]
          continue
        }
      } else if byte == 0xE2, let second = utf8.next(), let third = utf8.next(),
        (second == 0x80 && third >= 0x90) || (second == 0x81 && third < 0xB0)
      {
        bytes += [byte, second, third]
        continue
      }
      bytes.removeSubrange(start...)
      return false
    }
    return true
  }

  /// The lowercase of each scalar from U+0080 to U+02FF where it is one scalar from U+0080 to
  /// U+02FF (most Latin letters); 0 where it is not (U+0130 `İ` lowercases to two).
  private static let latinLowercase: [UInt16] = (0..<0x300).map { value in
    guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return 0 }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let only = lower.first, (0x80..<0x300).contains(only.value)
    else { return 0 }
    return UInt16(only.value)
  }

  /// The paragraph whose bytes hold offset `at`: the last start at or before it.
  private static func paragraph(at offset: Int, starts: [Int]) -> Int {
    var low = 0
    var high = starts.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if starts[middle] <= offset { low = middle } else { high = middle }
    }
    return low
  }
}
