#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a script or init file whole, with errors as values.
enum ScriptFile {
  /// Why a file could not be read, worded for a message.
  struct Problem: Error, Equatable, CustomStringConvertible {
    let description: String
  }

  /// The largest script read, so that `.read /dev/zero` stops with an error rather than
  /// filling the memory.
  static let maximumSize = 64 * 1024 * 1024

  /// The text of the file at `path` (invalid UTF-8 repaired), or why it cannot be read.
  ///
  /// The file is opened without waiting (`O_NONBLOCK`), so that a named pipe with no writer
  /// does not hold the shell forever: it reads as empty. A pipe with a writer is then read
  /// as it comes, as standard input is.
  static func read(_ path: String) -> Result<String, Problem> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(problem(path, errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(problem(path, errno)) }
    guard info.st_mode & S_IFMT != S_IFDIR else { return .failure(problem(path, EISDIR)) }
    let flags = fcntl(descriptor, F_GETFL)
    guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
      return .failure(problem(path, errno))
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(problem(path, errno))
      }
      if count == 0 { break }
      bytes += buffer[..<count]
      guard bytes.count <= maximumSize else {
        return .failure(
          Problem(description: "cannot read \(path): larger than \(maximumSize / 1024 / 1024) MiB"))
      }
    }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// Whether a file exists at `path`, readable or not.
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  private static func problem(_ path: String, _ code: Int32) -> Problem {
    Problem(description: "cannot read \(path): \(String(cString: strerror(code)))")
  }
}
