#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the shell writes: answers to standard output, messages to standard error. A
/// standard output closed by the reader (`csto -c members | head -1`) ends the program
/// quietly with status 0; any other failure to write ends it with a message and status 1.
struct Output: Sendable {
  /// Where answers go.
  let answers: Int32
  /// Where messages go.
  let messages: Int32

  /// Answers to `answers` (standard output), messages to `messages` (standard error).
  init(answers: Int32 = STDOUT_FILENO, messages: Int32 = STDERR_FILENO) {
    self.answers = answers
    self.messages = messages
  }

  /// Writes `text` to standard output as it is.
  func write(_ text: String) {
    let failure = FilePath.writeAll(Array(text.utf8)[...], to: answers)
    guard failure != 0 else { return }
    if failure == EPIPE || failure == EBADF { exit(0) }
    error("csto: cannot write the output: \(String(cString: strerror(failure)))")
    exit(1)
  }

  /// Writes `text` and a line break, unless it ends with one, to standard output.
  func line(_ text: String) {
    write(Self.endingALine(text))
  }

  /// Writes `text` and a line break, unless it ends with one, to standard error.
  func error(_ text: String) {
    _ = FilePath.writeAll(Array(Self.endingALine(text).utf8)[...], to: messages)
  }

  /// `text` with a line feed at its end. Its bytes are looked at: a CSV's `\r\n` is one
  /// `Character`, which `hasSuffix("\n")` does not see.
  private static func endingALine(_ text: String) -> String {
    text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n"
  }

}
