#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The string table of a snapshot as it is written: each distinct string once, numbered in
/// the order first met, its bytes laid out as the table is stored (`text`: a LEB128 length,
/// then UTF-8). Strings meet by their bytes, hashed 8 at a time, and are compared with the
/// table's copy: a model of a million facts has its quotes numbered without hashing a
/// `String` (which normalizes text that is not ASCII first) and without a second copy of
/// them. Two strings that `==` finds equal but that are spelt with other bytes (another
/// normalization) each keep their own bytes.
struct SnapshotStrings {
  /// The table's bytes: every string's `text`, in the order of their numbers.
  private(set) var bytes: [UInt8] = []
  /// How many strings the table holds.
  private(set) var count = 0
  /// Each slot holds the high half of its string's hash above its number plus one (0 for an
  /// empty slot), and where the string's `text` starts in `bytes`: a probe that finds the
  /// string reads the slot and the bytes, nothing between. The high half also picks the slot,
  /// so that the table grows without hashing again.
  private var slots = [(tagged: UInt64, start: Int)](repeating: (0, 0), count: 1024)

  /// Room for `bytes` bytes of strings.
  mutating func reserve(bytes: Int) {
    self.bytes.reserveCapacity(bytes)
  }

  /// The number of `value`, added to the table when it is new.
  mutating func number(of value: String) -> Int {
    var value = value
    value.makeContiguousUTF8()
    return value.utf8.withContiguousStorageIfAvailable { number(of: $0) }!
  }

  /// The number of the string of UTF-8 bytes `key`, added to the table when it is new.
  mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = ByteTable<Int>.hash(key, foldsCase: false)
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while slots[slot].tagged != 0 {
      if slots[slot].tagged & 0xFFFF_FFFF_0000_0000 == tag, matches(key, at: slots[slot].start) {
        return Int(truncatingIfNeeded: slots[slot].tagged & 0xFFFF_FFFF) - 1
      }
      slot = (slot + 1) & mask
    }
    let number = count
    slots[slot] = (tag | UInt64(number + 1), bytes.count)
    append(key)
    count += 1
    if count * 2 > slots.count { grow() }
    return number
  }

  /// Appends `key` as `text`: its length, then its bytes.
  private mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
    var rest = UInt64(key.count)
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
    bytes.append(contentsOf: key)
  }

  /// Whether the string whose `text` starts at `start` in `bytes` has the bytes of `key`.
  private func matches(_ key: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    var at = start
    var length = 0
    var shift = 0
    while true {
      let byte = bytes[at]
      at += 1
      length |= Int(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    guard length == key.count else { return false }
    return bytes.withUnsafeBufferPointer { stored in
      guard let keyStart = key.baseAddress else { return true }
      return memcmp(keyStart, stored.baseAddress! + at, length) == 0
    }
  }

  private mutating func grow() {
    let old = slots
    slots = [(tagged: UInt64, start: Int)](repeating: (0, 0), count: old.count * 2)
    let mask = slots.count - 1
    for value in old where value.tagged != 0 {
      var slot = Int(truncatingIfNeeded: value.tagged >> 32) & mask
      while slots[slot].tagged != 0 { slot = (slot + 1) & mask }
      slots[slot] = value
    }
  }
}
