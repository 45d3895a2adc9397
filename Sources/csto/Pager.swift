import Glibc

/// A pager for answers taller than the terminal: `$CSTO_PAGER`, else `$PAGER`, else
/// `less -FRX` when `less` is on `PATH`.
struct Pager {
  /// The command, run with `/bin/sh -c`.
  let command: String

  /// The pager the environment names; nil when it names none and there is no `less`.
  static func from(environment: [String: String]) -> Pager? {
    for name in ["CSTO_PAGER", "PAGER"] {
      if let command = environment[name], !command.trimmed.isEmpty {
        return Pager(command: command)
      }
    }
    guard Subprocess.isOnPath("less", searchPath: environment["PATH"]) else { return nil }
    return Pager(command: "less -FRX")
  }

  /// Whether `text` is taller than a terminal of `columns` × `rows`, long lines taking the rows
  /// they wrap onto; the prompt's line counts too.
  static func isTaller(_ text: String, columns: Int, rows: Int) -> Bool {
    var used = 1
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      used += max(1, (line.count + max(1, columns) - 1) / max(1, columns))
      if used > rows { return true }
    }
    return false
  }

  /// Shows `text` through the pager and waits for it to end. False when it could not start or
  /// ended with an error: the caller then prints the text itself.
  func show(_ text: String) -> Bool {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return false }
    // Neither end may stay open in the pager, or it would wait for itself to close the pipe.
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    guard let pid = Subprocess.start(command, input: ends[0]) else {
      close(ends[0])
      close(ends[1])
      return false
    }
    close(ends[0])
    // A pager quit before the end (`q` in less) closes the pipe: EPIPE, not a failure.
    _ = FilePath.writeAll(Array(text.utf8)[...], to: ends[1])
    close(ends[1])
    return Subprocess.wait(pid) == 0
  }
}
