#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The strings of a model text's facts (quotes, notes, circumstances), each made once and
/// found again by its bytes: a quote cited again shares the first one's `String`. A key is
/// compared with the bytes of the string made for it, so that a million quotes are not
/// copied a second time to be compared, and the strings, numbered in the order they were
/// made, are the snapshot writer's (`numbers()`) without a copy.
struct TextTable {
  /// The model text the keys lie in.
  private let text: UnsafeBufferPointer<UInt8>
  /// Each slot holds the high half of its key's hash above its entry plus one (0 for an
  /// empty slot); the high half also picks the slot, so that the table grows without hashing
  /// again.
  private var slots = [UInt64](repeating: 0, count: 1024)
  /// The strings made, by entry.
  private var strings: [String] = []
  /// The number of the string each call gave, in the order of the calls: the order the
  /// snapshot writer meets them in (`CheckedStrings`).
  private(set) var uses: [UInt32] = []

  /// An empty table of strings of `text`.
  init(text: UnsafeBufferPointer<UInt8>) {
    self.text = text
  }

  /// The string of the bytes at `range` of the text: the one made before for the same
  /// bytes, else `make()`, kept.
  mutating func string(at range: Range<Int>, make: () -> String) -> String {
    let key = UnsafeBufferPointer(rebasing: text[range])
    let hash = ByteTable<Int>.hash(key, foldsCase: false)
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while slots[slot] != 0 {
      let entry = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
      if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag, matches(key, strings[entry]) {
        uses.append(UInt32(truncatingIfNeeded: entry))
        return strings[entry]
      }
      slot = (slot + 1) & mask
    }
    let string = make()
    uses.append(UInt32(truncatingIfNeeded: strings.count))
    strings.append(string)
    slots[slot] = tag | UInt64(strings.count)
    if strings.count * 2 > slots.count { slots = SnapshotStrings.grown(slots) }
    return string
  }

  /// Forgets the uses after the first `count`: those of a fact that is checked again later.
  mutating func forgetUses(after count: Int) {
    uses.removeSubrange(count...)
  }

  /// The strings made so far, numbered in the order they were made, with the table that
  /// finds them and the uses: the snapshot writer's numbers for them.
  func numbers() -> CheckedStrings {
    CheckedStrings(strings: strings, slots: slots, uses: uses)
  }

  /// Whether `string` has the bytes of `key`.
  private func matches(_ key: UnsafeBufferPointer<UInt8>, _ string: String) -> Bool {
    guard string.utf8.count == key.count else { return false }
    return string.utf8.withContiguousStorageIfAvailable { stored in
      guard let keyStart = key.baseAddress, let storedStart = stored.baseAddress else {
        return true
      }
      return memcmp(keyStart, storedStart, key.count) == 0
    } ?? false
  }
}
