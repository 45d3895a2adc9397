#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a whole file that csto makes (`export -o`, `graph -o`, `.graph`), so that a failure
/// never leaves half a file where a good one was: the bytes go to a new file beside it, which
/// is then renamed over it (through a symbolic link, to the file it points to). A path that is
/// not a regular file, such as `/dev/stdout` or a pipe, is written in place.
enum OutputFile {
  /// Why the file could not be written, worded for a message.
  struct Problem: Error, Equatable, CustomStringConvertible {
    let description: String
  }

  /// Writes `bytes` to the file at `path`, replacing it whole.
  static func write(_ bytes: [UInt8], to path: String) -> Result<Void, Problem> {
    var info = stat()
    let exists = stat(path, &info) == 0
    if exists, info.st_mode & S_IFMT != S_IFREG {
      return writeInPlace(bytes, to: path)
    }
    let target = exists ? FilePath.resolved(path) : path
    let folder = FilePath.folder(of: target)
    var template = Array((folder + "/.csto-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return .failure(problem(path, errno)) }
    let temporary = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // Killed while writing, csto removes the half-written file.
    let slot = SignalCleanup.register(temporary)
    defer { SignalCleanup.unregister(slot) }
    let mode = exists ? info.st_mode & 0o7777 : 0o666 & ~currentUmask()
    var failure = FilePath.writeAll(bytes[...], to: descriptor)
    if failure == 0, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    if failure == 0, rename(temporary, target) != 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      return .failure(problem(path, failure))
    }
    return .success(())
  }

  private static func writeInPlace(_ bytes: [UInt8], to path: String) -> Result<Void, Problem> {
    let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(problem(path, errno)) }
    var failure = FilePath.writeAll(bytes[...], to: descriptor)
    if close(descriptor) != 0, failure == 0 { failure = errno }
    return failure == 0 ? .success(()) : .failure(problem(path, failure))
  }

  private static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }

  private static func problem(_ path: String, _ code: Int32) -> Problem {
    Problem(description: "cannot write \(path): \(String(cString: strerror(code)))")
  }
}
