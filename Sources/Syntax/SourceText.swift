#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A named text that diagnostics point into: a query typed at the prompt, a script, a model
/// file. Positions are UTF-8 offsets; lines and columns are computed only when asked for.
public struct SourceText: Sendable, Equatable {
  /// The name shown in front of messages (`csto.model`, `script.csto`), or nil for a prompt.
  public let name: String?
  public let text: String
  /// The number of the text's first line: a statement cut out of a script keeps its lines.
  public let firstLine: Int
  private let lineStarts: [Int]

  public init(name: String?, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
    lineStarts = Self.lineStarts(of: text)
  }

  /// The UTF-8 offset of every line's start, found with `memchr`: model files run to hundreds
  /// of megabytes.
  private static func lineStarts(of text: String) -> [Int] {
    var text = text
    text.makeContiguousUTF8()
    var starts = [0]
    text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count,
        let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset)
      {
        offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        starts.append(offset)
      }
    }
    return starts
  }

  /// The line (counted from `firstLine`) and the column (1-based, in characters) of a UTF-8
  /// offset.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, text.utf8.count))
    let low = lineIndex(of: clamped)
    let prefix = slice(lineStarts[low]..<clamped)
    return SourceLocation(line: firstLine + low, column: prefix.count + 1)
  }

  /// The index in `lineStarts` of the line holding `offset` (already clamped), by binary
  /// search: a file's thousands of errors each find their line in a few steps.
  private func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The text of the line that holds a UTF-8 offset, without its line break.
  public func lineText(at offset: Int) -> String {
    let clamped = max(0, min(offset, text.utf8.count))
    let start = lineStarts.isEmpty ? 0 : lineStarts[lineIndex(of: clamped)]
    var end = start
    let bytes = text.utf8
    var index = bytes.index(bytes.startIndex, offsetBy: start)
    while index != bytes.endIndex, bytes[index] != UInt8(ascii: "\n") {
      index = bytes.index(after: index)
      end += 1
    }
    var line = slice(start..<end)
    if line.hasSuffix("\r") { line.removeLast() }
    return line
  }

  /// The text between two UTF-8 offsets; offsets inside a character are rounded down.
  public func slice(_ range: Range<Int>) -> String {
    let bytes = text.utf8
    let lower = bytes.index(bytes.startIndex, offsetBy: max(0, min(range.lowerBound, bytes.count)))
    let upper = bytes.index(bytes.startIndex, offsetBy: max(0, min(range.upperBound, bytes.count)))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }
}

/// A line and a column, both counted from 1.
public struct SourceLocation: Sendable, Equatable, Codable {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}
