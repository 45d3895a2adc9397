import ArticleModel

/// The answer to one statement: typed, so that code can inspect it and every output format
/// can render it. Encodes to the JSON of the SPEC (§3) with `Codable`.
public struct Answer: Sendable, Equatable {
  /// The statement as it was written.
  public var query: String
  /// Scenarios taken as true (display names).
  public var assumptions: [String]
  public var body: Body

  /// What kind of answer this is, and its content.
  public enum Body: Sendable, Equatable {
    case entities([EntityResult])
    case facts([FactResult])
    case count(Int)
    case explanation(Proof)
    case nearMisses(NearMisses)
    case profile(Profile)
    /// The circumstances `where`, `when` or `how much` asks for.
    case values([ValueResult])
    /// The answer to a yes/no question.
    case verdict(Verdict)
    case whatIf(WhatIf)
    case connections(Connections)
  }

  /// The kind, as the JSON `kind` field spells it.
  public enum Kind: String, Sendable, Codable {
    case entities, facts, count, explanation
    case nearMisses = "near-misses"
    case profile
    case values, verdict
    case whatIf = "what-if"
    case connections
  }

  public init(query: String, assumptions: [String] = [], body: Body) {
    self.query = query
    self.assumptions = assumptions
    self.body = body
  }

  public var kind: Kind {
    switch body {
    case .entities: .entities
    case .facts: .facts
    case .count: .count
    case .explanation: .explanation
    case .nearMisses: .nearMisses
    case .profile: .profile
    case .values: .values
    case .verdict: .verdict
    case .whatIf: .whatIf
    case .connections: .connections
    }
  }

  /// The display names of an entity answer; the values of a `where`/`when`/`how much`
  /// answer; of a what-if, the entities that some set gains or loses; of connections, the
  /// entities along the chains, each once, in order; empty for other kinds.
  public var names: [String] {
    switch body {
    case .entities(let results): return results.map(\.name)
    case .values(let values): return values.map(\.value)
    case .whatIf(let whatIf):
      let changed = whatIf.changes.flatMap { $0.gained + $0.lost }.map(\.name)
      return changed.enumerated().filter { !changed.prefix($0.offset).contains($0.element) }
        .map(\.element)
    case .connections(let connections):
      let along = connections.chains.flatMap(\.path)
      return along.enumerated().filter { !along.prefix($0.offset).contains($0.element) }
        .map(\.element)
    default: return []
    }
  }

  /// The number of a count answer.
  public var count: Int? {
    if case .count(let count) = body { count } else { nil }
  }

  /// True when the quotes the answer shows (each fact's first, the near misses') come from
  /// more than one document, so that a paragraph number alone would not say where a quote is.
  public var citesSeveralDocuments: Bool {
    var documents: Set<String> = []
    func add(_ fact: FactResult) {
      documents.insert(fact.document)
    }
    func add(_ proof: Proof) {
      for item in proof.evidence { add(item.fact) }
      proof.steps.forEach(add)
    }
    switch body {
    case .entities(let results):
      for item in results.flatMap(\.evidence) { add(item.fact) }
    case .facts(let facts): facts.forEach(add)
    case .count: break
    case .explanation(let proof): add(proof)
    case .nearMisses(let misses):
      for miss in misses.misses { documents.insert(miss.document) }
    case .profile(let profile):
      for group in profile.groups { group.facts.forEach(add) }
    case .values(let values):
      for item in values.flatMap(\.evidence) { add(item.fact) }
    case .verdict(let verdict):
      for item in verdict.evidence + verdict.scenarios.flatMap(\.evidence) { add(item.fact) }
    case .whatIf(let whatIf):
      whatIf.facts.forEach(add)
      for change in whatIf.changes {
        for item in change.gained.flatMap(\.evidence) { add(item.fact) }
      }
    case .connections(let connections):
      for chain in connections.chains { chain.listed.map(\.fact).forEach(add) }
    }
    return documents.count > 1
  }

  /// How many results the answer holds: entities, facts, the count's number, the proof's
  /// leaves, the near misses, the profile's facts, the entities a what-if's sets gain or
  /// lose, the chains of connections (those shown and the more).
  public var resultCount: Int {
    switch body {
    case .entities(let results): results.count
    case .facts(let facts): facts.count
    case .count(let count): count
    case .explanation(let proof): proof.holds ? 1 : 0
    case .nearMisses(let misses): misses.misses.count
    case .profile(let profile): profile.groups.reduce(0) { $0 + $1.facts.count }
    case .values(let values): values.count
    case .verdict(let verdict): verdict.evidence.count
    case .whatIf(let whatIf): whatIf.changes.reduce(0) { $0 + $1.gained.count + $1.lost.count }
    case .connections(let connections): connections.chains.count + connections.more
    }
  }
}

/// An entity in an answer, with the evidence that puts it there.
public struct EntityResult: Sendable, Equatable, Codable {
  public var id: String
  public var name: String
  public var kind: String
  public var evidence: [EvidenceItem]
  /// What each `not` of the condition rests on for this entity (nil without a `not`): the
  /// article denies it (the denial is in the evidence) or does not say.
  public var negations: [Negation]?

  public init(
    id: String, name: String, kind: String, evidence: [EvidenceItem] = [],
    negations: [Negation]? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.evidence = evidence
    self.negations = negations
  }

  /// A negated claim (`supported Russia`) and whether the article denies it or is silent.
  public struct Negation: Sendable, Equatable, Codable {
    /// Denied: the article says it did not happen. Not stated: the article does not say.
    public enum Status: String, Sendable, Codable {
      case denied
      case notStated = "not stated"
    }

    public var claim: String
    public var status: Status

    public init(claim: String, status: Status) {
      self.claim = claim
      self.status = status
    }
  }

  /// The negated claims the article says nothing of, for this entity.
  public var unstated: [String] {
    (negations ?? []).filter { $0.status == .notStated }.map(\.claim)
  }
}

/// One piece of evidence: the fact, where it is said, and through whom the entity said or
/// did it (Tajikistan via Rakhmon, its president). Encodes paragraph and quote at its top.
public struct EvidenceItem: Sendable, Equatable {
  public var fact: FactResult
  /// The display name of the office holder or body the fact is about, when it is not the
  /// entity itself.
  public var via: String?
  /// The office or part that links them (`president`), and the facts that show the link.
  public var role: String?
  public var chain: [FactResult]

  public init(fact: FactResult, via: String? = nil, role: String? = nil, chain: [FactResult] = []) {
    self.fact = fact
    self.via = via
    self.role = role
    self.chain = chain
  }

  public var paragraph: Int { fact.paragraph }
  public var quote: String { fact.quote }
}

/// A fact as an answer shows it: names rather than ids, the phrase, and its first evidence.
/// Encodes `polarity` and `modality` by name (`denied`, `assessment`).
public struct FactResult: Sendable, Equatable {
  /// The fact's position in the model, for stable references.
  public var index: Int
  public var subject: String
  public var relation: String
  public var object: String
  public var polarity: Polarity
  /// Reported, the author's assessment, or a scenario's (named by `scenario`). Read back
  /// from JSON, which names the scenario but not its place in the model, a scenario's
  /// index is -1.
  public var modality: Modality
  /// The subject acted in a private capacity (the fact does not count for its state).
  public var personal: Bool
  /// The scenario's name for a scenario fact.
  public var scenario: String?
  /// Circumstances as text: `at Tashkent SCO summit`, `when mid-September`.
  public var qualifiers: [String]
  public var note: String?
  /// The id of the document the first evidence is in.
  public var document: String
  public var paragraph: Int
  public var quote: String
  /// Further evidence for the same fact beyond the first.
  public var moreEvidence: [Citation]
  /// The fact as a sentence, the same in every format: `Armenia is a member of CSTO`,
  /// `CSTO did not name the aggressor Azerbaijan`, with a scenario, an assessment or a
  /// private capacity marked in brackets.
  public var sentence: String

  /// A document, a paragraph of it, and a quote.
  public struct Citation: Sendable, Equatable, Codable {
    public var document: String
    public var paragraph: Int
    public var quote: String
  }

  /// True when the article says the fact did not happen.
  public var isDenied: Bool { polarity == .denied }

  /// True when the fact is the author's own assessment.
  public var isAssessment: Bool { modality == .assessment }
}

/// The proof tree of a `why`: a claim, whether it holds, the facts that show it, and the
/// sub-claims it rests on.
public struct Proof: Sendable, Equatable, Codable {
  public var claim: String
  public var holds: Bool
  public var evidence: [EvidenceItem]
  public var steps: [Proof]

  public init(claim: String, holds: Bool, evidence: [EvidenceItem] = [], steps: [Proof] = []) {
    self.claim = claim
    self.holds = holds
    self.evidence = evidence
    self.steps = steps
  }
}

/// The answer to `why not`: the claim, whether it holds after all, and what the article says
/// nearby.
public struct NearMisses: Sendable, Equatable, Codable {
  public var claim: String
  public var holds: Bool
  public var misses: [NearMiss]
}

/// One thing the article says near a claim that does not hold.
public struct NearMiss: Sendable, Equatable, Codable {
  /// `another relation`, `reverse direction`, `denied`, `only in a scenario`,
  /// `other circumstances` (the fact, at another place or time than asked), `same paragraph`.
  public var reason: String
  public var fact: FactResult?
  /// The id of the document the paragraph is in.
  public var document: String
  public var paragraph: Int
  public var quote: String
}

/// Everything the article says about one entity, grouped.
public struct Profile: Sendable, Equatable, Codable {
  public var entity: EntityResult
  public var aliases: [String]
  public var background: [String]
  public var groups: [Group]

  /// A titled group of facts (`as subject`, `via its president Rakhmon`, `denied`).
  public struct Group: Sendable, Equatable, Codable {
    public var title: String
    public var facts: [FactResult]
  }
}
