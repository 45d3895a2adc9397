#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The string table of a snapshot as it is written: each distinct string once, numbered in
/// the order first met, its bytes laid out as the table is stored (the strings' UTF-8 bytes one
/// after another, and where each starts). Strings meet by their bytes, hashed 8 at a time, and are compared with the
/// table's copy: a model of a million facts has its quotes numbered without hashing a
/// `String` (which normalizes text that is not ASCII first) and without a second copy of
/// them. Two strings that `==` finds equal but that are spelt with other bytes (another
/// normalization) each keep their own bytes.
struct SnapshotStrings {
  /// The table's bytes: every string's UTF-8 bytes, in the order of their numbers.
  private(set) var bytes: [UInt8] = []
  /// Where each string starts in `bytes`, and the end.
  private(set) var starts: [Int] = [0]
  /// How many strings the table holds.
  var count: Int { starts.count - 1 }
  /// Each slot holds the high half of its string's hash above its number plus one (0 for an
  /// empty slot), and where the string starts in `bytes`: a probe that finds the string reads
  /// the slot and the bytes, nothing between. The high half also picks the slot, so that the
  /// table grows without hashing again.
  private var slots = [(tagged: UInt64, start: Int)](repeating: (0, 0), count: 1024)

  /// Room for `bytes` bytes of strings.
  mutating func reserve(bytes: Int) {
    self.bytes.reserveCapacity(bytes)
    starts.reserveCapacity(bytes / 32)
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
      if slots[slot].tagged & 0xFFFF_FFFF_0000_0000 == tag,
        matches(
          key, number: Int(truncatingIfNeeded: slots[slot].tagged & 0xFFFF_FFFF) - 1,
          at: slots[slot].start)
      {
        return Int(truncatingIfNeeded: slots[slot].tagged & 0xFFFF_FFFF) - 1
      }
      slot = (slot + 1) & mask
    }
    let number = count
    slots[slot] = (tag | UInt64(number + 1), bytes.count)
    bytes.append(contentsOf: key)
    starts.append(bytes.count)
    if count * 2 > slots.count { grow() }
    return number
  }

  /// Whether the string that starts at `start` in `bytes` (string `number`) has the bytes
  /// of `key`.
  private func matches(_ key: UnsafeBufferPointer<UInt8>, number: Int, at start: Int) -> Bool {
    let at = start
    let length = starts[number + 1] - start
    guard length == key.count else { return false }
    return bytes.withUnsafeBufferPointer { stored in
      guard let keyStart = key.baseAddress else { return true }
      return memcmp(keyStart, stored.baseAddress! + at, length) == 0
    }
  }

  /// The table as a section stores its own (`SnapshotReader.readStringTable()`): each string
  /// as `text`, a LEB128 length and its bytes, in number order.
  var textBytes: [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count + count)
    for number in 0..<count {
      var rest = UInt64(starts[number + 1] - starts[number])
      while rest >= 0x80 {
        text.append(UInt8(truncatingIfNeeded: rest) | 0x80)
        rest >>= 7
      }
      text.append(UInt8(rest))
      text.append(contentsOf: bytes[starts[number]..<starts[number + 1]])
    }
    return text
  }

  /// The starts as the `stringStarts` part stores them: a little-endian u64 each.
  var startBytes: [UInt8] {
    var out = [UInt8](repeating: 0, count: starts.count * 8)
    out.withUnsafeMutableBytes { out in
      for (index, start) in starts.enumerated() {
        out.storeBytes(of: UInt64(start).littleEndian, toByteOffset: index * 8, as: UInt64.self)
      }
    }
    return out
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
