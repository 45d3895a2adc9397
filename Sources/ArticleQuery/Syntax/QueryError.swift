import ArticleModel
import Syntax

/// A query that could not be read or answered: one diagnostic with its position in the text
/// that was given, which renders as `NAME:LINE:COLUMN: error: ...`, the line and a caret.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
  public var diagnostic: Diagnostic
  /// The text the diagnostic's range points into.
  public var source: SourceText

  public init(_ diagnostic: Diagnostic, in source: SourceText) {
    self.diagnostic = diagnostic
    self.source = source
  }

  /// The message alone.
  public var message: String { diagnostic.message }

  /// Line and column of the error in the source (counted from the source's first line).
  public var location: SourceLocation { source.location(of: diagnostic.range.lowerBound) }

  /// The whole rendered message; `sourceName` and `firstLine` place the text in a file.
  public func rendered(sourceName: String? = nil, firstLine: Int? = nil, color: Bool = false)
    -> String
  {
    let placed = SourceText(
      name: sourceName ?? source.name, text: source.text,
      firstLine: firstLine ?? source.firstLine)
    return DiagnosticRenderer.render(diagnostic, in: placed, color: color)
  }

  public var description: String { rendered() }
}
