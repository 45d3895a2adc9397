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
    // ^C is held back while the line is read and let through only while waiting for input
    // (`pselect`), so that one typed at any moment is seen: between a look at the flag and a
    // read that would then wait for the next line (the terminal has thrown the typed one
    // away), none can come.
    var interrupt = sigset_t()
    var previous = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    sigprocmask(SIG_BLOCK, &interrupt, &previous)
    defer { sigprocmask(SIG_SETMASK, &previous, nil) }
    var waiting = previous
    sigdelset(&waiting, SIGINT)
    fputs(prompt, csto_stdout())
    fflush(csto_stdout())
    var bytes: [UInt8] = []
    while true {
      if Interrupt.endingSignal != 0 { return .end }
      if Interrupt.flag.isCancelled {
        Interrupt.flag.reset()
        fputs("\n", csto_stdout())
        fflush(csto_stdout())
        return .interrupted
      }
      var ready = fd_set()
      #if canImport(Glibc)
        ready.__fds_bits.0 = 1  // standard input, descriptor 0
      #else
        ready.fds_bits.0 = 1
      #endif
      let waited = pselect(STDIN_FILENO + 1, &ready, nil, nil, nil, &waiting)
      if waited < 0, errno == EINTR { continue }
      var byte: UInt8 = 0
      let count = waited < 0 ? -1 : read(STDIN_FILENO, &byte, 1)
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
