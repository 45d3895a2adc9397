/// Whether bytes are well-formed UTF-8, as `String(validating:as:)` decides it (Unicode's
/// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), but 8 bytes at a time
/// through ASCII: a model file of hundreds of megabytes is mostly ASCII, and is read as bytes
/// rather than as a `String` that the standard library would validate byte by byte.
enum UTF8Validator {
  /// True when `bytes` are well-formed UTF-8.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var index = 0
    while index < count {
      while index + 8 <= count,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
          == 0
      {
        index += 8
      }
      guard index < count else { return true }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let (width, second): (Int, ClosedRange<UInt8>) =
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: (0, 0...0)
        }
      guard width > 0, index + width <= count, second.contains(base[index + 1]) else {
        return false
      }
      for offset in 2..<width where base[index + offset] & 0xC0 != 0x80 { return false }
      index += width
    }
    return true
  }
}
