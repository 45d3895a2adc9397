#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Large arrays that a first load fills (the checker's facts and strings, the snapshot
/// writer's table and parts) asked for in huge pages where the system gives them
/// (`MADV_HUGEPAGE`, Linux): a first load of a million facts touched about a gigabyte of
/// fresh memory 4 KB at a time, 255,000 page faults and a fifth of its time in the kernel
/// (issue 14). Only what is advised before it is first written counts, so an array is advised
/// right after its room is made and before it is filled. Elsewhere, or for small arrays, this
/// does nothing; the bytes are the same either way.
enum HugePages {
  /// Arrays of fewer bytes than this are left as they are.
  static let minimumSize = 8 * 1024 * 1024
  /// The size of a huge page on the systems that advise them.
  static let size = 2 * 1024 * 1024

  /// Gives `array` room for `capacity` elements in all, asked for in huge pages.
  static func reserve<Element>(_ array: inout [Element], capacity: Int) {
    array.reserveCapacity(capacity)
    let bytes = array.capacity * MemoryLayout<Element>.stride
    array.withUnsafeMutableBufferPointer { buffer in
      advise(buffer.baseAddress.map(UnsafeMutableRawPointer.init), bytes: bytes)
    }
  }

  /// An array of `count` copies of `value`, asked for in huge pages before it is written.
  static func array<Element: BitwiseCopyable>(repeating value: Element, count: Int)
    -> [Element]
  {
    Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      advise(
        buffer.baseAddress.map(UnsafeMutableRawPointer.init),
        bytes: count * MemoryLayout<Element>.stride)
      buffer.initialize(repeating: value)
      initialized = count
    }
  }

  /// Advises the whole huge pages within `bytes` bytes at `start`.
  static func advise(_ start: UnsafeMutableRawPointer?, bytes: Int) {
    #if os(Linux)
      guard let start, bytes >= minimumSize else { return }
      let first = (Int(bitPattern: start) + size - 1) / size * size
      let end = (Int(bitPattern: start) + bytes) / size * size
      guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
      _ = madvise(aligned, end - first, MADV_HUGEPAGE)
    #endif
  }
}
