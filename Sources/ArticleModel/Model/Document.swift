/// A source document: its bibliographic data and its numbered paragraphs (¶1 is index 0).
public struct Document: Sendable, Equatable, Codable {
  public var id: String
  public var title: String?
  public var author: String?
  public var publisher: String?
  public var date: String?
  public var url: String?
  /// The text file the paragraphs were read from, as the model names it; nil when inline.
  public var textFile: String?
  /// Blocks of the text file that are page furniture, not numbered paragraphs.
  public var skipped: [String]
  public var paragraphs: [String]

  public init(
    id: String, title: String? = nil, author: String? = nil, publisher: String? = nil,
    date: String? = nil, url: String? = nil, textFile: String? = nil, skipped: [String] = [],
    paragraphs: [String] = []
  ) {
    self.id = id
    self.title = title
    self.author = author
    self.publisher = publisher
    self.date = date
    self.url = url
    self.textFile = textFile
    self.skipped = skipped
    self.paragraphs = paragraphs
  }

  /// Paragraph `number` (counted from 1), or nil when out of range.
  public func paragraph(_ number: Int) -> String? {
    paragraphs.indices.contains(number - 1) ? paragraphs[number - 1] : nil
  }

  /// Splits a text into paragraphs: blocks separated by blank lines, each block's lines trimmed
  /// and joined with one space, leaving out the blocks listed in `skipping`.
  public static func paragraphs(of text: String, skipping: [String]) -> [String] {
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

extension Substring {
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
