/// Texts in order, a document's paragraphs: an array for a model parsed or built in code, or
/// places in the string table of the snapshot the model was read from, each made into a
/// `String` when read (a million-fact model's article is 57 MB of paragraphs: issue 14).
public struct TextList: RandomAccessCollection, RangeReplaceableCollection, Sendable, Equatable,
  ExpressibleByArrayLiteral
{
  // Two stored properties, not an enum of two payloads: LeakSanitizer does not see the
  // pointers an enum's payload holds, and reported the snapshot's storage leaked at exit.
  /// The texts of a model parsed or built in code; empty when `snapshot` holds them.
  private var texts: [String]
  /// The texts as places in a snapshot's string table.
  private var snapshot: SnapshotTexts?

  public init() {
    texts = []
  }

  public init(_ texts: [String]) {
    self.texts = texts
  }

  init(snapshot: SnapshotTexts) {
    texts = []
    self.snapshot = snapshot
  }

  public init(arrayLiteral texts: String...) {
    self.texts = texts
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int { snapshot?.count ?? texts.count }

  public subscript(position: Int) -> String {
    if let snapshot { return snapshot.text(position) }
    return texts[position]
  }

  /// The texts as an array.
  public var array: [String] {
    snapshot == nil ? texts : Array(self)
  }

  public mutating func replaceSubrange<C: Collection<String>>(
    _ subrange: Range<Int>, with newElements: C
  ) {
    if snapshot != nil {
      texts = array
      snapshot = nil
    }
    texts.replaceSubrange(subrange, with: newElements)
  }

  public static func == (lhs: TextList, rhs: TextList) -> Bool {
    lhs.elementsEqual(rhs)
  }
}

extension TextList: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(try [String](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try array.encode(to: encoder)
  }
}

/// Texts kept as places in a snapshot's string table (`TextList`): the bytes stay mapped and
/// a text is made when read. A text whose blocks are damaged comes from the model loaded again
/// from its file (`SnapshotReload`).
final class SnapshotTexts: Sendable {
  private let strings: MappedStrings
  private let reload: SnapshotReload
  /// Which document's paragraphs these are.
  private let document: Int
  private let numbers: [Int32]

  var count: Int { numbers.count }

  /// The texts numbered `numbers` in `strings` (checked to be in it), the paragraphs of
  /// document `document`.
  init(strings: MappedStrings, reload: SnapshotReload, document: Int, numbers: [Int32]) {
    self.strings = strings
    self.reload = reload
    self.document = document
    self.numbers = numbers
  }

  func text(_ position: Int) -> String {
    if let text = strings.string(Int(numbers[position])) { return text }
    guard let documents = reload.replacement()?.documents, document < documents.count,
      documents[document].paragraphs.indices.contains(position)
    else { return "" }
    return documents[document].paragraphs[position]
  }
}
