import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file that keeps the prompt's history between runs: where it is, loading it, and
/// saving it so that a failed save never truncates what was there.
struct HistoryFile: Equatable {
  /// Why the history file could not be used; the session goes on without it.
  struct Problem: Error, Equatable, CustomStringConvertible {
    let description: String
  }

  let path: String

  /// The file the environment asks for: `$CSTO_HISTORY` (set but empty: no file), else
  /// `$XDG_STATE_HOME/csto/history`, else `$HOME/.local/state/csto/history`; nil when history
  /// is turned off or there is no home to keep it in.
  static func location(environment: [String: String]) -> HistoryFile? {
    if let explicit = environment["CSTO_HISTORY"] {
      return explicit.isEmpty ? nil : HistoryFile(path: explicit)
    }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return HistoryFile(path: state + "/csto/history")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return HistoryFile(path: home + "/.local/state/csto/history")
    }
    return nil
  }

  /// Reads the file into `history`. A missing or empty file is fine; a directory, a device, an
  /// unreadable file or one that is not a libedit history file is a problem, left untouched.
  func load(into history: OpaquePointer) -> Result<Void, Problem> {
    var info = stat()
    if stat(path, &info) != 0 {
      return errno == ENOENT ? .success(()) : .failure(problem("cannot be read", errno))
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .failure(Problem(description: "\(prefix) is not a regular file; \(consequence)"))
    }
    guard access(path, R_OK) == 0 else { return .failure(problem("cannot be read", errno)) }
    guard info.st_size > 0 else { return .success(()) }
    guard csto_history_load(history, path) >= 0 else {
      return .failure(
        Problem(
          description:
            "\(prefix) is not a libedit history file; it is left as it is and \(consequence)"))
    }
    return .success(())
  }

  /// Writes `history` to a new file beside this one (mode 0600, its folders made as needed)
  /// and renames it over this one, so the old file stays whole if anything fails. Through a
  /// symbolic link, the file it points to is replaced and the link kept.
  func save(from history: OpaquePointer) -> Result<Void, Problem> {
    let target = FilePath.resolved(path)
    let folder = FilePath.folder(of: target)
    if let failure = Self.makeFolders(folder) {
      return .failure(problem("cannot be saved (making \(folder))", failure))
    }
    var existing = stat()
    if stat(target, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG {
      return .failure(Problem(description: "\(prefix) is not a regular file; \(consequence)"))
    }
    var template = Array((folder + "/.history.XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return .failure(problem("cannot be saved", errno)) }
    let temporary = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let file = fdopen(descriptor, "w") else {
      let failure = errno
      close(descriptor)
      unlink(temporary)
      return .failure(problem("cannot be saved", failure))
    }
    let written = csto_history_save_fp(history, file)
    let flushed = fflush(file) == 0 && fsync(descriptor) == 0
    let failure = errno
    let closed = fclose(file) == 0
    guard written >= 0, flushed, closed else {
      unlink(temporary)
      return .failure(problem("cannot be saved", failure))
    }
    guard rename(temporary, target) == 0 else {
      let failure = errno
      unlink(temporary)
      return .failure(problem("cannot be saved", failure))
    }
    return .success(())
  }

  private var prefix: String { "csto: history file \(path)" }
  private var consequence: String { "history is kept for this session only" }

  private func problem(_ what: String, _ code: Int32) -> Problem {
    Problem(description: "\(prefix) \(what): \(String(cString: strerror(code))); \(consequence)")
  }

  /// Makes `folder` and its missing parents with mode 0700; gives back errno on failure.
  private static func makeFolders(_ folder: String) -> Int32? {
    var info = stat()
    if stat(folder, &info) == 0 {
      return info.st_mode & S_IFMT == S_IFDIR ? nil : ENOTDIR
    }
    guard errno == ENOENT else { return errno }
    let parent = FilePath.folder(of: folder)
    if parent != folder, let failure = makeFolders(parent) { return failure }
    return mkdir(folder, 0o700) == 0 || errno == EEXIST ? nil : errno
  }
}
