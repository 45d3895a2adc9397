#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's environment variables, read once.
enum Environment {
  /// Every `NAME=value` of the environment, by name; a later entry of the same name wins. The
  /// name ends at the first `=` byte, as `getenv` reads it. Split by bytes, not by characters:
  /// reading each entry as a `String` and looking for the `=` character cost about 10,000
  /// instructions an entry, most of a one-shot query's argument handling (Tests/Benchmarks,
  /// round 6, start).
  static func current() -> [String: String] {
    var count = 0
    while environ[count] != nil { count += 1 }
    var variables = [String: String](minimumCapacity: count)
    var entry = environ
    while let pointer = entry.pointee {
      entry += 1
      let length = strlen(pointer)
      guard let equals = memchr(pointer, Int32(UInt8(ascii: "=")), length) else { continue }
      let start = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
      let nameLength = UnsafeRawPointer(equals) - UnsafeRawPointer(pointer)
      let name = UnsafeBufferPointer(start: start, count: nameLength)
      let value = UnsafeBufferPointer(start: start + nameLength + 1, count: length - nameLength - 1)
      variables[String(decoding: name, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
    }
    return variables
  }
}
