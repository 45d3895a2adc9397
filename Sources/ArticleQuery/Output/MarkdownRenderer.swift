import Syntax

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
    case .values(let values):
      let rows = values.flatMap { value in
        value.evidence.enumerated().map { offset, item in
          [
            offset == 0 ? value.value : "", offset == 0 ? value.key : "",
            Renderer.citation(item, namingDocuments: naming), item.quote,
          ]
        }
      }
      return table(["value", "key", "where", "quote"], rows)
    case .verdict(let verdict):
      let rows =
        (verdict.evidence.map { ("", $0) }
        + verdict.scenarios.flatMap { scenario in scenario.evidence.map { (scenario.name, $0) }
        })
        .map {
          [$0.0, Renderer.citation($0.1, namingDocuments: naming), $0.1.fact.sentence, $0.1.quote]
        }
      return "**\(verdict.summary)** — \(verdict.claim)\n\n"
        + (rows.isEmpty ? "" : table(["assuming", "where", "fact", "quote"], rows))
    case .whatIf(let whatIf):
      var text = "## What if \(escape(whatIf.scenario))\n\n### The scenario's facts\n\n"
      text += table(
        ["¶", "fact", "quote"],
        whatIf.facts.map { [place($0.document, $0.paragraph), $0.sentence, $0.quote] })
      text += "\n### What changes\n\n"
      guard !whatIf.changes.isEmpty else { return text + "No named set changes under it.\n" }
      var rows: [[String]] = []
      for change in whatIf.changes {
        for result in change.gained {
          let first = result.evidence.first
          rows.append([
            change.set, "gains", result.name,
            first.map { Renderer.citation($0, namingDocuments: naming) } ?? "", first?.quote ?? "",
          ])
        }
        rows += change.lost.map { [change.set, "loses", $0.name, "", ""] }
      }
      return text + table(["set", "change", "name", "where", "quote"], rows)
    case .connections(let connections):
      let (from, to) = (escape(connections.from.name), escape(connections.to.name))
      if connections.sameEntity { return "\(from) and \(to) are one entity.\n" }
      guard !connections.chains.isEmpty else {
        return "No chain of up to \(connections.limit) facts links \(from) and \(to).\n"
      }
      var text = ""
      for (number, chain) in connections.chains.enumerated() {
        text += number == 0 ? "" : "\n"
        text += "### \(escape(chain.path.joined(separator: " → ")))\n\n"
        text += table(
          ["¶", "fact", "quote"],
          chain.listed.map { fact, isAlternative in
            [
              place(fact.document, fact.paragraph), (isAlternative ? "also: " : "") + fact.sentence,
              fact.quote,
            ]
          })
      }
      if connections.more > 0 {
        text += "\n\(connections.more) more chains of the same length are not shown.\n"
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

  func escape(_ text: String) -> String {
    text.replacingASCII(UInt8(ascii: "|"), with: "\\|").replacingASCII(
      UInt8(ascii: "\n"), with: " ")
  }
}
