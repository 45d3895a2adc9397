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
  public var paragraphs: TextList

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
    self.paragraphs = TextList(paragraphs)
  }

  /// Paragraph `number` (counted from 1), or nil when out of range.
  public func paragraph(_ number: Int) -> String? {
    // Compared before subtracting: any Int may come from the user, Int.min too.
    number >= 1 && number <= paragraphs.count ? paragraphs[number - 1] : nil
  }
}
