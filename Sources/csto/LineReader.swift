/// What the prompt reads its lines with: libedit's `LineEditor`, or `PlainLineReader` when
/// libedit cannot be loaded.
protocol LineReader: AnyObject {
  /// Shows `prompt` and reads one line.
  func readLine(prompt: String) -> LineEditor.Input
  /// Keeps `entry` (one query, however many lines it took) for the next sessions.
  func addHistory(_ entry: String)
}
