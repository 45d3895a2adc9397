import ArticleModel

extension Evaluator {
  /// The answer to `what if`: the facts of the scenarios the assumption names (by name, or
  /// by one of their facts as `assuming` takes them), and, for each named set of the model,
  /// what it gains and loses when they are assumed on top of what the statement assumes
  /// already. Gains carry the evidence that puts them in the set.
  mutating func whatIf(_ assumption: Assumption) -> WhatIf {
    let scenarios = Assumptions.scenarios(for: assumption, in: context)
    let builder = ResultBuilder(context: context)
    let chosen = Set(scenarios)
    let own = model.facts.indices.filter {
      model.facts.scenario(at: $0).map(chosen.contains) ?? false
    }
    var hypothetical = Evaluator(
      context: context, assumed: assumed.union(chosen), cancellation: cancellation)
    var changes: [WhatIf.SetChange] = []
    for (number, meaning) in context.vocabulary.setMeanings.enumerated() where !cancelled {
      guard case .defined = meaning, !chosen.isSubset(of: assumed) else { continue }
      let reference = SetRef(number)
      let before = set(reference)
      let after = hypothetical.set(reference)
      let gained = after.filter { before[$0.key] == nil }
      let lost = before.filter { after[$0.key] == nil }.mapValues { _ in [Support]() }
      guard !gained.isEmpty || !lost.isEmpty else { continue }
      changes.append(
        WhatIf.SetChange(
          set: context.vocabulary.setNames[number], gained: builder.entities(gained),
          lost: builder.entities(lost)))
    }
    return WhatIf(
      scenario: scenarios.map { model.entities[$0].name }.joined(separator: "; "),
      facts: builder.facts(own), changes: changes)
  }
}
