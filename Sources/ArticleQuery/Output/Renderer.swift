import ArticleModel

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Renders answers as text in one of the output formats. Pure: it returns the text and
/// leaves printing to the caller.
public enum Renderer {
  /// The answer as text, ending with a line break. `model`, the model the answer came from,
  /// lets a DOT graph show the kinds of all its entities and the facts among them.
  public static func render(
    _ answer: Answer, options: RenderOptions = RenderOptions(), model: Model? = nil
  ) -> String {
    switch options.format {
    case .table: TableRenderer(options: options).render(answer)
    case .json: json(answer) + "\n"
    case .csv: CSVRenderer().render(answer)
    case .markdown: MarkdownRenderer().render(answer)
    case .dot: DotRenderer.render(answer, model: model)
    }
  }

  /// The answer as one line of JSON, keys sorted so that the same answer gives the same
  /// bytes.
  public static func json(_ answer: Answer) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(answer) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// A quote no longer than `limit` characters: cut at a word, with the number of
  /// characters left out, so that shortening is never silent.
  public static func shorten(_ quote: String, to limit: Int) -> Shortened {
    guard quote.count > limit else { return Shortened(kept: quote, cut: 0) }
    let suffix = "… (+\(quote.count) chars)".count
    let budget = max(8, limit - suffix)
    var kept = String(quote.prefix(budget))
    if let space = kept.lastIndex(of: " "),
      kept.distance(from: kept.startIndex, to: space) > budget / 2
    {
      kept = String(kept[..<space])
    }
    return Shortened(kept: kept, cut: quote.count - kept.count)
  }

  /// A text shortened: the part kept and how many characters were cut after it. It reads
  /// `kept… (+N chars)`, or the whole text when nothing was cut.
  public struct Shortened: Sendable, Equatable, CustomStringConvertible {
    public var kept: String
    /// Characters left out after `kept`; 0 when the text was short enough.
    public var cut: Int

    public var description: String { cut == 0 ? kept : "\(kept)… \(note)" }

    /// `(+N chars)`, `(+1 char)`: what was cut, as the text says it.
    public var note: String { cut == 1 ? "(+1 char)" : "(+\(cut) chars)" }
  }

  /// How an entity's evidence reads: `via Rakhmon (president), ¶5` (`digest ¶5` when
  /// `namingDocuments`).
  static func citation(_ item: EvidenceItem, namingDocuments: Bool = false) -> String {
    var parts: [String] = item.fact.isDenied ? ["denied"] : []
    if let via = item.via {
      parts.append(item.role.map { "via \(via) (\($0))" } ?? "via \(via)")
    }
    parts.append(place(item.fact.document, item.paragraph, namingDocument: namingDocuments))
    return parts.joined(separator: ", ")
  }

  /// A paragraph as a table shows it: `¶5`, or `digest ¶5` when the answer cites several
  /// documents.
  static func place(_ document: String, _ paragraph: Int, namingDocument: Bool) -> String {
    namingDocument ? "\(document) ¶\(paragraph)" : "¶\(paragraph)"
  }
}
