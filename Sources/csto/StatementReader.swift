/// Turns lines, as the prompt or a script gives them, into what the shell runs: dot-commands,
/// and queries once every line of them has come. The prompt and scripts share it, so that a
/// query reads the same typed or saved.
///
/// A line is a dot-command, a comment or blank, or a query's first line only when no query is
/// open; while one is open, every line (one starting with `.` too) is part of it.
struct StatementReader {
  /// What a line gave.
  enum Item {
    /// Nothing to run yet: a blank line, a comment, or a line of a query still open.
    case nothing
    /// A dot-command as typed on line `line`.
    case command(name: String, arguments: String, argumentColumn: Int, text: String, line: Int)
    /// A complete query.
    case statement(PendingStatement)
  }

  /// The query still open, if any.
  private(set) var open: PendingStatement?

  /// Reads line `number` of the input.
  mutating func read(_ line: String, number: Int) -> Item {
    if var statement = open.take() {
      statement.append(line)
      return finished(statement)
    }
    switch ShellInput.classify(line) {
    case .empty:
      return .nothing
    case .command(let name, let arguments, let column):
      return .command(
        name: name, arguments: arguments, argumentColumn: column, text: line, line: number)
    case .query:
      return finished(PendingStatement(line, firstLine: number))
    }
  }

  /// Gives back the query still open, if any, and forgets it: at the end of the input, or
  /// when ^C abandons it.
  mutating func takeOpen() -> PendingStatement? {
    open.take()
  }

  private mutating func finished(_ statement: PendingStatement) -> Item {
    guard statement.isComplete else {
      open = statement
      return .nothing
    }
    return .statement(statement)
  }
}
