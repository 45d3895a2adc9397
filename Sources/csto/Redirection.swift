import Glibc

/// `.output FILE` and `.once FILE`: what the shell shows goes into FILE instead of standard
/// output. It is kept in memory and written whole when the redirection ends (`.output` again,
/// the end of csto, or after one answer for `.once`), as exports are: a failure leaves the file
/// as it was.
struct Redirection {
  let path: String
  /// `.once`: ends after the next answer.
  let once: Bool
  private(set) var text = ""

  /// A redirection to `path`, or why it cannot be written: a folder, a missing folder, or one
  /// that is not writable. A full disk shows only when it is written.
  static func to(_ path: String, once: Bool) -> Result<Redirection, OutputFile.Problem> {
    var info = stat()
    if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      return .failure(problem(path, EISDIR))
    }
    let exists = stat(path, &info) == 0
    let folder = FilePath.folder(of: exists ? FilePath.resolved(path) : path)
    let writable =
      exists && info.st_mode & S_IFMT != S_IFREG ? access(path, W_OK) : access(folder, W_OK)
    guard writable == 0 else { return .failure(problem(path, errno)) }
    return .success(Redirection(path: path, once: once))
  }

  /// Adds `text`, ending it with a line break.
  mutating func append(_ shown: String) {
    text += shown
    if shown.utf8.last != UInt8(ascii: "\n") { text += "\n" }
  }

  /// Writes the file whole, with `files`.
  func write(with files: ShellFiles) -> Result<Void, OutputFile.Problem> {
    files.writeOutput(Array(text.utf8), path)
  }

  private static func problem(_ path: String, _ code: Int32) -> OutputFile.Problem {
    OutputFile.Problem(description: "cannot write \(path): \(String(cString: strerror(code)))")
  }
}
