import Syntax

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a large file (a model of a million facts, its text) into memory of its own, asked
/// for in huge pages where the system gives them (`MADV_HUGEPAGE`): 248 MB read into 4 KB
/// pages take 60,000 page faults, into 2 MB pages about 120. The bytes are read, not mapped
/// from the file, so that a file cut short while csto reads it cannot crash csto.
enum FileBytes {
  /// Files smaller than this are read as any other.
  static let minimumSize = 8 * 1024 * 1024
  private static let hugePage = 2 * 1024 * 1024

  /// The bytes of the file at `path`, in a `Data` that unmaps them when it goes; nil when
  /// the file is small, cannot be opened or measured, or changed size while read (the caller
  /// reads it as any other file, and says what went wrong).
  static func read(_ path: String) -> Data? {
    guard let (descriptor, size) = openLarge(path) else { return nil }
    defer { close(descriptor) }
    // One byte more than the size, to tell a file that grew.
    let room = (size + 1 + hugePage - 1) / hugePage * hugePage
    guard
      let memory = mmap(nil, room, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      memory != MAP_FAILED
    else { return nil }
    #if os(Linux)
      _ = madvise(memory, room, MADV_HUGEPAGE)
    #endif
    guard readWhole(descriptor, into: memory, size: size) else {
      munmap(memory, room)
      return nil
    }
    return Data(
      bytesNoCopy: memory, count: size, deallocator: .custom { _, _ in munmap(memory, room) })
  }

  /// The file at `path` opened, with its size, when it is a regular file of at least
  /// `minimumSize` and at most the largest model file; nil otherwise.
  private static func openLarge(_ path: String) -> (descriptor: Int32, size: Int)? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      status.st_size >= minimumSize, status.st_size <= ModelLoader.maximumFileSize
    else {
      close(descriptor)
      return nil
    }
    return (descriptor, Int(status.st_size))
  }

  /// Reads the file into `memory`, which has room for `size + 1` bytes: true when exactly
  /// `size` bytes came (a file that grew gives one byte more).
  private static func readWhole(
    _ descriptor: Int32, into memory: UnsafeMutableRawPointer, size: Int
  )
    -> Bool
  {
    var filled = 0
    while filled <= size {
      let count = readSome(descriptor, memory + filled, size + 1 - filled)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      filled += count
    }
    return filled == size
  }
}

extension FileBytes {
  /// Whether `bytes` are UTF-8 without a byte order mark: a text read from its bytes as they
  /// are (a mark is left to `String(data:encoding:)`, which drops it).
  static func isPlainUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && UTF8Text.isValid(bytes)
  }

  /// The text of the UTF-8 file at `path`, read straight into the storage of its `String`
  /// rather than into bytes that a `String` then copies: a document's text of 57 MB was read,
  /// then copied (issue 14). Nil when the file is small, cannot be opened or measured,
  /// changed size while read, begins with a byte order mark or is not UTF-8: the caller
  /// reads it as any other file, and says what went wrong.
  static func readText(_ path: String) -> String? {
    guard let (descriptor, size) = openLarge(path) else { return nil }
    defer { close(descriptor) }
    var whole = false
    // One byte more than the size, to tell a file that grew.
    let text = String(unsafeUninitializedCapacity: size + 1) { buffer -> Int in
      guard let start = buffer.baseAddress, readWhole(descriptor, into: start, size: size) else {
        return 0
      }
      let bytes = UnsafeBufferPointer(start: start, count: size)
      guard isPlainUTF8(bytes) else { return 0 }
      whole = true
      return size
    }
    return whole ? text : nil
  }
}

/// `read(2)`, which `FileBytes.read` hides by its name.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
