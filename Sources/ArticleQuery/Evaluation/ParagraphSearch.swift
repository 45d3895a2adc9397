import ArticleModel
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

  /// The text a name or a paragraph is searched as: `UTF8Text.folded`.
  static func fold(_ text: String) -> String {
    UTF8Text.folded(text)
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
          while let at = UTF8Text.firstOffset(of: needle, in: text, from: offset) {
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
      UTF8Text.appendFolded(paragraph, to: &bytes)
      bytes.append(UInt8(ascii: "\n"))
    }
    return Folded(bytes: bytes, starts: starts)
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
