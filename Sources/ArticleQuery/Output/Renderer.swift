import Foundation

/// Renders answers as text in one of the output formats. Pure: it returns the text and
/// leaves printing to the caller.
public enum Renderer {
  /// The answer as text, ending with a line break.
  public static func render(_ answer: Answer, options: RenderOptions = RenderOptions()) -> String {
    switch options.format {
    case .table: TableRenderer(options: options).render(answer)
    case .json: json(answer) + "\n"
    case .csv: CSVRenderer().render(answer)
    case .markdown: MarkdownRenderer().render(answer)
    case .dot: DotRenderer.render(answer)
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

  /// A quote no longer than `limit` characters: cut at a word with `…` and the number of
  /// characters left out, so that shortening is never silent.
  public static func shorten(_ quote: String, to limit: Int) -> String {
    guard quote.count > limit else { return quote }
    let suffix = "… (+\(quote.count) chars)".count
    let budget = max(8, limit - suffix)
    var cut = String(quote.prefix(budget))
    if let space = cut.lastIndex(of: " "),
      cut.distance(from: cut.startIndex, to: space) > budget / 2
    {
      cut = String(cut[..<space])
    }
    return "\(cut)… (+\(quote.count - cut.count) chars)"
  }

  /// How an entity's evidence reads: `via Rakhmon (president), ¶5`.
  static func citation(_ item: EvidenceItem) -> String {
    var parts: [String] = []
    if let via = item.via {
      parts.append(item.role.map { "via \(via) (\($0))" } ?? "via \(via)")
    }
    parts.append("¶\(item.paragraph)")
    return parts.joined(separator: ", ")
  }

  /// A fact as a short sentence: `Rakhmon criticized Russia at Tashkent SCO summit`, with
  /// `did not` for a denial and the scenario or assessment marked.
  public static func sentence(_ fact: FactResult) -> String {
    var text =
      fact.polarity == "denied"
      ? "\(fact.subject) did not: \(fact.relation) \(fact.object)"
      : "\(fact.subject) \(fact.relation) \(fact.object)"
    if !fact.qualifiers.isEmpty { text += " " + fact.qualifiers.joined(separator: " ") }
    if fact.personal { text += " [in a private capacity]" }
    if let scenario = fact.scenario {
      text += " [scenario: \(scenario)]"
    } else if fact.modality == "assessment" {
      text += " [the author's assessment]"
    }
    return text
  }
}
