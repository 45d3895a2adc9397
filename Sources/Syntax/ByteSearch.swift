#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finding bytes in bytes, as `memmem` would (which Glibc's module does not offer): `memchr`
/// to the next possible start, `memcmp` to confirm. For the large texts of a corpus, where a
/// search character by character costs too much.
public enum ByteSearch {
  /// The offset of the first occurrence of `needle` in `text` at or after `start`; nil when
  /// there is none or `needle` is empty.
  public static func firstOffset(
    of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard let textStart = text.baseAddress, let needleStart = needle.baseAddress,
      !needle.isEmpty, start >= 0
    else { return nil }
    var offset = start
    while offset + needle.count <= text.count,
      let found = memchr(textStart + offset, Int32(needle[0]), text.count - offset)
    {
      let at = textStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
      guard at + needle.count <= text.count else { return nil }
      if memcmp(textStart + at, needleStart, needle.count) == 0 { return at }
      offset = at + 1
    }
    return nil
  }
}
