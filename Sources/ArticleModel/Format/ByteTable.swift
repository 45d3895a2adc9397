#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash table keyed by byte strings, which it copies: the loader looks up a million ids by
/// the bytes of the model text, without a `String` for each and without hashing one. Keys
/// compare byte for byte, with ASCII letters folded to lowercase when `foldsCase`: that is
/// `String` equality only for ASCII keys, so callers keep other keys out or check them by
/// their text.
struct ByteTable<Value> {
  /// Whether `A`–`Z` match `a`–`z`: ids are case-insensitive, quotes are not.
  let foldsCase: Bool
  /// Each slot holds the high 24 bits of its key's hash, the key's length (255 for any
  /// longer) and its entry plus one (0 for an empty slot), with the key's first 16 bytes
  /// (folded) and its value: a hit on a key of up to 16 bytes (most ids) reads one slot and
  /// nothing else, a probe past another key reads one number.
  private var slots: [(tagged: UInt64, head: Head, value: Value?)]
  /// Each key's place in `keyBytes` and its hash, by entry: for keys longer than 16 bytes and
  /// for growing.
  private var entries: [(key: Range<Int>, hash: UInt64)] = []
  private var keyBytes: [UInt8] = []

  /// An empty table, for about `capacity` keys.
  init(foldsCase: Bool, capacity: Int = 8) {
    self.foldsCase = foldsCase
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = Array(repeating: (0, (0, 0), nil), count: size)
  }

  /// The number of keys.
  var count: Int { entries.count }

  /// The value stored for `key`, or nil.
  func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
    let (slot, found) = find(key, hash: hash(key))
    return found ? slots[slot].value : nil
  }

  /// Stores `value` for `key`, unless the table has the key already.
  mutating func add(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
    let hash = hash(key)
    let (slot, found) = find(key, hash: hash)
    if !found { insert(key, hash: hash, value: value, at: slot) }
  }

  private mutating func insert(
    _ key: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Value, at slot: Int
  ) {
    entries.append((keyBytes.count..<(keyBytes.count + key.count), hash))
    keyBytes.append(contentsOf: key)
    slots[slot] = (
      Self.tagged(hash: hash, count: key.count, entry: entries.count - 1), head(of: key), value
    )
    if entries.count * 2 > slots.count { grow() }
  }

  /// A key's first 16 bytes in two words, as `word(_:_:at:)` reads them, folded when the
  /// table folds case.
  private typealias Head = (UInt64, UInt64)

  private func head(of key: UnsafeBufferPointer<UInt8>) -> Head {
    guard let start = key.baseAddress else { return (0, 0) }
    let first = Self.word(start, key.count, at: 0)
    let second = key.count > 8 ? Self.word(start, key.count, at: 8) : 0
    return foldsCase ? (Self.lowercased(first), Self.lowercased(second)) : (first, second)
  }

  /// The high 24 bits of `hash`, the key's length up to 255, and the entry plus one.
  private static func tagged(hash: UInt64, count: Int, entry: Int) -> UInt64 {
    hash & tagMask | UInt64(min(count, 255)) << 32 | UInt64(entry + 1)
  }

  /// The bits of a slot's number that hold the hash and the length.
  private static var tagMask: UInt64 { 0xFFFF_FF00_0000_0000 }

  private static func entry(_ tagged: UInt64) -> Int {
    Int(truncatingIfNeeded: tagged & 0xFFFF_FFFF) - 1
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: (0, (0, 0), nil), count: old.count * 2)
    let mask = slots.count - 1
    for value in old where value.tagged != 0 {
      var slot = Int(truncatingIfNeeded: entries[Self.entry(value.tagged)].hash) & mask
      while slots[slot].tagged != 0 { slot = (slot + 1) & mask }
      slots[slot] = value
    }
  }

  /// The slot holding `key`, or the empty slot where it would go.
  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, found: Bool) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    let tag = hash & Self.tagMask | UInt64(min(key.count, 255)) << 32
    let head = key.count <= 16 ? head(of: key) : (0, 0)
    while slots[slot].tagged != 0 {
      if slots[slot].tagged & 0xFFFF_FFFF_0000_0000 == tag {
        if key.count <= 16
          ? slots[slot].head == head
          : matches(key, entries[Self.entry(slots[slot].tagged)].key)
        {
          return (slot, true)
        }
      }
      slot = (slot + 1) & mask
    }
    return (slot, false)
  }

  private func matches(_ key: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard key.count == range.count else { return false }
    return keyBytes.withUnsafeBufferPointer { stored in
      guard let keyStart = key.baseAddress, let storedStart = stored.baseAddress else {
        return true
      }
      if !foldsCase { return memcmp(keyStart, storedStart + range.lowerBound, key.count) == 0 }
      var offset = 0
      while offset < key.count {
        let wanted = Self.word(keyStart, key.count, at: offset)
        let have = Self.word(storedStart + range.lowerBound, key.count, at: offset)
        if Self.lowercased(wanted) != Self.lowercased(have) { return false }
        offset += 8
      }
      return true
    }
  }

  /// The 8 bytes from `offset` of a key of `count` bytes at `start` in one number, the
  /// first byte lowest. Past the key's end, the key's last 8 bytes, which overlap the word
  /// before: the words still cover every byte, and all that is asked of them is to be the
  /// same for the same key. A key shorter than 8 bytes is read byte by byte.
  private static func word(_ start: UnsafePointer<UInt8>, _ count: Int, at offset: Int)
    -> UInt64
  {
    if offset + 8 <= count {
      return UnsafeRawPointer(start + offset).loadUnaligned(as: UInt64.self)
    }
    if count >= 8 { return UnsafeRawPointer(start + count - 8).loadUnaligned(as: UInt64.self) }
    var value: UInt64 = 0
    for index in 0..<count { value |= UInt64(start[index]) << (8 * index) }
    return value
  }

  /// The 8 bytes of `word` with `A`–`Z` made `a`–`z`, bytes past ASCII left alone: each byte
  /// tested at once by adding to its low seven bits, which cannot carry into the next byte.
  private static func lowercased(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low = word & (0x7F * ones)
    let atLeastA = low &+ (0x80 - 0x41) * ones
    let pastZ = low &+ (0x80 - 0x5B) * ones
    let upper = atLeastA & ~pastZ & ~word & (0x80 * ones)
    return word | upper >> 2
  }

  /// The key's bytes (folded) 8 at a time, each word multiplied in and its high half folded
  /// back, then mixed (MurmurHash3's finalizer) so that the low bits that pick the slot, and
  /// the high ones kept in it, depend on every byte.
  private func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    Self.hash(key, foldsCase: foldsCase)
  }

  /// The hash of `key` as a table that does or does not fold case makes it.
  static func hash(_ key: UnsafeBufferPointer<UInt8>, foldsCase: Bool) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(key.count)
    guard let start = key.baseAddress else { return hash }
    var offset = 0
    while offset < key.count {
      var word = Self.word(start, key.count, at: offset)
      if foldsCase { word = Self.lowercased(word) }
      hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 32
      offset += 8
    }
    hash = (hash ^ hash >> 33) &* 0xFF51_AFD7_ED55_8CCD
    hash = (hash ^ hash >> 33) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ hash >> 33
  }
}
