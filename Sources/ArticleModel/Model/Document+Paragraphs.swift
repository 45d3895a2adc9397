#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Document {
  /// Splits a text into paragraphs: blocks separated by blank lines, each block's lines trimmed
  /// and joined with one space, leaving out the blocks listed in `skipping`.
  ///
  /// The text is read by bytes where that gives the same as reading it by characters (a
  /// corpus's text runs to tens of megabytes): in a text without carriage returns, every line
  /// feed ends a line, and a line that begins and ends with ASCII other than white space is
  /// its own trimmed self. Other lines are trimmed by characters; a text with a carriage
  /// return is read by characters whole.
  public static func paragraphs(of text: String, skipping: [String]) -> [String] {
    var text = text
    text.makeContiguousUTF8()
    let read = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
      guard let base = bytes.baseAddress else { return [] }
      if memchr(base, 0x0D, bytes.count) != nil { return nil }
      let isPlain = { (byte: UInt8) in
        byte < 0x80 && byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte)
      }
      var blocks: [String] = []
      var block: [UInt8] = []
      var lineStart = 0
      while lineStart <= bytes.count {
        let lineEnd =
          memchr(base + lineStart, 0x0A, bytes.count - lineStart).map {
            base.distance(to: $0.assumingMemoryBound(to: UInt8.self))
          } ?? bytes.count
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
    return (read ?? nil) ?? paragraphsByCharacters(of: text, skipping: skipping)
  }

  /// `paragraphs(of:skipping:)` read character by character.
  static func paragraphsByCharacters(of text: String, skipping: [String]) -> [String] {
    var blocks: [String] = []
    var current: [String] = []
    func close() {
      if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
      current = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty { close() } else { current.append(trimmed) }
    }
    close()
    let skip = Set(skipping)
    return blocks.filter { !skip.contains($0) }
  }
}
