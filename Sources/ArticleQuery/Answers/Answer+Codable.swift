import ArticleModel

extension Answer: Codable {
  private enum CodingKeys: String, CodingKey {
    case query, kind, assumptions, results, count, steps, claim, holds, nearMisses, profile
    case verdict, evidence, scenarios
    case scenario, facts, changes, from, to, limit, chains, more
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(query, forKey: .query)
    try container.encode(kind, forKey: .kind)
    if !assumptions.isEmpty { try container.encode(assumptions, forKey: .assumptions) }
    switch body {
    case .entities(let results): try container.encode(results, forKey: .results)
    case .facts(let facts): try container.encode(facts, forKey: .results)
    case .count(let count): try container.encode(count, forKey: .count)
    case .explanation(let proof):
      try container.encode(proof.claim, forKey: .claim)
      try container.encode(proof.holds, forKey: .holds)
      try container.encode([proof], forKey: .steps)
    case .nearMisses(let misses):
      try container.encode(misses.claim, forKey: .claim)
      try container.encode(misses.holds, forKey: .holds)
      try container.encode(misses.misses, forKey: .nearMisses)
    case .profile(let profile): try container.encode(profile, forKey: .profile)
    case .values(let values): try container.encode(values, forKey: .results)
    case .verdict(let verdict):
      try container.encode(verdict.claim, forKey: .claim)
      try container.encode(verdict.verdict, forKey: .verdict)
      try container.encode(verdict.evidence, forKey: .evidence)
      try container.encode(verdict.scenarios, forKey: .scenarios)
    case .whatIf(let whatIf):
      try container.encode(whatIf.scenario, forKey: .scenario)
      try container.encode(whatIf.facts, forKey: .facts)
      try container.encode(whatIf.changes, forKey: .changes)
    case .connections(let connections):
      try container.encode(connections.from, forKey: .from)
      try container.encode(connections.to, forKey: .to)
      try container.encode(connections.limit, forKey: .limit)
      try container.encode(connections.chains, forKey: .chains)
      try container.encode(connections.more, forKey: .more)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    query = try container.decode(String.self, forKey: .query)
    assumptions = try container.decodeIfPresent([String].self, forKey: .assumptions) ?? []
    switch try container.decode(Kind.self, forKey: .kind) {
    case .entities: body = .entities(try container.decode([EntityResult].self, forKey: .results))
    case .facts: body = .facts(try container.decode([FactResult].self, forKey: .results))
    case .count: body = .count(try container.decode(Int.self, forKey: .count))
    case .explanation:
      let steps = try container.decode([Proof].self, forKey: .steps)
      guard let proof = steps.first else {
        throw DecodingError.dataCorruptedError(
          forKey: .steps, in: container, debugDescription: "an explanation has one root step")
      }
      body = .explanation(proof)
    case .nearMisses:
      body = .nearMisses(
        NearMisses(
          claim: try container.decode(String.self, forKey: .claim),
          holds: try container.decode(Bool.self, forKey: .holds),
          misses: try container.decode([NearMiss].self, forKey: .nearMisses)))
    case .profile: body = .profile(try container.decode(Profile.self, forKey: .profile))
    case .values: body = .values(try container.decode([ValueResult].self, forKey: .results))
    case .verdict:
      body = .verdict(
        Verdict(
          claim: try container.decode(String.self, forKey: .claim),
          verdict: try container.decode(Verdict.Value.self, forKey: .verdict),
          evidence: try container.decode([EvidenceItem].self, forKey: .evidence),
          scenarios: try container.decode([Verdict.Scenario].self, forKey: .scenarios)))
    case .whatIf:
      body = .whatIf(
        WhatIf(
          scenario: try container.decode(String.self, forKey: .scenario),
          facts: try container.decode([FactResult].self, forKey: .facts),
          changes: try container.decode([WhatIf.SetChange].self, forKey: .changes)))
    case .connections:
      body = .connections(
        Connections(
          from: try container.decode(EntityResult.self, forKey: .from),
          to: try container.decode(EntityResult.self, forKey: .to),
          limit: try container.decode(Int.self, forKey: .limit),
          chains: try container.decode([Connections.Chain].self, forKey: .chains),
          more: try container.decode(Int.self, forKey: .more)))
    }
  }
}

extension EvidenceItem: Codable {
  private enum CodingKeys: String, CodingKey {
    case paragraph, quote, via, role, fact, chain
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(paragraph, forKey: .paragraph)
    try container.encode(quote, forKey: .quote)
    try container.encodeIfPresent(via, forKey: .via)
    try container.encodeIfPresent(role, forKey: .role)
    try container.encode(fact, forKey: .fact)
    if !chain.isEmpty { try container.encode(chain, forKey: .chain) }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      fact: try container.decode(FactResult.self, forKey: .fact),
      via: try container.decodeIfPresent(String.self, forKey: .via),
      role: try container.decodeIfPresent(String.self, forKey: .role),
      chain: try container.decodeIfPresent([FactResult].self, forKey: .chain) ?? [])
  }
}

extension FactResult: Codable {
  private enum CodingKeys: String, CodingKey {
    case index, subject, relation, object, polarity, modality, personal, scenario, qualifiers
    case note, document, paragraph, quote, moreEvidence, sentence
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(index, forKey: .index)
    try container.encode(subject, forKey: .subject)
    try container.encode(relation, forKey: .relation)
    try container.encode(object, forKey: .object)
    try container.encode(polarity, forKey: .polarity)
    try container.encode(modality.name, forKey: .modality)
    try container.encode(personal, forKey: .personal)
    try container.encodeIfPresent(scenario, forKey: .scenario)
    try container.encode(qualifiers, forKey: .qualifiers)
    try container.encodeIfPresent(note, forKey: .note)
    try container.encode(document, forKey: .document)
    try container.encode(paragraph, forKey: .paragraph)
    try container.encode(quote, forKey: .quote)
    try container.encode(moreEvidence, forKey: .moreEvidence)
    try container.encode(sentence, forKey: .sentence)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    index = try container.decode(Int.self, forKey: .index)
    subject = try container.decode(String.self, forKey: .subject)
    relation = try container.decode(String.self, forKey: .relation)
    object = try container.decode(String.self, forKey: .object)
    polarity = try container.decode(Polarity.self, forKey: .polarity)
    switch try container.decode(String.self, forKey: .modality) {
    case "reported": modality = .reported
    case "assessment": modality = .assessment
    case "scenario": modality = .scenario(-1)
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .modality, in: container, debugDescription: "unknown modality '\(other)'")
    }
    personal = try container.decode(Bool.self, forKey: .personal)
    scenario = try container.decodeIfPresent(String.self, forKey: .scenario)
    qualifiers = try container.decode([String].self, forKey: .qualifiers)
    note = try container.decodeIfPresent(String.self, forKey: .note)
    document = try container.decode(String.self, forKey: .document)
    paragraph = try container.decode(Int.self, forKey: .paragraph)
    quote = try container.decode(String.self, forKey: .quote)
    moreEvidence = try container.decode([Citation].self, forKey: .moreEvidence)
    sentence = try container.decode(String.self, forKey: .sentence)
  }
}
