/// Answers as RFC 4180 CSV: a header row, then one row per result (per piece of evidence for
/// entities, so that no quote is lost).
struct CSVRenderer {
  func render(_ answer: Answer) -> String {
    var rows: [[String]]
    switch answer.body {
    case .entities(let results):
      rows = [["name", "kind", "paragraph", "via", "quote"]]
      for result in results {
        if result.evidence.isEmpty {
          let unstated = result.unstated.map { "not stated: \($0)" }
          rows.append([result.name, result.kind, "", "", unstated.joined(separator: "; ")])
        }
        for item in result.evidence {
          rows.append([result.name, result.kind, "\(item.paragraph)", item.via ?? "", item.quote])
        }
      }
    case .facts(let facts):
      rows = [Self.factHeader] + facts.map(Self.factRow)
    case .count(let count):
      rows = [["count"], ["\(count)"]]
    case .explanation(let proof):
      rows = [["depth", "holds", "claim", "paragraph", "quote"]]
      appendProof(proof, depth: 0, to: &rows)
    case .nearMisses(let misses):
      rows = [["reason", "fact", "paragraph", "quote"]]
      for miss in misses.misses {
        rows.append([
          miss.reason, miss.fact?.sentence ?? "", "\(miss.paragraph)", miss.quote,
        ])
      }
    case .profile(let profile):
      rows = [["group"] + Self.factHeader]
      for group in profile.groups {
        rows += group.facts.map { [group.title] + Self.factRow($0) }
      }
    }
    return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  static let factHeader = [
    "paragraph", "subject", "relation", "object", "polarity", "modality", "scenario", "quote",
  ]

  static func factRow(_ fact: FactResult) -> [String] {
    [
      "\(fact.paragraph)", fact.subject, fact.relation, fact.object, fact.polarity.rawValue,
      fact.modality.name, fact.scenario ?? "", fact.quote,
    ]
  }

  private func appendProof(_ proof: Proof, depth: Int, to rows: inout [[String]]) {
    rows.append(["\(depth)", proof.holds ? "true" : "false", proof.claim, "", ""])
    for item in proof.evidence {
      rows.append([
        "\(depth + 1)", "true", item.fact.sentence, "\(item.paragraph)", item.quote,
      ])
    }
    for step in proof.steps { appendProof(step, depth: depth + 1, to: &rows) }
  }

  /// A field quoted when it holds a comma, a quote or a line break.
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
