/// Answers as aligned text for a terminal: columns padded to their widest cell, quotes
/// shortened to the width (saying so), a footer with the number of results.
struct TableRenderer {
  let options: RenderOptions
  /// Paragraphs are named with their document (the answer cites several).
  private var namingDocuments = false

  init(options: RenderOptions) {
    self.options = options
  }

  func render(_ answer: Answer) -> String {
    var renderer = self
    renderer.namingDocuments = answer.citesSeveralDocuments
    return renderer.lines(answer)
  }

  private func place(_ document: String, _ paragraph: Int) -> String {
    Renderer.place(document, paragraph, namingDocument: namingDocuments)
  }

  private func lines(_ answer: Answer) -> String {
    var lines: [String]
    switch answer.body {
    case .entities(let results): lines = entities(results)
    case .facts(let facts): lines = self.facts(facts)
    case .count(let count): lines = [bold("\(count)")]
    case .explanation(let proof): lines = self.proof(proof, depth: 0)
    case .nearMisses(let misses): lines = nearMisses(misses)
    case .profile(let profile): lines = self.profile(profile)
    case .values(let values): lines = self.values(values)
    case .verdict(let verdict): lines = self.verdict(verdict)
    case .whatIf(let whatIf): lines = self.whatIf(whatIf)
    case .connections(let connections): lines = self.connections(connections)
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
      if evidence.isEmpty {
        let unstated = result.unstated
        rows.append(
          unstated.isEmpty
            ? [result.name, result.kind]
            : [result.name, result.kind, "not stated", unstated.joined(separator: "; ")])
      }
      for (offset, item) in evidence.enumerated() {
        rows.append([
          offset == 0 ? result.name : "", offset == 0 ? result.kind : "",
          Renderer.citation(item, namingDocuments: namingDocuments), item.quote,
        ])
      }
    }
    return aligned(rows, boldFirst: true)
  }

  private func facts(_ facts: [FactResult]) -> [String] {
    aligned(
      facts.map { [place($0.document, $0.paragraph), $0.sentence, $0.quote] }, boldFirst: false)
  }

  private func proof(_ proof: Proof, depth: Int) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    let mark = proof.holds ? colored("✓", 32) : colored("✗", 31)
    var lines = ["\(indent)\(mark) \(proof.claim)"]
    for item in proof.evidence {
      let head = "\(indent)    \(place(item.fact.document, item.paragraph)) \(item.fact.sentence)"
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
      ["  \($0.reason)", place($0.document, $0.paragraph), $0.fact?.sentence ?? "", $0.quote]
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
      let rows = group.facts.map {
        ["  " + place($0.document, $0.paragraph), $0.sentence, $0.quote]
      }
      lines += aligned(rows, boldFirst: false)
    }
    return lines
  }

  private func values(_ values: [ValueResult]) -> [String] {
    var rows: [[String]] = []
    for value in values {
      let evidence = options.evidence == .off ? [] : value.evidence
      if evidence.isEmpty { rows.append([value.value, value.key]) }
      for (offset, item) in evidence.enumerated() {
        rows.append([
          offset == 0 ? value.value : "", offset == 0 ? value.key : "",
          Renderer.citation(item, namingDocuments: namingDocuments), item.quote,
        ])
      }
    }
    return aligned(rows, boldFirst: true)
  }

  /// `yes — Kyrgyzstan refused Unbreakable Brotherhood`, then the facts with their quotes.
  private func verdict(_ verdict: Verdict) -> [String] {
    var lines = [bold(verdict.verdict.rawValue) + " — " + verdict.claim]
    func evidence(_ items: [EvidenceItem]) -> [String] {
      guard options.evidence != .off else { return [] }
      return aligned(
        items.map {
          [
            "  " + Renderer.citation($0, namingDocuments: namingDocuments), $0.fact.sentence,
            $0.quote,
          ]
        }, boldFirst: false)
    }
    if verdict.verdict == .notStated, !verdict.evidence.isEmpty {
      lines.append(dim("the article denies only a narrower claim:"))
    }
    lines += evidence(verdict.evidence)
    for scenario in verdict.scenarios {
      lines.append("yes assuming " + scenario.name + ":")
      lines += evidence(scenario.evidence)
    }
    return lines
  }

  private func whatIf(_ whatIf: WhatIf) -> [String] {
    var lines = [bold("What if \(whatIf.scenario):")]
    lines.append("")
    lines.append(bold("the scenario's facts"))
    lines += aligned(
      whatIf.facts.map { ["  " + place($0.document, $0.paragraph), $0.sentence, $0.quote] },
      boldFirst: false)
    lines.append("")
    guard !whatIf.changes.isEmpty else {
      return lines + ["No named set changes under it."]
    }
    lines.append(bold("what changes"))
    var rows: [[String]] = []
    for change in whatIf.changes {
      for (offset, result) in change.gained.enumerated() {
        let first = result.evidence.first
        rows.append([
          offset == 0 ? "  \(change.set)" : "", "gains \(result.name)",
          first.map { Renderer.citation($0, namingDocuments: namingDocuments) } ?? "",
          first?.quote ?? "",
        ])
      }
      for (offset, result) in change.lost.enumerated() {
        rows.append([
          offset == 0 && change.gained.isEmpty ? "  \(change.set)" : "", "loses \(result.name)",
          "", "",
        ])
      }
    }
    return lines + aligned(rows, boldFirst: false)
  }

  private func connections(_ connections: Connections) -> [String] {
    let (from, to) = (connections.from.name, connections.to.name)
    if connections.sameEntity {
      return ["\(from) and \(to) are one entity: there is no chain to show."]
    }
    guard !connections.chains.isEmpty else {
      return ["No chain of up to \(connections.limit) facts links \(from) and \(to)."]
    }
    var lines: [String] = []
    for (number, chain) in connections.chains.enumerated() {
      if number > 0 { lines.append("") }
      lines.append(bold(chain.path.joined(separator: " → ")))
      lines += aligned(
        chain.listed.map { fact, isAlternative in
          [
            (isAlternative ? "    also " : "  ") + place(fact.document, fact.paragraph),
            fact.sentence, fact.quote,
          ]
        }, boldFirst: false)
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
    case .values where count == 0: text = "not stated in the article"
    case .entities, .values:
      text = count == 0 ? "no results" : count == 1 ? "1 result" : "\(count) results"
    case .verdict(let verdict): text = verdict.summary
    case .whatIf(let whatIf):
      let sets = whatIf.changes.count
      text =
        "\(whatIf.facts.count) scenario facts; "
        + (sets == 0 ? "no set changes" : sets == 1 ? "1 set changes" : "\(sets) sets change")
    case .connections(let connections):
      let chains = connections.chains.count
      let length = connections.chains.first?.steps.count ?? 0
      text =
        chains == 0
        ? "no chain"
        : "\(chains) \(chains == 1 ? "chain" : "chains") of \(length) \(length == 1 ? "fact" : "facts")"
      if connections.more > 0 { text += "; \(connections.more) more not shown" }
    }
    if let elapsed = options.elapsed { text += " in \(Self.milliseconds(elapsed)) ms" }
    return dim("(\(text))")
  }

  /// A duration in milliseconds with three decimals (`12.345`), rounded to the nearest
  /// microsecond, half up; a negative one (which a clock never gives) as 0.
  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let microseconds = max(
      0, seconds * 1_000_000 + (attoseconds + 500_000_000_000) / 1_000_000_000_000)
    let fraction = String(microseconds % 1000)
    return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  // MARK: layout

  /// Rows padded into columns; the last column of a row of three or more cells is a quote,
  /// which takes the width left and is shortened, saying how much was cut, when it does not
  /// fit (on a line of its own when too little is left). `.evidence off` leaves it out.
  private func aligned(_ rows: [[String]], boldFirst: Bool) -> [String] {
    guard let columns = rows.map(\.count).max(), columns > 0 else { return [] }
    let quoteIndex = columns >= 3 ? columns - 1 : nil
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() where index != quoteIndex {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return rows.flatMap { row -> [String] in
      var line = ""
      let cells = quoteIndex.map { row.prefix($0) } ?? row[...]
      for (index, cell) in cells.enumerated() {
        let padded =
          index == cells.count - 1 && quoteIndex == nil ? cell : cell.padding(to: widths[index])
        line += index == 0 && boldFirst ? bold(padded) : padded
        if index < cells.count - 1 { line += "  " }
      }
      guard let quoteIndex, row.count > quoteIndex, options.evidence != .off else {
        return [line.trailingSpacesRemoved]
      }
      let quote = row[quoteIndex]
      if fitsWidth, line.trailingSpacesRemoved.count > options.width {
        // A fact's sentence is never cut: it goes on under itself, and the quote below it.
        let indent = min(line.count - (cells.last?.count ?? 0), options.width / 2)
        return wrapped(line.trailingSpacesRemoved, indent: indent)
          + ["      " + quoted(quote, room: options.width - 6)]
      }
      // A whole quote stays on its row; one to be cut stays there only when it fits whole
      // or nearly as much fits as on a line of its own, which it takes otherwise.
      let room = options.width - line.count - 2
      let besideRow =
        options.evidence == .full
        ? room >= 30 : quote.count + 2 <= room || room >= options.width - 16
      if besideRow {
        return [(line + "  " + quoted(quote, room: room)).trailingSpacesRemoved]
      }
      return [line.trailingSpacesRemoved, "      " + quoted(quote, room: options.width - 6)]
    }
  }

  /// Whether the table is laid out to the width (quotes cut to fit it): on a terminal, or
  /// with `.evidence short`.
  private var fitsWidth: Bool { options.evidence == .on || options.evidence == .short }

  /// `line` broken at spaces into lines of at most the width, each after the first indented
  /// by `indent` columns; a word longer than a line stays whole.
  private func wrapped(_ line: String, indent: Int) -> [String] {
    var lines: [String] = []
    var rest = Array(line)
    var margin = ""
    while margin.count + rest.count > options.width {
      let room = options.width - margin.count
      // The last space within the room that follows some text; none: the line stays long.
      let firstText = rest.firstIndex { $0 != " " } ?? rest.count
      guard let cut = rest[..<min(room + 1, rest.count)].lastIndex(of: " "), cut > firstText
      else { break }
      lines.append(margin + String(rest[..<cut]).trailingSpacesRemoved)
      rest = Array(rest[(cut + 1)...].drop { $0 == " " })
      margin = String(repeating: " ", count: indent)
    }
    lines.append(margin + String(rest))
    return lines
  }

  private func quoted(_ quote: String, room: Int) -> String {
    if options.evidence == .full { return "“\(quote)”" }
    let shortened = Renderer.shorten(quote, to: max(22, room - 2))
    if shortened.cut == 0 { return "“\(quote)”" }
    return "“\(shortened.kept)…”" + dim(" " + shortened.note)
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
