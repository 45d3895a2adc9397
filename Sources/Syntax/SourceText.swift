/// A named text that diagnostics point into: a query typed at the prompt, a script, a model
/// file. Positions are UTF-8 offsets; lines and columns are computed only when asked for.
public struct SourceText: Sendable, Equatable {
  /// The name shown in front of messages (`csto.model`, `script.csto`), or nil for a prompt.
  public let name: String?
  /// The number of the text's first line: a statement cut out of a script keeps its lines.
  public let firstLine: Int
  private let content: UTF8Text

  public init(name: String?, text: String, firstLine: Int = 1) {
    self.name = name
    self.firstLine = firstLine
    content = UTF8Text(text)
  }

  public var text: String { content.string }

  /// The line (counted from `firstLine`) and the column (1-based, in characters) of a UTF-8
  /// offset.
  public func location(of offset: Int) -> SourceLocation {
    content.location(of: offset, firstLine: firstLine)
  }

  /// The text of the line that holds a UTF-8 offset, without its line break.
  public func lineText(at offset: Int) -> String {
    content.lineText(at: offset)
  }

  /// The text between two UTF-8 offsets, clamped to the text.
  public func slice(_ range: Range<Int>) -> String {
    content.slice(range)
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
