/// Texts in order, a document's paragraphs: an array for a model parsed or built in code, or
/// places in the string table of the snapshot the model was read from, each made into a
/// `String` when read (a million-fact model's article is 57 MB of paragraphs: issue 14).
public struct TextList: RandomAccessCollection, RangeReplaceableCollection, Sendable, Equatable,
  ExpressibleByArrayLiteral
{
  enum Storage: Sendable {
    case array([String])
    case snapshot(SnapshotTexts)
  }

  private var storage: Storage

  public init() {
    storage = .array([])
  }

  public init(_ texts: [String]) {
    storage = .array(texts)
  }

  init(snapshot: SnapshotTexts) {
    storage = .snapshot(snapshot)
  }

  public init(arrayLiteral texts: String...) {
    storage = .array(texts)
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .array(let texts): texts.count
    case .snapshot(let texts): texts.count
    }
  }

  public subscript(position: Int) -> String {
    switch storage {
    case .array(let texts): texts[position]
    case .snapshot(let texts): texts.text(position)
    }
  }

  /// The texts as an array.
  public var array: [String] {
    if case .array(let texts) = storage { return texts }
    return Array(self)
  }

  public mutating func replaceSubrange<C: Collection<String>>(
    _ subrange: Range<Int>, with newElements: C
  ) {
    var texts = array
    storage = .array([])
    texts.replaceSubrange(subrange, with: newElements)
    storage = .array(texts)
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
/// a text is made when read.
final class SnapshotTexts: Sendable {
  private let owner: SnapshotBytes
  private let table: StringTable
  private let numbers: [Int32]

  var count: Int { numbers.count }

  /// The texts numbered `numbers` in `table` (checked to be in it), read from `owner`.
  init(owner: SnapshotBytes, table: StringTable, numbers: [Int32]) {
    self.owner = owner
    self.table = table
    self.numbers = numbers
  }

  func text(_ position: Int) -> String {
    table.string(Int(numbers[position]), in: owner.bytes)
  }
}
