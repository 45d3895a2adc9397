/// One line of input at the start of a statement, classified once: nothing to do, a
/// dot-command, or the start of a query.
enum ShellInput: Equatable {
  /// A blank line or a comment.
  case empty
  /// A dot-command as typed: its name without the dot, the text after it, and the column
  /// (counted from 1) where that text starts.
  case command(name: String, arguments: String, argumentColumn: Int)
  /// The first line of a query.
  case query

  /// What `line` is, when no statement is open.
  static func classify(_ line: String) -> ShellInput {
    let body = line.trimmed
    if body.isEmpty || body.hasPrefix("#") { return .empty }
    guard body.hasPrefix(".") else { return .query }
    let indent = line.prefix { $0 == " " || $0 == "\t" }.count
    let word = body.dropFirst().prefix { $0 != " " && $0 != "\t" }
    let rest = body.dropFirst(1 + word.count)
    let gap = rest.prefix { $0 == " " || $0 == "\t" }.count
    return .command(
      name: String(word), arguments: String(rest.dropFirst(gap)).trimmed,
      argumentColumn: indent + 1 + word.count + gap + 1)
  }

  /// The column (counted from 1) of the first character of `line` that stands for bytes that
  /// are not UTF-8 (U+FFFD, as the line editor and `String(decoding:)` read them), or nil.
  /// Such a line is refused: run without those bytes, it would be another query.
  static func undecodableColumn(in line: String) -> Int? {
    line.unicodeScalars.firstIndex(of: "\u{FFFD}").map { line[..<$0].count + 1 }
  }
}
