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
  /// empty slot). The high half also picks the slot, so that the table grows without hashing
  /// again. `TextTable` files the checker's strings the same way, so that its slots are
  /// these, not copied.
  private var slots = [UInt64](repeating: 0, count: 1024)
  /// The strings the checker numbered (`CheckedStrings`), by number, the numbers of
  /// the strings in the order the facts use them, and the next use: a string that is the
  /// very one of that number (the same storage) takes it without being hashed.
  private var expected: [String] = []
  private var uses: [UInt32] = []
  private var nextUse = 0
  /// The checker's `alike`: by number, a second `String` of the same bytes, made by another
  /// piece of the load, that tells a string by identity too (an empty one stands for none).
  private var alike: [String] = []
  /// The strings of a checker's table met again lately, by their identity, with their
  /// numbers (-1 for none): a quote cited by the facts around it is not hashed again.
  private var recent: [(string: String, number: Int)] = []
  /// How many strings `number(of:)` found by hashing their bytes, not by their identity.
  private(set) var hashedCount = 0

  init() {}

  /// A table that starts with the strings the checker numbered, under the same numbers, and
  /// room for `reserving` bytes of strings in all.
  init(numbers: consuming CheckedStrings, reserving: Int) {
    starts.reserveCapacity(max(numbers.strings.count + 1, reserving / 32))
    bytes.reserveCapacity(reserving)
    for string in numbers.strings {
      var string = string
      string.makeContiguousUTF8()
      string.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
      starts.append(bytes.count)
    }
    slots = numbers.slots
    expected = numbers.strings
    uses = numbers.uses
    alike = numbers.alike
    recent = Array(repeating: ("", -1), count: Self.recentCount)
  }

  private static let recentCount = 4096

  /// Room for `bytes` bytes of strings.
  mutating func reserve(bytes: Int) {
    self.bytes.reserveCapacity(bytes)
    starts.reserveCapacity(bytes / 32)
  }

  /// The number of `value`, added to the table when it is new.
  mutating func number(of value: String) -> Int {
    if !expected.isEmpty {
      if nextUse < uses.count {
        let number = Int(uses[nextUse])
        if Self.identical(value, expected[number])
          || (number < alike.count && Self.identical(value, alike[number]) && !value.isEmpty)
        {
          nextUse += 1
          return number
        }
      }
      // A string equal to the expected one but held apart (made by another piece of the
      // load, `ModelChecker.Pieces`) is found another way, and the walk through the uses
      // goes on past it, so that the strings after it are told by identity again.
      let slot = Self.recentSlot(of: value)
      let found: Int
      if recent[slot].number >= 0, Self.identical(value, recent[slot].string) {
        found = recent[slot].number
      } else {
        found = number(hashing: value)
        recent[slot] = (value, found)
      }
      if nextUse < uses.count, Int(uses[nextUse]) == found { nextUse += 1 }
      return found
    }
    return number(hashing: value)
  }

  private mutating func number(hashing value: String) -> Int {
    hashedCount += 1
    var value = value
    value.makeContiguousUTF8()
    return value.utf8.withContiguousStorageIfAvailable { number(of: $0) }!
  }

  /// Whether `a` and `b` are the same string value: the same storage, or the same small
  /// string held in place. Strings told apart here may still be equal.
  private static func identical(_ a: String, _ b: String) -> Bool {
    guard MemoryLayout<String>.size == 16 else { return false }
    return unsafeBitCast(a, to: (UInt64, UInt64).self)
      == unsafeBitCast(b, to: (UInt64, UInt64).self)
  }

  /// Where `recent` keeps `value`: a mix of its two words.
  private static func recentSlot(of value: String) -> Int {
    guard MemoryLayout<String>.size == 16 else { return 0 }
    let (low, high) = unsafeBitCast(value, to: (UInt64, UInt64).self)
    let mixed = (low ^ high &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
    return Int(truncatingIfNeeded: mixed >> 52) & (recentCount - 1)
  }

  /// The number of the string of UTF-8 bytes `key`, added to the table when it is new.
  mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
    let hash = ByteTable<Int>.hash(key, foldsCase: false)
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
    while slots[slot] != 0 {
      if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag {
        let number = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
        if matches(key, number: number, at: starts[number]) { return number }
      }
      slot = (slot + 1) & mask
    }
    let number = count
    slots[slot] = tag | UInt64(number + 1)
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
    slots = Self.grown(slots)
  }

  /// `slots` (a hash's high half above an entry plus one, each placed by that high half) in
  /// a table twice the size: the layout `TextTable` shares, grown without hashing again.
  static func grown(_ slots: [UInt64]) -> [UInt64] {
    grown(slots, empty: 0) { $0 }
  }

  /// `grown(_:)` for slots that hold more beside their value (`TextTable`'s).
  static func grown<Slot>(_ slots: [Slot], empty: Slot, value: (Slot) -> UInt64) -> [Slot] {
    var grown = [Slot](repeating: empty, count: slots.count * 2)
    let mask = grown.count - 1
    for old in slots where value(old) != 0 {
      var slot = Int(truncatingIfNeeded: value(old) >> 32) & mask
      while value(grown[slot]) != 0 { slot = (slot + 1) & mask }
      grown[slot] = old
    }
    return grown
  }
}
