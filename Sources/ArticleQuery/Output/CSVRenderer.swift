import Syntax

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
    case .values(let values):
      rows = [["value", "key", "id", "paragraph", "via", "quote"]]
      for value in values {
        if value.evidence.isEmpty {
          rows.append([value.value, value.key, value.id ?? "", "", "", ""])
        }
        for item in value.evidence {
          rows.append([
            value.value, value.key, value.id ?? "", "\(item.paragraph)", item.via ?? "", item.quote,
          ])
        }
      }
    case .verdict(let verdict):
      rows = [["verdict", "claim", "scenario", "paragraph", "via", "fact", "quote"]]
      let given = [(verdict.verdict.rawValue, "", verdict.evidence)]
      let assumed = verdict.scenarios.map { ("yes", $0.name, $0.evidence) }
      for (value, scenario, evidence) in given + assumed {
        if evidence.isEmpty { rows.append([value, verdict.claim, scenario, "", "", "", ""]) }
        for item in evidence {
          rows.append([
            value, verdict.claim, scenario, "\(item.paragraph)", item.via ?? "",
            item.fact.sentence, item.quote,
          ])
        }
      }
    case .whatIf(let whatIf):
      rows = [["part", "set", "change", "name"] + Self.factHeader]
      rows += whatIf.facts.map { ["scenario fact", "", "", ""] + Self.factRow($0) }
      for change in whatIf.changes {
        for result in change.gained {
          let fact = result.evidence.first.map { Self.factRow($0.fact) }
          rows.append(
            ["change", change.set, "gained", result.name]
              + (fact ?? Self.factHeader.map { _ in "" }))
        }
        for result in change.lost {
          rows.append(
            ["change", change.set, "lost", result.name] + Self.factHeader.map { _ in "" })
        }
      }
    case .connections(let connections):
      rows = [["chain", "step", "alternative"] + Self.factHeader]
      for (number, chain) in connections.chains.enumerated() {
        for (step, fact) in chain.steps.enumerated() {
          rows.append(["\(number + 1)", "\(step + 1)", "false"] + Self.factRow(fact))
          for other in chain.alternatives.indices.contains(step) ? chain.alternatives[step] : [] {
            rows.append(["\(number + 1)", "\(step + 1)", "true"] + Self.factRow(other))
          }
        }
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
    // By bytes: a CRLF is one `Character`, equal to neither "\r" nor "\n", and a quote with a
    // combining mark after it is one too.
    let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D]
    guard text.utf8.contains(where: special.contains) else { return text }
    return "\"" + text.replacingASCII(UInt8(ascii: "\""), with: "\"\"") + "\""
  }
}
