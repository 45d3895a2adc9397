import ArticleModel
import ArticleQuery

/// Descriptions of the model itself for the shell's dot-commands: the schema, the names, a
/// paragraph with its evidence marked, and the coverage of the article by facts.
enum Reports {
  /// Kinds with their set names and counts, relations with their forms and CAMEO codes, and
  /// the named sets with their queries.
  static func schema(_ model: Model) -> String {
    var lines = ["kinds (each also a set):"]
    var counts: [String: Int] = [:]
    for index in model.entities.indices { counts[model.kind(of: index).id, default: 0] += 1 }
    for kind in model.kinds {
      let entities = Plural.count(counts[kind.id] ?? 0, "entity", "entities")
      lines.append("  \(kind.id.padded(14)) \(kind.plural.padded(14)) \(entities)")
    }
    let everything = Plural.count(model.entities.count, "entity", "entities")
    lines.append("  \("".padded(14)) \("everything".padded(14)) \(everything)")
    lines.append("relations:")
    var factCounts = [Int](repeating: 0, count: model.relations.count)
    for fact in model.facts { factCounts[fact.relation] += 1 }
    for (index, relation) in model.relations.enumerated() {
      var traits: [String] = []
      if relation.symmetric { traits.append("symmetric") }
      if relation.office { traits.append("office") }
      if let cameo = relation.cameo {
        traits.append("CAMEO \(cameo)" + (CAMEO.codes[cameo].map { " \($0.label)" } ?? ""))
      }
      let forms = relation.forms.dropFirst().map {
        $0.reversed ? "\($0.phrase) (reversed)" : $0.phrase
      }
      var line =
        "  \(relation.phrase.padded(34)) \(Plural.count(factCounts[index], "fact", "facts"))"
      if !traits.isEmpty { line += "; " + traits.joined(separator: "; ") }
      lines.append(line)
      if !forms.isEmpty { lines.append("      also: " + forms.joined(separator: ", ")) }
    }
    lines.append("sets:")
    for set in model.sets { lines.append("  \(set.id.padded(14)) = \(set.query)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The entities whose name or alias begins with `prefix` (all without one): name, kind, id
  /// and the other names they answer to.
  static func names(_ model: Model, prefix: String = "") -> String {
    let folded = prefix.lowercased()
    let matching = model.entities.indices.filter { index in
      folded.isEmpty || model.entities[index].allNames.contains { $0.hasPrefix(folded) }
    }.map { (entity: model.entities[$0], kind: model.kind(of: $0).id) }
      .sorted { $0.entity.name.lowercased() < $1.entity.name.lowercased() }
    guard !matching.isEmpty else { return "no names begin with '\(prefix)'\n" }
    let width = min(40, matching.map(\.entity.name.count).max() ?? 0)
    return matching.map { entity, kind in
      let others = (entity.aliases + entity.metonyms).joined(separator: ", ")
      var line = "\(entity.name.padded(width))  \(kind.padded(12))  \(entity.id)"
      if !others.isEmpty { line += "  (\(others))" }
      return line
    }.joined(separator: "\n") + "\n"
  }

  /// Paragraph `number` of the document whose id is `document` (when nil, of the only
  /// document, or of the one that has such a paragraph), with the quotes that facts cite
  /// marked: underlined on a terminal, `[[…]]` otherwise, followed by the facts citing it.
  /// A paragraph no document has, or that several have, is the error `facts in paragraph`
  /// gives.
  static func source(
    _ engine: QueryEngine, document: String? = nil, paragraph number: Int, color: Bool
  )
    throws(ReportError) -> String
  {
    let model = engine.model
    let vocabulary = engine.vocabulary
    var chosen: Int?
    if let document {
      guard let index = vocabulary.document(id: document) else {
        throw ReportError(
          "unknown document '\(document)': the documents are "
            + vocabulary.documentIDs.joined(separator: ", "))
      }
      chosen = index
    }
    let documentIndex: Int
    switch vocabulary.paragraph(number, of: chosen) {
    case .success(let index): documentIndex = index
    case .failure(let problem): throw ReportError(problem.message)
    }
    let text = model.documents[documentIndex].paragraphs[number - 1]
    var spans: [Range<String.Index>] = []
    var citing: [Int] = []
    for (index, fact) in model.facts.enumerated() {
      for evidence in fact.evidence
      where evidence.document == documentIndex && evidence.paragraph == number {
        if let range = text.firstRange(of: evidence.quote) { spans.append(range) }
        if citing.last != index { citing.append(index) }
      }
    }
    let merged = merge(spans)
    var marked = ""
    var cursor = text.startIndex
    let (open, close) = color ? ("\u{1B}[4m", "\u{1B}[0m") : ("[[", "]]")
    for span in merged {
      marked += text[cursor..<span.lowerBound] + open + text[span] + close
      cursor = span.upperBound
    }
    marked += text[cursor...]
    let heading =
      model.documents.count > 1 ? "\(model.documents[documentIndex].id) ¶\(number)" : "¶\(number)"
    var lines = [heading, marked, ""]
    lines.append(citing.count == 1 ? "1 fact cites it:" : "\(citing.count) facts cite it:")
    for fact in citing { lines.append("  " + engine.factResult(fact).sentence) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Facts per paragraph and the sentences no fact cites.
  static func coverage(_ model: Model) -> String {
    let coverage = Coverage(of: model)
    var lines = ["¶    facts  sentences  uncited  no claim"]
    for paragraph in coverage.paragraphs {
      let label =
        model.documents.count > 1
        ? "\(model.documents[paragraph.document].id) ¶\(paragraph.number)" : "¶\(paragraph.number)"
      lines.append(
        "\(label.padded(4)) \(String(paragraph.facts.count).padded(6)) \(String(paragraph.sentenceCount).padded(10)) \(String(paragraph.uncited.count).padded(8)) \(paragraph.declared.count)"
      )
    }
    let uncited = coverage.paragraphs.filter { !$0.uncited.isEmpty }
    if !uncited.isEmpty {
      lines.append("")
      lines.append("sentences no fact cites:")
      for paragraph in uncited {
        for sentence in paragraph.uncited {
          lines.append("  ¶\(paragraph.number): \(Renderer.shorten(sentence, to: 110))")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func merge(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
    var merged: [Range<String.Index>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, range.lowerBound <= last.upperBound {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    return merged
  }
}

/// A report that cannot be made, with the reason in words.
struct ReportError: Error, Sendable, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension String {
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
