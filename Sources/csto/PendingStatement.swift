import ArticleModel
import ArticleQuery
import Syntax

/// A query being read, possibly over several lines: its text, the line it starts on, and
/// whether it is complete yet.
///
/// A query goes on to the next line while it leaves a parenthesis or a quoted name open. Each
/// line is lexed once, as it comes, carrying what is still open (`Lexer.LineState`): reading a
/// query of many lines costs what its length does, not the square of it. A line the lexer
/// refuses (a stray character) completes the query, so that the parser reports the mistake at
/// once; so does going over `Parser.maximumLength`.
struct PendingStatement {
  private(set) var text: String
  let firstLine: Int
  /// Whether the query is ready to run: every parenthesis and quote closed, a lexical error,
  /// or too long.
  private(set) var isComplete = false
  /// What the lines so far leave open.
  private var state = Lexer.LineState()
  /// The bytes lexed so far: each line once, so this is the text's length (less its line
  /// breaks) however many lines it has. Tests check that it stays so.
  private(set) var scannedBytes = 0

  /// A statement whose first line is `line`, line `firstLine` of its script.
  init(_ line: String, firstLine: Int) {
    text = line
    self.firstLine = firstLine
    scan(line)
  }

  /// Adds the next line. Take the statement out of where it is kept before appending (as
  /// `open.take()` does), or the text is copied each time.
  mutating func append(_ line: String) {
    text += "\n" + line
    scan(line)
  }

  /// Whether the text is longer than the parser accepts.
  var isTooLong: Bool { text.utf8.count > Parser.maximumLength }

  private mutating func scan(_ line: String) {
    scannedBytes += line.utf8.count
    guard !isTooLong else {
      isComplete = true
      return
    }
    do {
      try state.read(line)
      isComplete = !state.isOpen
    } catch {
      isComplete = true
    }
  }
}
