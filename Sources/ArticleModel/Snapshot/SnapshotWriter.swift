/// Writes the bytes of a snapshot (`Grammar/snapshot.md`): little-endian integers, LEB128
/// unsigned numbers, and strings as numbers into a table of distinct strings written once.
/// Public for the sections that layers above store in a snapshot (`SnapshotSection`).
public struct SnapshotWriter {
  public internal(set) var bytes: [UInt8] = []
  /// The distinct strings `string(_:)` has numbered, as the table stores them.
  private(set) var table = SnapshotStrings()

  /// How many distinct strings `string(_:)` has numbered.
  public var stringCount: Int { table.count }

  /// Room for `bytes` bytes of numbers and `tableBytes` of the string table, so that writing a
  /// snapshot of hundreds of megabytes does not copy them each time they outgrow their room.
  /// Room left unused costs no memory until written.
  mutating func reserve(bytes: Int, tableBytes: Int) {
    self.bytes.reserveCapacity(bytes)
    table.reserve(bytes: tableBytes)
  }

  public init() {}

  /// A writer whose string table starts with the strings the checker numbered, and room for
  /// `bytes` bytes of numbers and `tableBytes` of the string table (`reserve`).
  init(numbers: consuming CheckedStrings, bytes: Int, tableBytes: Int) {
    self.bytes.reserveCapacity(bytes)
    table = SnapshotStrings(numbers: numbers, reserving: tableBytes)
  }

  public mutating func byte(_ value: UInt8) { bytes.append(value) }

  public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  public mutating func uint64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  public mutating func number(_ value: Int) {
    var rest = UInt64(value)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// A string as its number in the table, which is written separately (`table.bytes`).
  public mutating func string(_ value: String) {
    number(table.number(of: value))
  }

  /// An optional string: 0 for none, else its number plus one.
  public mutating func optionalString(_ value: String?) {
    guard let value else {
      number(0)
      return
    }
    number(table.number(of: value) + 1)
  }

  public mutating func strings(_ values: [String]) {
    number(values.count)
    for value in values { string(value) }
  }

  /// Raw bytes with their length before them.
  public mutating func text(_ value: String) {
    number(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }
}
