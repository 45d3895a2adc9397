/// The bytes of a snapshot kept for as long as a model read from it lives: a mapped file, an
/// array held unchanged, or a copy of bytes that were only lent (`withUnsafeBytes`). A model's
/// facts and strings are read from them when asked (`SnapshotFacts`).
final class SnapshotBytes: @unchecked Sendable {
  // Sendable: the bytes are never written after `init`, and the mapping, the array or the
  // copy lives as long as this object.
  let bytes: UnsafeRawBufferPointer
  private let file: MappedFile?
  /// The array whose elements `bytes` are, when they are an array's.
  private let array: [UInt8]?

  /// The bytes of a mapped file, kept mapped.
  init(file: MappedFile) {
    self.file = file
    array = nil
    bytes = file.bytes
  }

  /// The bytes of `array`, not copied: an array's elements stay where they are while the array
  /// is held and not changed, and this object holds it, unchanged, as long as it lives. The
  /// bundled snapshot, compiled into csto, is read so (a copy of its 84 KB cost every start a
  /// heap allocation, its page faults and 0.1M instructions).
  init(keeping array: [UInt8]) {
    file = nil
    self.array = array
    bytes = array.withUnsafeBytes { $0 }
  }

  /// A copy of `bytes`.
  init(copying bytes: UnsafeRawBufferPointer) {
    file = nil
    array = nil
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
    copy.copyMemory(from: bytes)
    self.bytes = UnsafeRawBufferPointer(copy)
  }

  deinit {
    if file == nil, array == nil { bytes.deallocate() }
  }

  /// How many bytes are read before the pages behind are let go (`release`).
  static let chunk = 8 << 20

  /// Lets the pages of `range` of a mapped file go, so that reading a snapshot of hundreds of
  /// megabytes once does not keep it all in memory (issue 14); a copy keeps its bytes.
  func release(_ range: Range<Int>) {
    file?.release(range)
  }
}

/// A string table as a reader uses it: a section's own table (each string as a length and its
/// bytes, read once for the places, every length checked against the bytes), or the model's
/// table in place in a format-5 snapshot (`MappedStrings`). A string is made into a `String`
/// only when asked (invalid UTF-8 is repaired, never trusted).
struct StringTable: Sendable {
  private var starts: [Int] = []
  private var lengths: [UInt32] = []
  private var mapped: MappedStrings?

  var count: Int { mapped?.count ?? starts.count }

  init() {}

  /// The model's table of a format-5 snapshot.
  init(mapped: MappedStrings) {
    self.mapped = mapped
  }

  /// The table at the reader's place: a count, then each string as a length and its bytes.
  init(_ reader: inout SnapshotReader) throws(SnapshotError) {
    let count = try reader.count()
    starts.reserveCapacity(count)
    lengths.reserveCapacity(count)
    for _ in 0..<count {
      let range = try reader.textRange()
      guard range.count <= UInt32.max else { throw .malformed("a string too long") }
      starts.append(range.lowerBound)
      lengths.append(UInt32(range.count))
    }
  }

  /// String `number` of the table (below `count`), read from `bytes` (those the table was
  /// read from); nil when the mapped table's blocks holding it are damaged.
  func string(_ number: Int, in bytes: UnsafeRawBufferPointer) -> String? {
    if let mapped { return mapped.string(number) }
    let start = starts[number]
    return String(
      decoding: UnsafeRawBufferPointer(
        rebasing: bytes[start..<start + Int(lengths[number])]), as: UTF8.self)
  }
}
