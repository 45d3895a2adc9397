/// Reads the bytes of a snapshot, checking every read against the end of the data and every
/// number against what it may count or index: nothing read from a file is trusted. Public for
/// the sections that layers above store in a snapshot (`SnapshotSection`).
public struct SnapshotReader {
  public let bytes: UnsafeRawBufferPointer
  var offset: Int
  /// The model's string table, in place (`MappedStrings`); none until it is given.
  var table: MappedStrings?
  /// Whether a block of strings hashed for a string read has its pages let go after (a quote
  /// read from a block); not for the model part read at start, whose names fill their blocks.
  var releasesStrings = true

  public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  public var isAtEnd: Bool { offset == bytes.count }

  public mutating func byte() throws(SnapshotError) -> UInt8 {
    guard offset < bytes.count else { throw .truncated }
    defer { offset += 1 }
    return bytes[offset]
  }

  public mutating func bool() throws(SnapshotError) -> Bool {
    switch try byte() {
    case 0: false
    case 1: true
    default: throw .malformed("a flag is neither 0 nor 1")
    }
  }

  public mutating func uint64() throws(SnapshotError) -> UInt64 {
    guard bytes.count - offset >= 8 else { throw .truncated }
    defer { offset += 8 }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// A LEB128 number, at most `limit`.
  public mutating func number(below limit: Int = Int.max) throws(SnapshotError) -> Int {
    // One byte, most counts and kinds: read without the loop.
    if offset < bytes.count, bytes[offset] < 0x80 {
      let value = Int(bytes[offset])
      guard value < limit else { throw .malformed("a number out of range") }
      offset += 1
      return value
    }
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 63 || (shift == 63 && next <= 1) else { throw .malformed("a number too large") }
      value |= UInt64(next & 0x7F) << shift
      if next & 0x80 == 0 { break }
      shift += 7
    }
    guard value < UInt64(limit) else { throw .malformed("a number out of range") }
    return Int(value)
  }

  /// A count of items that each take at least one byte: never more than the bytes left after
  /// it (counted once it is read: the bytes it takes are not left).
  public mutating func count() throws(SnapshotError) -> Int {
    let count = try number()
    guard count <= bytes.count - offset else { throw .malformed("a number out of range") }
    return count
  }

  public mutating func string() throws(SnapshotError) -> String {
    guard let string = table?.string(try number(below: stringCount), releasing: releasesStrings)
    else {
      throw .checksumMismatch
    }
    return string
  }

  public mutating func optionalString() throws(SnapshotError) -> String? {
    let number = try number(below: stringCount + 1)
    guard number > 0 else { return nil }
    guard let string = table?.string(number - 1, releasing: releasesStrings) else {
      throw .checksumMismatch
    }
    return string
  }

  /// A count and that many numbers of strings in the table, checked, not made into strings.
  mutating func stringNumbers() throws(SnapshotError) -> [Int32] {
    let count = try count()
    guard stringCount <= Int32.max else { throw .malformed("a number out of range") }
    var numbers: [Int32] = []
    numbers.reserveCapacity(count)
    for _ in 0..<count { numbers.append(Int32(try number(below: stringCount))) }
    return numbers
  }

  /// How many strings the table holds.
  var stringCount: Int { table?.count ?? 0 }

  public mutating func strings() throws(SnapshotError) -> [String] {
    let count = try count()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  /// Raw bytes with their length before them, as a string (invalid UTF-8 is repaired, never
  /// trusted).
  public mutating func text() throws(SnapshotError) -> String {
    let range = try textRange()
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// Where the raw bytes with their length before them are, checked to be in the data.
  mutating func textRange() throws(SnapshotError) -> Range<Int> {
    // The bytes left are counted after the length is read, not before: the length's own bytes
    // are not the text's (a fuzzed snapshot read past its end).
    let length = try number()
    guard length <= bytes.count - offset else { throw .truncated }
    defer { offset += length }
    return offset..<offset + length
  }
}

/// Why a snapshot cannot be used; the model is then loaded from its file.
public enum SnapshotError: Error, Equatable, CustomStringConvertible {
  case notASnapshot
  case otherFormatVersion(UInt32)
  case truncated
  case checksumMismatch
  case malformed(String)

  public var description: String {
    switch self {
    case .notASnapshot: "not a csto snapshot"
    case .otherFormatVersion(let version):
      "snapshot format \(version), not \(ModelSnapshot.formatVersion)"
    case .truncated: "the snapshot is truncated"
    case .checksumMismatch: "the snapshot's checksum does not match its contents"
    case .malformed(let what): "the snapshot is malformed: \(what)"
    }
  }
}
