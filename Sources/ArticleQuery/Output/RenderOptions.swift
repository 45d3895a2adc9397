/// The output formats an answer can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for people (the default).
  case table
  /// One JSON object per answer, on one line.
  case json
  /// RFC 4180 comma-separated values with a header row.
  case csv
  /// A GitHub-flavoured Markdown table.
  case markdown
  /// A Graphviz DOT graph of the entities and facts in the answer (`DotRenderer`).
  case dot
}

/// How much of the evidence a table shows.
public enum EvidenceMode: String, Sendable, CaseIterable {
  /// No evidence column.
  case off
  /// Quotes shortened to the width, saying how much was cut. (The shell shows them whole
  /// when the table goes elsewhere than to a terminal.)
  case on
  /// Quotes whole.
  case full
  /// Quotes shortened to the width wherever the table goes.
  case short
}

/// How to render answers.
public struct RenderOptions: Sendable {
  public var format: OutputFormat
  /// The terminal's width in columns; tables shorten quotes to fit it.
  public var width: Int
  public var evidence: EvidenceMode
  /// ANSI colour and bold, for terminals only.
  public var color: Bool
  /// The time the evaluation took, shown in the footer when set (`.timer on`).
  public var elapsed: Duration?

  public init(
    format: OutputFormat = .table, width: Int = 100, evidence: EvidenceMode = .on,
    color: Bool = false, elapsed: Duration? = nil
  ) {
    self.format = format
    self.width = width
    self.evidence = evidence
    self.color = color
    self.elapsed = elapsed
  }
}
