#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The strings of a model text's facts (quotes, notes, circumstances), each made once and
/// found again by its bytes: a quote cited again shares the first one's `String`. A key is
/// where its bytes lie in the model text, which outlives the table, so that a million quotes
/// are not copied a second time to be compared.
struct TextTable {
  /// The model text the keys lie in.
  private let text: UnsafeBufferPointer<UInt8>
  /// Each slot holds the high half of its key's hash above its entry plus one (0 for an
  /// empty slot); the high half also picks the slot, so that the table grows without hashing
  /// again.
  private var slots = [UInt64](repeating: 0, count: 1024)
  private var entries: [(key: Range<Int>, string: String)] = []

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
      if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag, matches(key, entries[entry].key) {
        return entries[entry].string
      }
      slot = (slot + 1) & mask
    }
    let string = make()
    entries.append((range, string))
    slots[slot] = tag | UInt64(entries.count)
    if entries.count * 2 > slots.count { grow() }
    return string
  }

  private func matches(_ key: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard key.count == range.count else { return false }
    guard let keyStart = key.baseAddress, let textStart = text.baseAddress else { return true }
    return memcmp(keyStart, textStart + range.lowerBound, key.count) == 0
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    let mask = slots.count - 1
    for value in old where value != 0 {
      var slot = Int(truncatingIfNeeded: value >> 32) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = value
    }
  }
}
