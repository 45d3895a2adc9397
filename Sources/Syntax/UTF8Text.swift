#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// UTF-8 text read by its bytes: its lines and the line and column of an offset, search,
/// folding and paragraphs. Model files and corpus texts run to hundreds of megabytes, so every
/// job here reads bytes (`memchr`, 8 bytes at a time through ASCII) and turns to characters
/// only for what bytes cannot decide; each gives what reading the text by characters would.
///
/// A value holds a `String` and where its lines start. The static functions do the same jobs
/// on bytes that have no `String` (a model file read from disk, a lexer's buffer).
public struct UTF8Text: Sendable, Equatable {
  /// The text, its UTF-8 contiguous.
  public let string: String
  /// The UTF-8 offset of every line's start: 0 and each offset after a line feed.
  public let lineStarts: [Int]

  public init(_ string: String) {
    var string = string
    string.makeContiguousUTF8()
    self.string = string
    lineStarts = string.utf8.withContiguousStorageIfAvailable(Self.lineStarts) ?? [0]
  }

  /// Runs `body` with the text's UTF-8 bytes.
  public func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    string.utf8.withContiguousStorageIfAvailable(body)!
  }

  // MARK: lines

  /// The line (counted from `firstLine`) and the column (1-based, in characters) of a UTF-8
  /// offset.
  public func location(of offset: Int, firstLine: Int = 1) -> SourceLocation {
    withBytes { Self.location(of: offset, in: $0, lineStarts: lineStarts, firstLine: firstLine) }
  }

  /// The text of the line that holds a UTF-8 offset, without its line break (`\n` or
  /// `\r\n`).
  public func lineText(at offset: Int) -> String {
    withBytes { bytes in
      let line = Self.line(of: offset, in: bytes, lineStarts: lineStarts)
      let start = lineStarts[line]
      var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
      if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      return Self.string(bytes, start..<end)
    }
  }

  /// The text between two UTF-8 offsets, clamped to the text.
  public func slice(_ range: Range<Int>) -> String {
    withBytes { bytes in
      let lower = max(0, min(range.lowerBound, bytes.count))
      let upper = max(lower, min(range.upperBound, bytes.count))
      return Self.string(bytes, lower..<upper)
    }
  }

  /// The offset of every line's start in `bytes`, found with `memchr`.
  public static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var starts = [0]
    var offset = 0
    while let found = firstOffset(of: UInt8(ascii: "\n"), in: bytes, from: offset) {
      offset = found + 1
      starts.append(offset)
    }
    return starts
  }

  /// The index in `lineStarts` of the line that holds `offset` (clamped to `bytes`).
  static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int])
    -> Int
  {
    let clamped = max(0, min(offset, bytes.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// `location(of:firstLine:)` for bytes whose `lineStarts` are known.
  public static func location(
    of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int], firstLine: Int = 1
  ) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let line = line(of: clamped, in: bytes, lineStarts: lineStarts)
    let column = string(bytes, lineStarts[line]..<clamped).count + 1
    return SourceLocation(line: firstLine + line, column: column)
  }

  /// The text of a range of bytes; a range that cuts a character is decoded with
  /// replacement characters.
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  // MARK: paragraphs

  /// Splits a text into paragraphs: blocks separated by blank lines, each block's lines trimmed
  /// and joined with one space, leaving out the blocks listed in `skipping`. Lines end at line
  /// feeds, as `split(separator: "\n")` finds them by characters: `\r\n` is one character,
  /// which does not end a line.
  ///
  /// A line that begins and ends with ASCII other than white space is its own trimmed self,
  /// copied as bytes; other lines are trimmed by characters.
  public static func paragraphs(of text: String, skipping: [String]) -> [String] {
    UTF8Text.withBytes(of: text) { bytes in
      let isPlain = { (byte: UInt8) in
        byte < 0x80 && byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte)
      }
      var blocks: [String] = []
      var block: [UInt8] = []
      var lineStart = 0
      while lineStart <= bytes.count {
        var lineEnd = bytes.count
        var from = lineStart
        while let found = firstOffset(of: UInt8(ascii: "\n"), in: bytes, from: from) {
          if found == 0 || bytes[found - 1] != UInt8(ascii: "\r") {
            lineEnd = found
            break
          }
          from = found + 1
        }
        let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
        if let first = line.first, let last = line.last, isPlain(first), isPlain(last) {
          if !block.isEmpty { block.append(UInt8(ascii: " ")) }
          block.append(contentsOf: line)
        } else {
          let trimmed = Substring(String(decoding: line, as: UTF8.self)).trimmingWhitespace()
          if trimmed.isEmpty {
            if !block.isEmpty { blocks.append(String(decoding: block, as: UTF8.self)) }
            block.removeAll(keepingCapacity: true)
          } else {
            if !block.isEmpty { block.append(UInt8(ascii: " ")) }
            block.append(contentsOf: trimmed.utf8)
          }
        }
        lineStart = lineEnd + 1
      }
      if !block.isEmpty { blocks.append(String(decoding: block, as: UTF8.self)) }
      // A few skipped blocks, compared rather than hashed: hashing a paragraph that is not
      // ASCII normalizes it first.
      return skipping.isEmpty ? blocks : blocks.filter { !skipping.contains($0) }
    }
  }

  // MARK: search

  /// The offset of the first `byte` in `text` at or after `start`, found with `memchr`.
  public static func firstOffset(
    of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard let base = text.baseAddress, start >= 0, start < text.count,
      let found = memchr(base + start, Int32(byte), text.count - start)
    else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// The offset of the first occurrence of `needle` in `text` at or after `start`; nil when
  /// there is none or `needle` is empty. `memchr` to the next possible start, `memcmp` to
  /// confirm, as `memmem` would (which Glibc's module does not offer).
  public static func firstOffset(
    of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard let textStart = text.baseAddress, let needleStart = needle.baseAddress,
      !needle.isEmpty, start >= 0
    else { return nil }
    var offset = start
    while offset + needle.count <= text.count,
      let at = firstOffset(of: needle[0], in: text, from: offset)
    {
      guard at + needle.count <= text.count else { return nil }
      if memcmp(textStart + at, needleStart, needle.count) == 0 { return at }
      offset = at + 1
    }
    return nil
  }

  /// True when `text` contains `needle` as `String.contains` compares them, by characters
  /// (so never a part of one: not `a\r` in `a\r\n`); an empty needle is in no text.
  /// The bytes decide when they are found starting and ending between two characters; when
  /// they are not, the characters are compared (another normalization of the same text may
  /// still match).
  public static func contains(_ needle: String, in text: String) -> Bool {
    guard !needle.isEmpty else { return false }
    let verbatim = withBytes(of: needle) { wanted in
      withBytes(of: text) { text in
        var offset = 0
        while let start = firstOffset(of: wanted, in: text, from: offset) {
          if isCharacterBoundary(text, at: start),
            isCharacterBoundary(text, at: start + wanted.count)
          {
            return true
          }
          offset = start + 1
        }
        return false
      }
    }
    return verbatim || text.contains(needle)
  }

  /// True when a character boundary certainly lies at byte `offset` of `text`: at either end,
  /// or before a character that never joins the one before it (ASCII, Latin letters, general
  /// punctuation) after one that never joins the next (only prepended marks and a carriage
  /// return before a line feed do; they lie outside the ranges accepted here).
  private static func isCharacterBoundary(_ text: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> Bool
  {
    guard offset > 0, offset < text.count else { return true }
    var start = offset - 1
    while start > 0, text[start] & 0xC0 == 0x80, offset - start < 4 { start -= 1 }
    let previous = scalar(in: text, at: start).value.value
    let next = scalar(in: text, at: offset).value.value
    if previous == 0x0D { return false }
    let standsAlone = { (value: UInt32) in
      value < 0x80 || (0xC0...0x24F).contains(value) || (0x2010...0x2027).contains(value)
    }
    return standsAlone(next) && (standsAlone(previous) || previous < 0x0600)
  }

  // MARK: folding

  /// The bytes folded to lowercase, as `String.lowercased()` folds their text: ASCII byte by
  /// byte, other text by characters.
  public static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var ascii = true
    var upper = false
    for byte in bytes {
      if byte >= 0x80 { ascii = false }
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper = true }
    }
    guard ascii else { return String(decoding: bytes, as: UTF8.self).lowercased() }
    guard upper else { return String(decoding: bytes, as: UTF8.self) }
    return String(unsafeUninitializedCapacity: bytes.count) { buffer in
      for (offset, byte) in bytes.enumerated() {
        let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
        buffer[offset] = isUpper ? byte + 32 : byte
      }
      return bytes.count
    }
  }

  /// The text in its canonical composition (NFC), which two texts share when `==` finds them
  /// equal: the bytes under which an id is filed. ASCII is its own.
  ///
  /// Composed by the standard library (`_nfcCodeUnits`, public though underscored; what
  /// FoundationEssentials uses), which composes as Foundation's ICU did
  /// (`UTF8TextTests.compositionIsICUs`) without linking ICU.
  public static func canonical(_ text: String) -> String {
    text.utf8.allSatisfy { $0 < 0x80 } ? text : String(decoding: text._nfcCodeUnits, as: UTF8.self)
  }

  /// The text a name or a paragraph is searched as: lowercased, then composed (NFC), so that
  /// a name and a text that spell an accent differently still meet.
  public static func folded(_ text: String) -> String {
    var bytes: [UInt8] = []
    appendFolded(text, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `folded(text)`'s bytes. Text that holds only scalars below U+0300 (ASCII and the
  /// Latin letters) and the punctuation of U+2010–U+206F, none of which composes with anything,
  /// is folded byte by byte through a table; other text is lowercased and composed as a
  /// `String`, which gives the same for what the table covers.
  public static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
    if appendFoldedByBytes(text, to: &bytes) { return }
    // Composing is skipped for text it cannot change (the costly step): scalars below U+0300,
    // where no combining mark is, and the punctuation of U+2010–U+206F (`’`, `—`).
    let lower = text.lowercased()
    let stable = lower.unicodeScalars.allSatisfy {
      $0.value < 0x300 || (0x2010..<0x2070).contains($0.value)
    }
    if stable {
      bytes += lower.utf8
    } else {
      lower._withNFCCodeUnits { bytes.append($0) }
    }
  }

  /// The byte-by-byte fold of `appendFolded(_:to:)`: false, having appended nothing, for text
  /// it does not cover.
  private static func appendFoldedByBytes(_ text: String, to bytes: inout [UInt8]) -> Bool {
    let start = bytes.count
    var utf8 = text.utf8.makeIterator()
    while let byte = utf8.next() {
      if byte < 0x80 {
        bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        continue
      }
      // Below U+0300: C2 80 to CB BF. The punctuation: E2 80 90…BF and E2 81 80…AF.
      if (0xC2...0xCB).contains(byte), let second = utf8.next() {
        let lower = latinLowercase[Int(byte & 0x1F) << 6 | Int(second & 0x3F)]
        if lower != 0 {
          bytes += [UInt8(0xC0 | lower >> 6), UInt8(0x80 | lower & 0x3F)]
          continue
        }
      } else if byte == 0xE2, let second = utf8.next(), let third = utf8.next(),
        (second == 0x80 && third >= 0x90) || (second == 0x81 && third < 0xB0)
      {
        bytes += [byte, second, third]
        continue
      }
      bytes.removeSubrange(start...)
      return false
    }
    return true
  }

  /// The lowercase of each scalar from U+0080 to U+02FF where it is one scalar from U+0080 to
  /// U+02FF (most Latin letters); 0 where it is not (U+0130 `İ` lowercases to two).
  private static let latinLowercase: [UInt16] = (0..<0x300).map { value in
    guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return 0 }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    guard lower.count == 1, let only = lower.first, (0x80..<0x300).contains(only.value)
    else { return 0 }
    return UInt16(only.value)
  }

  // MARK: decoding

  /// The scalar whose UTF-8 encoding starts at byte `offset`, and the encoding's length; a
  /// sequence cut short by the end of `text`, or one that is not a scalar, gives U+FFFD.
  public static func scalar(in text: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> (value: Unicode.Scalar, width: Int)
  {
    let lead = UInt32(text[offset])
    let width = width(of: text[offset])
    var value: UInt32
    switch width {
    case 1: return (Unicode.Scalar(UInt8(lead)), 1)
    case 2: value = lead & 0x1F
    case 3: value = lead & 0x0F
    default: value = lead & 0x07
    }
    guard offset + width <= text.count else { return ("\u{FFFD}", width) }
    for next in 1..<width {
      value = value << 6 | UInt32(text[offset + next] & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
  }

  /// The length of a UTF-8 sequence from its first byte.
  public static func width(of lead: UInt8) -> Int {
    switch lead {
    case 0..<0xC0: 1
    case 0xC0..<0xE0: 2
    case 0xE0..<0xF0: 3
    default: 4
    }
  }

  /// True when `bytes` are well-formed UTF-8, as `String(validating:as:)` decides it
  /// (Unicode's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), read 8
  /// bytes at a time through ASCII.
  public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

  /// Runs `body` with the UTF-8 bytes of `text`, made contiguous first.
  public static func withBytes<T>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T)
    -> T
  {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable(body)!
  }
}
