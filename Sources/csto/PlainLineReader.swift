import ArticleQuery
import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The prompt without libedit: the prompt printed, then a line read as the terminal's own
/// line discipline edits it (Backspace, ^U, ^W), no history and no Tab completion. ^C,
/// a signal here, throws away what was typed (the terminal does) and is not seen by the
/// query that follows.
final class PlainLineReader: LineReader {
  func readLine(prompt: String) -> LineEditor.Input {
    fputs(prompt, csto_stdout())
    fflush(csto_stdout())
    var bytes: [UInt8] = []
    while true {
      var byte: UInt8 = 0
      let count = read(STDIN_FILENO, &byte, 1)
      if count < 0, errno == EINTR, Interrupt.endingSignal == 0 { continue }
      if count < 0 || Interrupt.endingSignal != 0 { return .end }
      if count == 0 { return bytes.isEmpty ? .end : .line(String(decoding: bytes, as: UTF8.self)) }
      if byte == UInt8(ascii: "\n") { break }
      bytes.append(byte)
    }
    // A ^C typed at this prompt stopped nothing: the line it abandoned is gone already.
    if Interrupt.flag.isCancelled { Interrupt.flag.reset() }
    return .line(String(decoding: bytes, as: UTF8.self))
  }

  func addHistory(_ entry: String) {}
}
