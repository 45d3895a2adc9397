/// The lines of a script, one at a time, without their line breaks.
protocol LineSource {
  /// The next line, or nil at the end.
  mutating func nextLine() -> String?
}

/// The lines of a text already in memory: a file, or a `-c` argument. Lines end at `\n`
/// (a `\r` before it is dropped), as the query engine counts them.
struct TextLines: LineSource {
  private var lines: [Substring.UTF8View.SubSequence]

  init(_ text: String) {
    var split = text.utf8[...].split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if split.last?.isEmpty == true { split.removeLast() }
    lines = split.reversed()
  }

  mutating func nextLine() -> String? {
    guard var line = lines.popLast() else { return nil }
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    return String(decoding: line, as: UTF8.self)
  }
}

/// The lines of standard input when it is not a terminal, read as they come.
struct StandardInputLines: LineSource {
  mutating func nextLine() -> String? {
    readLine(strippingNewline: true)
  }
}
