#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The strings of a model text's facts (quotes, notes, circumstances), each made once and
/// found again by its bytes: a quote cited again shares the first one's `String`, and the
/// strings, numbered in the order they were made, are the snapshot writer's (`numbers()`)
/// without a copy.
///
/// A slot holds where its key's bytes lie in the model text beside its hash and number, so
/// that a key met again is compared with the text where it lay first: one cache miss for the
/// slot and one for the bytes, where reading the `String` made for it (its entry, then its
/// storage) took two more, a tenth of a first load of a million facts (issue 14).
struct TextTable {
  /// A slot of the table: `value` as `SnapshotStrings` files it (the high half of the key's
  /// hash above its entry plus one, 0 when empty), and where the key's bytes first lay in the
  /// text (their start above their length).
  private struct Slot {
    var value: UInt64
    var place: UInt64
  }

  /// The model text the keys lie in.
  private let text: UnsafeBufferPointer<UInt8>
  /// The slots; the high half of a hash also picks its slot, so that the table grows without
  /// hashing again.
  private var slots = [Slot](repeating: Slot(value: 0, place: 0), count: 1024)
  /// The strings made, by entry.
  private var strings: [String] = []
  /// For each string a later piece of the text made again (`append(_:)`), the later piece's
  /// `String`, which is equal to this table's but held apart; empty where none was, and
  /// empty altogether until one is (`CheckedStrings.alike`).
  private var alike: [String] = []
  /// The number of the string each call gave, in the order of the calls: the order the
  /// snapshot writer meets them in (`CheckedStrings`).
  private(set) var uses: [UInt32] = []

  /// An empty table of strings of `text`, with room for those of `expected` bytes of it (all
  /// of it when nil).
  init(text: UnsafeBufferPointer<UInt8>, expected: Int? = nil) {
    self.text = text
    // Room for a string each 128 bytes of text and a use each 64, so that they are not
    // copied as they grow; room never filled costs no memory.
    strings.reserveCapacity((expected ?? text.count) / 128)
    uses.reserveCapacity((expected ?? text.count) / 64)
  }

  /// The string of the bytes at `range` of the text: the one made before for the same
  /// bytes, else `make()`, kept.
  mutating func string(at range: Range<Int>, make: () -> String) -> String {
    let hash = ByteTable<Int>.hash(UnsafeBufferPointer(rebasing: text[range]), foldsCase: false)
    let entry = entry(tag: hash & 0xFFFF_FFFF_0000_0000, at: range, make: make)
    uses.append(UInt32(truncatingIfNeeded: entry))
    return strings[entry]
  }

  /// The entry of the bytes at `range`, whose hash's high half is `tag`: the one made before
  /// for the same bytes, else a new one for `make()`.
  @inline(__always)
  private mutating func entry(tag: UInt64, at range: Range<Int>, make: () -> String) -> Int {
    let key = UnsafeBufferPointer(rebasing: text[range])
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: tag >> 32) & mask
    while slots[slot].value != 0 {
      if slots[slot].value & 0xFFFF_FFFF_0000_0000 == tag, matches(key, slots[slot].place) {
        return Int(truncatingIfNeeded: slots[slot].value & 0xFFFF_FFFF) - 1
      }
      slot = (slot + 1) & mask
    }
    strings.append(make())
    slots[slot] = Slot(
      value: tag | UInt64(strings.count),
      place: UInt64(range.lowerBound) << 32 | UInt64(range.count))
    if strings.count * 2 > slots.count {
      slots = SnapshotStrings.grown(slots, empty: Slot(value: 0, place: 0), value: \.value)
    }
    return strings.count - 1
  }

  /// Takes in the strings of `later`, a table of the same text filled from a later stretch
  /// of it (on another thread), as if this table had gone on to make them: a string this
  /// table has keeps its number, the others are numbered after this table's own in the order
  /// `later` made them, and `later`'s uses follow this table's, renumbered. The table is then
  /// the one the whole text read in order makes.
  mutating func append(_ later: TextTable) {
    var made = [Slot](repeating: Slot(value: 0, place: 0), count: later.strings.count)
    for slot in later.slots where slot.value != 0 {
      made[Int(truncatingIfNeeded: slot.value & 0xFFFF_FFFF) - 1] = slot
    }
    var numbers: [UInt32] = []
    numbers.reserveCapacity(made.count)
    let own = strings.count
    for (entry, slot) in made.enumerated() {
      let start = Int(truncatingIfNeeded: slot.place >> 32)
      let range = start..<(start + Int(truncatingIfNeeded: slot.place & 0xFFFF_FFFF))
      let number = self.entry(tag: slot.value & 0xFFFF_FFFF_0000_0000, at: range) {
        later.strings[entry]
      }
      if number < own {
        // Made again by the later piece: the facts it checked hold its `String`.
        setAlike(later.strings[entry], number)
      }
      numbers.append(UInt32(truncatingIfNeeded: number))
    }
    uses.reserveCapacity(uses.count + later.uses.count)
    for use in later.uses { uses.append(numbers[Int(use)]) }
  }

  /// Keeps `string` as the second `String` of number `number` (`alike`), which then reaches
  /// that far.
  private mutating func setAlike(_ string: String, _ number: Int) {
    if alike.count <= number { alike += repeatElement("", count: number + 1 - alike.count) }
    alike[number] = string
  }

  /// Forgets the uses after the first `count`: those of a fact that is checked again later.
  mutating func forgetUses(after count: Int) {
    uses.removeSubrange(count...)
  }

  /// The strings made so far, numbered in the order they were made, with the table that
  /// finds them and the uses: the snapshot writer's numbers for them.
  func numbers() -> CheckedStrings {
    CheckedStrings(strings: strings, slots: slots.map(\.value), uses: uses, alike: alike)
  }

  /// Whether the text's bytes at `place` (a slot's) are those of `key`. (A text past 4 GiB,
  /// which no file read is, would make places wrong: bytes that differ, or lie past the end,
  /// are then never a match.)
  private func matches(_ key: UnsafeBufferPointer<UInt8>, _ place: UInt64) -> Bool {
    let start = Int(truncatingIfNeeded: place >> 32)
    guard Int(truncatingIfNeeded: place & 0xFFFF_FFFF) == key.count,
      start + key.count <= text.count
    else { return false }
    guard let keyStart = key.baseAddress, let textStart = text.baseAddress else { return true }
    return memcmp(keyStart, textStart + start, key.count) == 0
  }
}
