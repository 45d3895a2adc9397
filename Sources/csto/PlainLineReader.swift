import ArticleQuery
import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The prompt without libedit: the prompt printed, then a line read as the terminal's own
/// line discipline edits it (Backspace, ^U, ^W), no history and no Tab completion. ^C
/// abandons the line as it does in libedit: the terminal throws away what was typed, and the
/// shell shows the prompt again on a line of its own (`.interrupted`), dropping a query left
/// open over several lines.
final class PlainLineReader: LineReader {
  func readLine(prompt: String) -> LineEditor.Input {
    fputs(prompt, csto_stdout())
    fflush(csto_stdout())
    // The prompt's ^C handler restarts reads, so that a query's own reads are never cut
    // short; this read must be cut short to see the ^C.
    var previous = sigaction()
    var interrupting = sigaction()
    interrupting.__sigaction_handler.sa_handler = { _ in Interrupt.flag.cancel() }
    sigemptyset(&interrupting.sa_mask)
    interrupting.sa_flags = 0
    sigaction(SIGINT, &interrupting, &previous)
    defer { sigaction(SIGINT, &previous, nil) }
    var bytes: [UInt8] = []
    while true {
      var byte: UInt8 = 0
      let count = read(STDIN_FILENO, &byte, 1)
      if Interrupt.endingSignal != 0 { return .end }
      if Interrupt.flag.isCancelled {
        Interrupt.flag.reset()
        fputs("\n", csto_stdout())
        fflush(csto_stdout())
        return .interrupted
      }
      if count < 0, errno == EINTR { continue }
      if count < 0 { return .end }
      if count == 0 { return bytes.isEmpty ? .end : .line(String(decoding: bytes, as: UTF8.self)) }
      if byte == UInt8(ascii: "\n") { break }
      bytes.append(byte)
    }
    return .line(String(decoding: bytes, as: UTF8.self))
  }

  func addHistory(_ entry: String) {}
}
