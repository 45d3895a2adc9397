extension String {
  /// The text with every byte `ascii` (an ASCII character) replaced by `replacement`, byte by
  /// byte as Foundation's `replacingOccurrences(of:with:)` replaces one ASCII character: also
  /// where the character is part of a longer `Character` (a quote with a combining mark after
  /// it, the line feed of a CRLF), which `String.replacing(_:with:)` would leave. An ASCII byte
  /// is never part of another character's UTF-8, so the result is the same text around it.
  package func replacingASCII(_ ascii: UInt8, with replacement: String) -> String {
    precondition(ascii < 0x80, "replacingASCII replaces an ASCII byte")
    guard utf8.contains(ascii) else { return self }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + replacement.utf8.count)
    for byte in utf8 {
      if byte == ascii {
        bytes += replacement.utf8
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
