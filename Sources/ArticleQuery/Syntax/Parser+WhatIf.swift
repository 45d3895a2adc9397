import Syntax

extension Parser {
  /// what-if ::= 'what' ( 'would' 'happen' )? 'if' assumption
  mutating func whatIf() throws(Diagnostic) -> Query {
    _ = eat("what")
    if eat("would") {
      guard eat("happen") else { throw found(expected: "'happen'", candidates: ["happen"]) }
    }
    guard eat("if") else { throw found(expected: "'if'", candidates: ["if"]) }
    note(.entity)
    if at(.word) || at(.string) { try expectScenarioOrFact() }
    return .whatIf(try assumption())
  }

  /// Fails, before `assumption` would with a message about names in general, when the words
  /// name no scenario: an unknown name gets the scenarios' names as suggestions, a known
  /// entity that no relation follows is not a scenario. A scenario's fact (`iran joins csto`)
  /// passes, as in `assuming`.
  mutating func expectScenarioOrFact() throws(Diagnostic) {
    let scenarios = vocabulary.entityNames.filter { name in
      vocabulary.entity(named: name).map(vocabulary.isScenario) ?? false
    }
    let listing = "the scenarios: " + scenarioDisplayNames.joined(separator: "; ")
    if at(.string) {
      guard let index = vocabulary.entity(named: current.text) else {
        throw Diagnostic(
          "unknown scenario \(current.description)", at: current.range, notes: [listing],
          suggestions: closest(to: current.folded, in: scenarios))
      }
      if vocabulary.isScenario(index)
        || (peek().kind == .word && vocabulary.startsRelation(peek().folded))
      {
        return
      }
      throw Diagnostic(
        "\(current.description) is not a scenario", at: current.range, notes: [listing],
        suggestions: closest(to: current.folded, in: scenarios))
    }
    guard let (index, length) = entityMatchSkippingThe() else {
      let typed = words.prefix { !Self.assumptionOpeners.contains($0) }
      let end = position + max(1, typed.count) - 1
      throw Diagnostic(
        "unknown scenario '\(tokens[position...end].map(\.text).joined(separator: " "))'",
        at: current.range.lowerBound..<tokens[end].range.upperBound, notes: [listing],
        suggestions: closest(to: typed.joined(separator: " "), in: scenarios))
    }
    var after = self
    after.position += length
    guard !vocabulary.isScenario(index), lengthBeforeRelation() == nil,
      vocabulary.relation(at: after.words) == nil
    else { return }
    let named = tokens[position..<(position + length)]
    let range = current.range.lowerBound..<tokens[position + length - 1].range.upperBound
    if after.at(.end) {
      // At the end of the text a relation may still come: offered for completion.
      position += length
      note(.relation)
    }
    throw Diagnostic(
      "'\(named.map(\.text).joined(separator: " "))' is not a scenario",
      at: range,
      notes: [listing, "a scenario's fact may stand for it: what if iran joins csto"],
      suggestions: closest(to: words.joined(separator: " "), in: scenarios))
  }

  /// Up to three scenario names close to all the words typed, then to their first words.
  private func closest(to typed: String, in scenarios: [String]) -> [String] {
    var found = Suggestions.closest(to: typed, in: scenarios)
    for suggestion in suggest(from: scenarios) where !found.contains(suggestion) {
      found.append(suggestion)
    }
    return Array(found.prefix(3))
  }

  /// Each scenario's name as a query may type it (its first name in the vocabulary).
  private var scenarioDisplayNames: [String] {
    var seen: Set<Int> = []
    return vocabulary.entityNames.filter { name in
      guard let index = vocabulary.entity(named: name), vocabulary.isScenario(index) else {
        return false
      }
      return seen.insert(index).inserted
    }
  }
}
