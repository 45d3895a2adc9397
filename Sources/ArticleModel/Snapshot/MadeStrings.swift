#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The strings of a snapshot's table made so far while its model part is read, so that a long
/// string the model names many times is made at most twice and then shared: a crafted snapshot
/// named one long string as each of a million aliases (174 KB of snapshot made 200 MB of
/// strings). Which numbers were made is a bit each, in memory that costs nothing until written
/// (`calloc`). The model part's pages are kept, not let go, as its reader keeps them: the
/// engine reads the same names again at start. A long string is kept from its second use on,
/// so the strings a model names once, nearly all of them, cost a bit and no more. A string of up to 15 bytes is never kept: a
/// `String` holds it in place, unallocated, so its copies take 16 bytes for each number of the
/// snapshot that names one.
final class MadeStrings {
  private let table: MappedStrings
  /// A bit for each number of the table: set once its string has been made.
  private let made: UnsafeMutablePointer<UInt64>
  /// The long strings made more than once, by number.
  private var kept: [Int: String] = [:]

  init(table: MappedStrings) {
    self.table = table
    let words = table.count / 64 + 1
    guard let zeros = calloc(words, MemoryLayout<UInt64>.stride) else {
      fatalError("no memory for \(words) words")
    }
    made = zeros.bindMemory(to: UInt64.self, capacity: words)
  }

  deinit { free(made) }

  /// How many strings the table holds.
  var count: Int { table.count }

  /// String `number` of the table (`MappedStrings.string`), nil when it is out of range or its
  /// blocks are damaged; a long one is made at most twice, then the second is given again.
  func string(_ number: Int) -> String? {
    guard number >= 0, number < table.count else { return nil }
    let bit = UInt64(1) << UInt64(number % 64)
    guard made[number / 64] & bit != 0 else {
      made[number / 64] |= bit
      return table.string(number, releasing: false)
    }
    if !kept.isEmpty, let string = kept[number] { return string }
    guard let string = table.string(number, releasing: false) else { return nil }
    if string.utf8.count > 15 { kept[number] = string }
    return string
  }
}
