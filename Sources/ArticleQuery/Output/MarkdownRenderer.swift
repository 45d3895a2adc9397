/// Answers as Markdown tables (GitHub flavour), quotes whole.
struct MarkdownRenderer {
  func render(_ answer: Answer) -> String {
    let naming = answer.citesSeveralDocuments
    /// A paragraph: its number, with its document when the answer cites several.
    func place(_ document: String, _ paragraph: Int) -> String {
      naming ? "\(document) \(paragraph)" : "\(paragraph)"
    }
    switch answer.body {
    case .entities(let results):
      var rows: [[String]] = []
      for result in results {
        if result.evidence.isEmpty {
          let unstated = result.unstated
          rows.append(
            [result.name, result.kind, unstated.isEmpty ? "" : "not stated"]
              + [unstated.joined(separator: "; ")])
        }
        for (offset, item) in result.evidence.enumerated() {
          rows.append([
            offset == 0 ? result.name : "", offset == 0 ? result.kind : "",
            Renderer.citation(item, namingDocuments: naming), item.quote,
          ])
        }
      }
      return table(["name", "kind", "where", "quote"], rows)
    case .facts(let facts):
      return table(
        ["¶", "fact", "quote"],
        facts.map { [place($0.document, $0.paragraph), $0.sentence, $0.quote] })
    case .count(let count):
      return "**\(count)**\n"
    case .explanation(let proof):
      return lines(proof, depth: 0, naming: naming).joined(separator: "\n") + "\n"
    case .nearMisses(let misses):
      let rows = misses.misses.map {
        [$0.reason, $0.fact?.sentence ?? "", place($0.document, $0.paragraph), $0.quote]
      }
      return "\(misses.claim): \(misses.holds ? "holds" : "not in the article")\n\n"
        + table(["nearby", "fact", "¶", "quote"], rows)
    case .profile(let profile):
      var text = "## \(profile.entity.name) (\(profile.entity.kind))\n"
      for group in profile.groups {
        text += "\n### \(group.title)\n\n"
        text += table(
          ["¶", "fact", "quote"],
          group.facts.map { [place($0.document, $0.paragraph), $0.sentence, $0.quote] })
      }
      return text
    }
  }

  private func lines(_ proof: Proof, depth: Int, naming: Bool) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    var out = ["\(indent)- \(proof.holds ? "✓" : "✗") \(escape(proof.claim))"]
    for item in proof.evidence {
      out.append(
        "\(indent)  - \(Renderer.place(item.fact.document, item.paragraph, namingDocument: naming)) \(escape(item.fact.sentence)): “\(escape(item.quote))”"
      )
    }
    for step in proof.steps { out += lines(step, depth: depth + 1, naming: naming) }
    return out
  }

  private func table(_ header: [String], _ rows: [[String]]) -> String {
    var out = "| " + header.joined(separator: " | ") + " |\n"
    out += "|" + header.map { _ in " --- |" }.joined() + "\n"
    for row in rows {
      out += "| " + row.map(escape).joined(separator: " | ") + " |\n"
    }
    return out
  }

  private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
