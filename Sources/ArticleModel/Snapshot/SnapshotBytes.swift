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

  /// Lets the pages of `range` of a mapped file go, so that reading a snapshot of hundreds of
  /// megabytes once does not keep it all in memory (issue 14); a copy keeps its bytes.
  func release(_ range: Range<Int>) {
    file?.release(range)
  }
}
