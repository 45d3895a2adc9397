import Glibc

/// Where the shell writes: answers to standard output, messages to standard error. A
/// standard output closed by the reader (`csto -c members | head -1`) ends the program
/// quietly with status 0; any other failure to write ends it with a message and status 1.
struct Output: Sendable {
  /// Writes `text` to standard output as it is.
  func write(_ text: String) {
    let failure = Self.write(text, to: STDOUT_FILENO)
    guard failure != 0 else { return }
    if failure == EPIPE || failure == EBADF { exit(0) }
    error("csto: cannot write the output: \(String(cString: strerror(failure)))")
    exit(1)
  }

  /// Writes `text` and a line break to standard output.
  func line(_ text: String) {
    write(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// Writes `text` and a line break to standard error.
  func error(_ text: String) {
    _ = Self.write(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
  }

  /// Writes all of `text`; gives back 0, or the errno of the write that failed.
  private static func write(_ text: String, to descriptor: Int32) -> Int32 {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      bytes = bytes.dropFirst(written)
    }
    return 0
  }
}
