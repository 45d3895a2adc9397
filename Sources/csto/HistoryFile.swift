import CEditLine
import Syntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file that keeps the prompt's history between runs: where it is, loading it, and
/// adding each new entry to it.
///
/// Each entry is appended under an advisory lock (`flock`), as zsh's `INC_APPEND_HISTORY`
/// does, so two shells on one file keep both their entries, in the order they were entered.
/// The file is rewritten only when it has grown past its limit by a tenth, keeping the newest
/// `limit` entries: never on every entry.
struct HistoryFile: Equatable {
  /// Why the history file could not be used; the session goes on without it.
  struct Problem: Error, Equatable, CustomStringConvertible {
    let description: String
  }

  /// libedit's header line.
  static let header = "_HiStOrY_V2_"
  /// The number of entries kept when `CSTO_HISTORY_SIZE` does not say.
  static let defaultLimit = 10_000
  /// The largest `CSTO_HISTORY_SIZE` taken.
  static let maximumLimit = 10_000_000

  let path: String
  /// How many entries the file keeps (`CSTO_HISTORY_SIZE`, else `defaultLimit`).
  var limit = HistoryFile.defaultLimit

  /// The file the environment asks for: `$CSTO_HISTORY` (set but empty: no file), else
  /// `$XDG_STATE_HOME/csto/history`, else `$HOME/.local/state/csto/history`; nil when history
  /// is turned off or there is no home to keep it in. Its limit is `$CSTO_HISTORY_SIZE` (a
  /// whole number from 1 to `maximumLimit`), else `defaultLimit`.
  static func location(environment: [String: String]) -> HistoryFile? {
    let limit =
      environment["CSTO_HISTORY_SIZE"].flatMap(Int.init)
      .map { min(max($0, 1), maximumLimit) } ?? defaultLimit
    if let explicit = environment["CSTO_HISTORY"] {
      return explicit.isEmpty ? nil : HistoryFile(path: explicit, limit: limit)
    }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return HistoryFile(path: state + "/csto/history", limit: limit)
    }
    if let home = environment["HOME"], !home.isEmpty {
      return HistoryFile(path: home + "/.local/state/csto/history", limit: limit)
    }
    return nil
  }

  /// Reads the file into `history`, with `libedit`'s functions. A missing or empty file is fine; a directory, a device, an
  /// unreadable or read-only file or one that is not a libedit history file is a problem,
  /// left untouched.
  func load(into history: OpaquePointer, with libedit: UnsafePointer<csto_libedit>)
    -> Result<Void, Problem>
  {
    var info = stat()
    if stat(path, &info) != 0 {
      return errno == ENOENT ? .success(()) : .failure(problem("cannot be read", errno))
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .failure(Problem(description: "\(prefix) is not a regular file; \(consequence)"))
    }
    guard access(path, R_OK) == 0 else { return .failure(problem("cannot be read", errno)) }
    // The owner's write bit, not access(2): root may write anything, and a file made
    // read-only says it is not to be changed.
    guard info.st_mode & S_IWUSR != 0 else {
      return .failure(
        Problem(description: "\(prefix) is read-only; it is left as it is and \(consequence)"))
    }
    guard info.st_size > 0 else { return .success(()) }
    guard csto_history_load(libedit, history, path) >= 0 else {
      return .failure(
        Problem(
          description:
            "\(prefix) is not a libedit history file; it is left as it is and \(consequence)"))
    }
    return .success(())
  }

  /// What adding an entry came to: about how many entries the file holds now (exactly, after
  /// a count or a trim; other shells may have added some since), and, when it was trimmed to
  /// its limit, how many it had.
  struct Appended: Equatable {
    var entries: Int
    var trimmedFrom: Int?
  }

  /// Appends `entry` to the file (made, mode 0600, with its folders, when missing) under an
  /// exclusive lock. `entries` is what the last append said the file holds (nil: not known,
  /// the file is counted). When the file may hold more than `limit` entries (by a tenth, or
  /// at all when `trimNow`), it is counted, and if so rewritten with its newest `limit`
  /// entries, beside it and renamed over it. Through a symbolic link, even a dangling one,
  /// the file it points to is written and the link kept.
  func append(_ entry: String, entries known: Int?, trimNow: Bool) -> Result<Appended, Problem> {
    let folder = FilePath.folder(of: FilePath.resolved(path))
    if let failure = Self.makeFolders(folder) {
      return .failure(problem("cannot be saved (making \(folder))", failure))
    }
    var descriptor: Int32 = -1
    // Another shell may have trimmed the file, renaming a new one over it, between our open
    // and our lock: then the lock is on a file no longer there, and we open again.
    for _ in 0..<8 {
      descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else { return .failure(problem("cannot be saved", errno)) }
      while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else {
          let failure = errno
          close(descriptor)
          return .failure(problem("cannot be saved (locking it)", failure))
        }
      }
      var opened = stat()
      var named = stat()
      if fstat(descriptor, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino,
        opened.st_dev == named.st_dev
      {
        break
      }
      close(descriptor)
      descriptor = -1
    }
    guard descriptor >= 0 else { return .failure(problem("cannot be saved", EAGAIN)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(problem("cannot be saved", errno)) }
    guard info.st_mode & S_IFMT == S_IFREG else {
      return .failure(Problem(description: "\(prefix) is not a regular file; \(consequence)"))
    }
    var line = info.st_size == 0 ? Array((Self.header + "\n").utf8) : []
    line += Self.encode(entry) + [UInt8(ascii: "\n")]
    let failure = FilePath.writeAll(line[...], to: descriptor)
    guard failure == 0 else {
      // A short write on a full disk: cut the file back to where it was.
      _ = ftruncate(descriptor, info.st_size)
      return .failure(problem("cannot be saved", failure))
    }
    let threshold = trimNow ? limit : limit + max(limit / 10, 1)
    if let known, known + 1 <= threshold { return .success(Appended(entries: known + 1)) }
    guard let bytes = readAll() else { return .success(Appended(entries: (known ?? 0) + 1)) }
    let entries = bytes.split(separator: UInt8(ascii: "\n")).count - 1
    guard entries > threshold else { return .success(Appended(entries: entries)) }
    if case .failure(let problem) = trim(bytes, to: limit) { return .failure(problem) }
    return .success(Appended(entries: limit, trimmedFrom: entries))
  }

  /// The file's bytes, read from the start through a descriptor of its own (the locked one
  /// only appends).
  private func readAll() -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { return bytes }
      bytes += buffer[..<count]
    }
  }

  /// Writes the header and the last `limit` lines of `bytes` to a new file beside this one
  /// and renames it over it, so a failure leaves the old file whole.
  private func trim(_ bytes: [UInt8], to limit: Int) -> Result<Void, Problem> {
    let lines = bytes.split(separator: UInt8(ascii: "\n")).dropFirst()
    var kept = Array((Self.header + "\n").utf8)
    for line in lines.suffix(limit) { kept += line + [UInt8(ascii: "\n")] }
    let target = FilePath.resolved(path)
    var template = Array((FilePath.folder(of: target) + "/.history.XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return .failure(problem("cannot be trimmed", errno)) }
    let temporary = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure = FilePath.writeAll(kept[...], to: descriptor)
    if failure == 0, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, target) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      return .failure(problem("cannot be trimmed", failure))
    }
    return .success(())
  }

  /// An entry as the history can hold it: libedit keeps entries as C strings, and would cut
  /// one at a NUL byte (in memory at once, and when the file is read back), so each NUL
  /// becomes U+2400 SYMBOL FOR NULL, and the user is told (`nulMessage`).
  static func storable(_ entry: String) -> (entry: String, hadNUL: Bool) {
    guard entry.utf8.contains(0) else { return (entry, false) }
    return (entry.replacingASCII(0, with: "\u{2400}"), true)
  }

  /// The warning for an entry that held a NUL byte.
  static let nulMessage =
    "csto: the history cannot hold a NUL byte: the entry is kept with \u{2400} in its place"

  /// An entry as libedit's `strvis(VIS_WHITE)` writes it, which its `strunvis` reads back:
  /// a backslash doubled; white space, control characters and NUL as `\ooo`; other bytes as
  /// they are.
  static func encode(_ entry: String) -> [UInt8] {
    var encoded: [UInt8] = []
    for byte in entry.utf8 {
      switch byte {
      case UInt8(ascii: "\\"): encoded += [byte, byte]
      case 0...0x20, 0x7F:
        encoded.append(UInt8(ascii: "\\"))
        for shift in [6, 3, 0] { encoded.append(UInt8(ascii: "0") + (byte >> UInt8(shift)) & 7) }
      default: encoded.append(byte)
      }
    }
    return encoded
  }

  /// The message for a trim.
  func trimmedMessage(from count: Int) -> String {
    "csto: history file \(path) had \(count) entries; it keeps the newest \(limit)"
      + " (CSTO_HISTORY_SIZE)"
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
