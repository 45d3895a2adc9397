import Syntax

extension Parser {
  /// what-if ::= 'what' 'if' assumption
  mutating func whatIf() throws(Diagnostic) -> Query {
    _ = eat("what")
    _ = eat("if")
    note(.entity)
    if at(.word) { try expectScenarioOrFact() }
    return .whatIf(try assumption())
  }

  /// Fails, before `assumption` would with a message about names in general, when the words
  /// name no scenario: an unknown name gets the scenarios' names as suggestions, a known
  /// entity that no relation follows is not a scenario. A scenario's fact (`iran joins csto`)
  /// passes, as in `assuming`.
  private func expectScenarioOrFact() throws(Diagnostic) {
    let scenarios = vocabulary.entityNames.filter { name in
      vocabulary.entity(named: name).map(vocabulary.isScenario) ?? false
    }
    let note = "the scenarios: " + scenarioDisplayNames.joined(separator: "; ")
    guard let (index, length) = entityMatchSkippingThe() else {
      var diagnostic = unknownName(candidates: scenarios, expecting: "a scenario")
      if diagnostic.message.hasPrefix("unknown name") {
        diagnostic.message = "unknown scenario" + diagnostic.message.dropFirst("unknown name".count)
      }
      throw diagnostic.noting(note)
    }
    guard !vocabulary.isScenario(index), lengthBeforeRelation() == nil,
      vocabulary.relation(at: words.dropFirst(length)) == nil
    else { return }
    let range = tokens[position].range.lowerBound..<tokens[position + length - 1].range.upperBound
    throw Diagnostic(
      "'\(tokens[position..<(position + length)].map(\.text).joined(separator: " "))' is not a scenario",
      at: range, notes: [note, "a scenario's fact may stand for it: what if iran joins csto"],
      suggestions: Array(
        Suggestions.closest(to: words.joined(separator: " "), in: scenarios)
          .filter { !suggest(from: scenarios).contains($0) } + suggest(from: scenarios)
      ).prefix(3).map { $0 })
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
