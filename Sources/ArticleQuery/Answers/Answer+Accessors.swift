/// What a test asserts about an answer, without a `switch` over `body`: the results of an
/// entity answer, one result's evidence, the facts an answer shows and the paragraphs it
/// cites. `body` keeps the full shape for everything else.
///
///     let answer = try engine.evaluate("members where criticized russia")
///     answer.names                                 // ["Tajikistan"]
///     answer.evidence(for: "Tajikistan").first?.via  // "Rakhmon"
///     answer.paragraphs                            // [5]
extension Answer {
  /// The entities of an entity answer, in order; empty for other kinds.
  public var results: [EntityResult] {
    if case .entities(let results) = body { results } else { [] }
  }

  /// The result named `name` (its display name or id, case aside), if the answer has it.
  public func result(named name: String) -> EntityResult? {
    let folded = name.lowercased()
    return results.first { $0.name.lowercased() == folded || $0.id == folded }
  }

  /// The evidence that puts `name` in an entity answer; empty when it is not there.
  public func evidence(for name: String) -> [EvidenceItem] {
    result(named: name)?.evidence ?? []
  }

  /// Every fact the answer shows, each once, in the order it first shows: a facts answer's
  /// facts, a profile's, the evidence of entities and explanations (with the facts that
  /// link an office holder to the state), and near misses' facts.
  public var facts: [FactResult] {
    var seen: Set<Int> = []
    var facts: [FactResult] = []
    func add(_ fact: FactResult) {
      if seen.insert(fact.index).inserted { facts.append(fact) }
    }
    func add(_ item: EvidenceItem) {
      add(item.fact)
      item.chain.forEach(add)
    }
    func add(_ proof: Proof) {
      proof.evidence.forEach(add)
      proof.steps.forEach(add)
    }
    switch body {
    case .entities(let results):
      for result in results { result.evidence.forEach(add) }
    case .facts(let list): list.forEach(add)
    case .count: break
    case .explanation(let proof): add(proof)
    case .nearMisses(let misses): misses.misses.compactMap(\.fact).forEach(add)
    case .profile(let profile):
      for group in profile.groups { group.facts.forEach(add) }
    case .values(let values):
      for value in values { value.evidence.forEach(add) }
    case .verdict(let verdict):
      verdict.evidence.forEach(add)
      for scenario in verdict.scenarios { scenario.evidence.forEach(add) }
    case .whatIf(let whatIf):
      whatIf.facts.forEach(add)
      for change in whatIf.changes { change.gained.flatMap(\.evidence).forEach(add) }
    case .connections(let connections):
      for chain in connections.chains { chain.listed.map(\.fact).forEach(add) }
    }
    return facts
  }

  /// The verdict of a yes/no question (`yes`, `no`, `not stated`); nil for other kinds.
  ///
  ///     try engine.evaluate("did kyrgyzstan cancel unbreakable brotherhood").verdict  // .yes
  public var verdict: Verdict.Value? {
    if case .verdict(let verdict) = body { verdict.verdict } else { nil }
  }

  /// The named sets a what-if changes, each with what it gains and loses; empty for other
  /// kinds.
  ///
  ///     let answer = try engine.evaluate("what if iran joins the csto")
  ///     answer.changes.first?.gained.map(\.name)   // ["Iran"]
  public var changes: [WhatIf.SetChange] {
    if case .whatIf(let whatIf) = body { whatIf.changes } else { [] }
  }

  /// The chains of a connections answer, shortest first found; empty for other kinds.
  ///
  ///     let answer = try engine.evaluate("how is pelosi connected to tajikistan")
  ///     answer.chains.first?.path   // ["Nancy Pelosi", "Armenia", "CSTO", "Tajikistan"]
  public var chains: [Connections.Chain] {
    if case .connections(let connections) = body { connections.chains } else { [] }
  }

  /// The paragraph numbers the answer cites, ascending, each once.
  public var paragraphs: [Int] {
    var numbers = Set(facts.flatMap { [$0.paragraph] + $0.moreEvidence.map(\.paragraph) })
    if case .nearMisses(let misses) = body { numbers.formUnion(misses.misses.map(\.paragraph)) }
    return numbers.sorted()
  }
}
