/// A format-5 snapshot's string table in place: where each string starts (`stringStarts`, one
/// u64 a string and one for the end) and the bytes (`text`), each string made into a `String`
/// when asked (invalid UTF-8 is repaired, never trusted), after its blocks' checksums.
final class MappedStrings: Sendable {
  let owner: SnapshotBytes
  private let parts: SnapshotParts
  /// How many strings the table holds.
  let count: Int
  /// Where the starts and the text are in the bytes, kept: 200,000 names are read at start.
  private let startsBase: Int
  private let text: Range<Int>

  private var bytes: UnsafeRawBufferPointer { owner.bytes }

  /// The table of `parts` (whose `stringStarts` is a whole number of u64, at least one).
  init(owner: SnapshotBytes, parts: SnapshotParts) {
    self.owner = owner
    self.parts = parts
    count = max(0, parts.range(.stringStarts).count / 8 - 1)
    startsBase = parts.range(.stringStarts).lowerBound
    text = parts.range(.text)
  }

  private func start(_ number: Int) -> UInt64 {
    UInt64(
      littleEndian: bytes.loadUnaligned(
        fromByteOffset: startsBase + number * 8, as: UInt64.self))
  }

  /// Whether every string is whole: every block checked, the starts in order, the last the
  /// end of the text.
  func checkAll() -> Bool {
    guard parts.checkAll(.stringStarts, in: bytes), parts.checkAll(.text, in: bytes),
      count >= 0, start(0) == 0
    else { return false }
    var previous: UInt64 = 0
    for number in 0...count {
      let next = start(number)
      guard next >= previous else { return false }
      previous = next
    }
    return previous == UInt64(text.count)
  }

  /// String `number` of the table, nil when it is out of range or its blocks are damaged.
  /// With `releasing`, the blocks hashed for it have their pages let go after.
  func string(_ number: Int, releasing: Bool = true) -> String? {
    guard let range = stringRange(number, releasing: releasing) else { return nil }
    return String(
      decoding: UnsafeRawBufferPointer(
        rebasing: bytes[text.lowerBound + range.lowerBound..<text.lowerBound + range.upperBound]),
      as: UTF8.self)
  }

  /// Where string `number`'s bytes are in the `text` part, checked.
  private func stringRange(_ number: Int, releasing: Bool) -> Range<Int>? {
    let owner = releasing ? owner : nil
    guard number >= 0, number < count,
      parts.check(.stringStarts, number * 8..<number * 8 + 16, in: bytes, releasing: owner)
    else { return nil }
    let (start, end) = (start(number), start(number + 1))
    guard start <= end, end <= UInt64(text.count) else { return nil }
    let range = Int(start)..<Int(end)
    return parts.check(.text, range, in: bytes, releasing: owner) ? range : nil
  }
}
