/// Answers as aligned text for a terminal: columns padded to their widest cell, quotes
/// shortened to the width (saying so), a footer with the number of results.
struct TableRenderer {
  let options: RenderOptions

  func render(_ answer: Answer) -> String {
    var lines: [String]
    switch answer.body {
    case .entities(let results): lines = entities(results)
    case .facts(let facts): lines = self.facts(facts)
    case .count(let count): lines = [bold("\(count)")]
    case .explanation(let proof): lines = self.proof(proof, depth: 0)
    case .nearMisses(let misses): lines = nearMisses(misses)
    case .profile(let profile): lines = self.profile(profile)
    }
    if !answer.assumptions.isEmpty {
      lines.insert(dim("assuming: " + answer.assumptions.joined(separator: "; ")), at: 0)
    }
    lines.append(footer(answer))
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: kinds of answer

  private func entities(_ results: [EntityResult]) -> [String] {
    var rows: [[String]] = []
    for result in results {
      let evidence = options.evidence == .off ? [] : result.evidence
      if evidence.isEmpty { rows.append([result.name, result.kind]) }
      for (offset, item) in evidence.enumerated() {
        rows.append([
          offset == 0 ? result.name : "", offset == 0 ? result.kind : "",
          Renderer.citation(item), item.quote,
        ])
      }
    }
    return aligned(rows, boldFirst: true)
  }

  private func facts(_ facts: [FactResult]) -> [String] {
    let rows = facts.map { ["¶\($0.paragraph)", Renderer.sentence($0), $0.quote] }
    return aligned(rows, boldFirst: false, quoteColumn: options.evidence == .off ? nil : 2)
  }

  private func proof(_ proof: Proof, depth: Int) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    let mark = proof.holds ? colored("✓", 32) : colored("✗", 31)
    var lines = ["\(indent)\(mark) \(proof.claim)"]
    for item in proof.evidence {
      let head = "\(indent)    ¶\(item.paragraph) \(Renderer.sentence(item.fact))"
      lines.append(head)
      if options.evidence != .off {
        lines.append("\(indent)      " + quoted(item.quote, room: options.width - indent.count - 8))
      }
    }
    for step in proof.steps { lines += self.proof(step, depth: depth + 1) }
    return lines
  }

  private func nearMisses(_ misses: NearMisses) -> [String] {
    var lines = [
      misses.holds
        ? "\(colored("✓", 32)) \(misses.claim)"
        : "\(colored("✗", 31)) \(misses.claim): the article does not say so."
    ]
    guard !misses.misses.isEmpty else {
      return lines + ["  Nothing nearby: no fact and no paragraph links them."]
    }
    lines.append("  What it says nearby:")
    let rows = misses.misses.map {
      ["  \($0.reason)", "¶\($0.paragraph)", $0.fact.map(Renderer.sentence) ?? "", $0.quote]
    }
    return lines + aligned(rows, boldFirst: false)
  }

  private func profile(_ profile: Profile) -> [String] {
    var lines = ["\(bold(profile.entity.name)) (\(profile.entity.kind))"]
    if !profile.aliases.isEmpty {
      lines.append("  also called: " + profile.aliases.joined(separator: ", "))
    }
    for note in profile.background {
      lines.append(dim("  background (not from the article): \(note)"))
    }
    for group in profile.groups {
      lines.append("")
      lines.append(bold(group.title))
      let rows = group.facts.map { ["  ¶\($0.paragraph)", Renderer.sentence($0), $0.quote] }
      lines += aligned(rows, boldFirst: false, quoteColumn: options.evidence == .off ? nil : 2)
    }
    return lines
  }

  private func footer(_ answer: Answer) -> String {
    let count = answer.resultCount
    var text: String
    switch answer.body {
    case .count: text = "count"
    case .explanation(let proof): text = proof.holds ? "holds" : "does not hold"
    case .nearMisses(let misses): text = "\(misses.misses.count) nearby"
    case .facts: text = count == 1 ? "1 fact" : "\(count) facts"
    case .profile: text = count == 1 ? "1 fact" : "\(count) facts"
    case .entities: text = count == 0 ? "no results" : count == 1 ? "1 result" : "\(count) results"
    }
    if let elapsed = options.elapsed {
      let milliseconds =
        Double(elapsed.components.seconds) * 1000
        + Double(elapsed.components.attoseconds) / 1e15
      text += String(format: " (%.3f ms)", milliseconds)
    }
    return dim("(\(text))")
  }

  // MARK: layout

  /// Rows padded into columns; the last column (a quote) takes the width left and is
  /// shortened, with the amount cut, when it does not fit.
  private func aligned(_ rows: [[String]], boldFirst: Bool, quoteColumn: Int? = -1) -> [String] {
    guard let columns = rows.map(\.count).max(), columns > 0 else { return [] }
    let quoteIndex = quoteColumn == -1 ? (columns >= 3 ? columns - 1 : nil) : quoteColumn
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() where index != quoteIndex {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return rows.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        if index == quoteIndex {
          if options.evidence == .off { break }
          line += quoted(cell, room: options.width - line.count)
          break
        }
        let padded = index == row.count - 1 ? cell : cell.padding(to: widths[index])
        line += (index == 0 && boldFirst ? bold(padded) : padded)
        if index < row.count - 1 { line += "  " }
      }
      return line.trailingSpacesRemoved
    }
  }

  private func quoted(_ quote: String, room: Int) -> String {
    if options.evidence == .full { return "“\(quote)”" }
    let shortened = Renderer.shorten(quote, to: max(30, room - 2))
    if shortened == quote { return "“\(quote)”" }
    let cut = shortened.range(of: "… (+")!.lowerBound
    return "“\(shortened[..<cut])…”" + dim(String(shortened[shortened.index(after: cut)...]))
  }

  private func bold(_ text: String) -> String {
    options.color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  private func dim(_ text: String) -> String {
    options.color ? "\u{1B}[2m\(text)\u{1B}[0m" : text
  }

  private func colored(_ text: String, _ code: Int) -> String {
    options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  fileprivate var trailingSpacesRemoved: String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
