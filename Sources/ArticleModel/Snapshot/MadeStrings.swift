#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The strings of a snapshot's table made so far while its model part is read, so that a
/// string the model names many times is made once and shared: a kind's id in the subject kinds
/// of every relation, or the one long string that a crafted snapshot named as each of a million
/// aliases (174 KB of snapshot made 200 MB of strings). Which numbers were made is a bit each,
/// in memory that costs nothing until written (`calloc`); a string is kept from its second use
/// on, so the strings a model names once, most of them, are kept by the model alone.
final class MadeStrings {
  private let table: MappedStrings
  /// A bit for each number of the table: set once its string has been made.
  private let made: UnsafeMutablePointer<UInt64>
  /// The strings made more than once, by number.
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

  /// String `number` of the table (`MappedStrings.string`), made at most twice: the second
  /// time it is asked for, it is kept for every later one.
  func string(_ number: Int) -> String? {
    guard number >= 0, number < table.count else { return nil }
    let bit = UInt64(1) << UInt64(number % 64)
    guard made[number / 64] & bit != 0 else {
      made[number / 64] |= bit
      return table.string(number)
    }
    if let string = kept[number] { return string }
    let string = table.string(number)
    kept[number] = string
    return string
  }
}
