#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A file's bytes mapped read-only into memory, and what `stat` said of it. The cache only
/// ever replaces a snapshot by renaming a new file over it, so a mapping stays whole.
final class MappedFile {
  let bytes: UnsafeRawBufferPointer
  let status: stat

  /// The file at `path` mapped, or nil when it cannot be opened, is not a regular file or is
  /// larger than `maximumSize`.
  init?(path: String, maximumSize: Int) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      Int(status.st_size) <= maximumSize
    else { return nil }
    self.status = status
    let size = Int(status.st_size)
    guard size > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      start != MAP_FAILED
    else { return nil }
    bytes = UnsafeRawBufferPointer(start: start, count: size)
  }

  /// Lets the kernel drop the pages of `range` that are in memory: they are read from the
  /// file again when next touched. Nothing is written to a mapping, so nothing is lost.
  func release(_ range: Range<Int>) {
    guard let start = bytes.baseAddress, !range.isEmpty else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let first = (range.lowerBound + page - 1) / page * page
    let end = min(range.upperBound, bytes.count) / page * page
    guard first < end else { return }
    madvise(UnsafeMutableRawPointer(mutating: start + first), end - first, MADV_DONTNEED)
  }

  deinit {
    if let start = bytes.baseAddress {
      munmap(UnsafeMutableRawPointer(mutating: start), bytes.count)
    }
  }
}

extension ModelSnapshot.SourceFile {
  /// The file at `path` as it is now, hashed; nil when it cannot be read.
  static func current(path: String) -> ModelSnapshot.SourceFile? {
    guard let file = MappedFile(path: path, maximumSize: ModelLoader.maximumFileSize) else {
      return nil
    }
    return ModelSnapshot.SourceFile(
      path: path, size: file.bytes.count, modifiedSeconds: Int64(file.status.st_mtim.tv_sec),
      modifiedNanoseconds: Int64(file.status.st_mtim.tv_nsec),
      inode: UInt64(file.status.st_ino), contentHash: ContentHash.of(file.bytes))
  }

  /// Whether the file at `path` still has this content: by `stat` when nothing it reports
  /// changed, else by hashing the file again.
  var isCurrent: Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    if Int(status.st_size) == size, Int64(status.st_mtim.tv_sec) == modifiedSeconds,
      Int64(status.st_mtim.tv_nsec) == modifiedNanoseconds, UInt64(status.st_ino) == inode
    {
      return true
    }
    return Self.current(path: path)?.contentHash == contentHash
      && Int(status.st_size) == size
  }
}
