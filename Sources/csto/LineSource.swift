import Glibc

/// The lines of a script, one at a time, without their line breaks.
protocol LineSource {
  /// The next line, or nil at the end.
  mutating func nextLine() -> String?
}

/// The UTF-8 byte order mark, skipped at the start of every input.
let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

/// The lines of a text already in memory: a file, or a `-c` argument. Lines end at `\n`
/// (a `\r` before it is dropped), as the query engine counts them; a byte order mark at the
/// start is skipped, before a dot-command as before a query.
struct TextLines: LineSource {
  private var lines: [Substring.UTF8View.SubSequence]

  init(_ text: String) {
    var bytes = text.utf8[...]
    if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(byteOrderMark.count) }
    var split = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if split.last?.isEmpty == true { split.removeLast() }
    lines = split.reversed()
  }

  mutating func nextLine() -> String? {
    guard var line = lines.popLast() else { return nil }
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    return String(decoding: line, as: UTF8.self)
  }
}

/// The lines of standard input when it is not a terminal, read as they come, up to
/// `ScriptFile.maximumSize` bytes in all (`csto < /dev/zero` stops there). A read that
/// fails (standard input a directory) ends the lines and leaves `problem` set.
struct StandardInputLines: LineSource {
  /// Why reading stopped before the end of the input, worded for a message; nil at the end.
  private(set) var problem: String?
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where to look for the next line break: the bytes before it have none.
  private var searched = 0
  private var total = 0
  private var atEnd = false
  private var first = true
  private let descriptor: Int32

  init(descriptor: Int32 = STDIN_FILENO) {
    self.descriptor = descriptor
  }

  mutating func nextLine() -> String? {
    while true {
      if let newline = buffer[min(max(start, searched), buffer.count)...].firstIndex(
        of: UInt8(ascii: "\n"))
      {
        return take(upTo: newline, skipping: 1)
      }
      searched = buffer.count
      if atEnd {
        return start < buffer.count ? take(upTo: buffer.count, skipping: 0) : nil
      }
      fill()
    }
  }

  private mutating func take(upTo end: Int, skipping: Int) -> String {
    var line = buffer[start..<end]
    start = end + skipping
    if first, line.starts(with: byteOrderMark) { line = line.dropFirst(byteOrderMark.count) }
    first = false
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    return String(decoding: line, as: UTF8.self)
  }

  /// Reads more bytes, or marks the end (with a problem when it came from an error).
  private mutating func fill() {
    if start > 0 {
      buffer.removeFirst(start)
      searched = max(0, searched - start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 {
      if errno == EINTR { return }
      problem = "cannot read <stdin>: \(String(cString: strerror(errno)))"
      atEnd = true
      buffer.removeAll()
      return
    }
    if count == 0 {
      atEnd = true
      return
    }
    total += count
    guard total <= ScriptFile.maximumSize else {
      problem = "cannot read <stdin>: larger than \(ScriptFile.maximumSize / 1024 / 1024) MiB"
      atEnd = true
      buffer.removeAll()
      return
    }
    buffer += chunk[..<count]
  }
}
