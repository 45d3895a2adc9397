/// The answer to a yes/no question: `yes` with the facts that show it, `no` with the
/// article's denial, or `not stated`, and the scenarios under which it would be `yes`.
public struct Verdict: Sendable, Equatable, Codable {
  /// What the article says.
  public enum Value: String, Sendable, Equatable, Codable {
    case yes
    case no
    case notStated = "not stated"
  }

  /// A scenario of the article (its display name) under which the answer is `yes`, with the
  /// facts that make it so.
  public struct Scenario: Sendable, Equatable, Codable {
    public var name: String
    public var evidence: [EvidenceItem]

    public init(name: String, evidence: [EvidenceItem]) {
      self.name = name
      self.evidence = evidence
    }
  }

  /// The question as a claim, with display names: `Kyrgyzstan refused Unbreakable Brotherhood`.
  public var claim: String
  public var verdict: Value
  /// For `yes` the supporting facts; for `no` the denials; for `not stated` the denials of a
  /// narrower claim, if any (Armenia did not support Russia openly).
  public var evidence: [EvidenceItem]
  public var scenarios: [Scenario]

  public init(
    claim: String, verdict: Value, evidence: [EvidenceItem] = [], scenarios: [Scenario] = []
  ) {
    self.claim = claim
    self.verdict = verdict
    self.evidence = evidence
    self.scenarios = scenarios
  }

  /// `not stated; yes assuming iran joins the csto`, `yes`, `no`.
  public var summary: String {
    guard verdict == .notStated, !scenarios.isEmpty else { return verdict.rawValue }
    return "not stated; yes assuming " + scenarios.map(\.name).joined(separator: " or ")
  }
}

/// One answer to `where`, `when` or `how much`: a circumstance's value (the entity's name for
/// an entity), which qualifier it is, and the facts that give it.
public struct ValueResult: Sendable, Equatable, Codable {
  /// The value as text: `summit in Astana`, `$500 million`.
  public var value: String
  /// The qualifier it is (`at`, `when`, `amount`), or `object` for a place that is the
  /// fact's other end.
  public var key: String
  /// The entity's id and kind, when the value is an entity.
  public var id: String?
  public var kind: String?
  public var evidence: [EvidenceItem]

  public init(
    value: String, key: String, id: String? = nil, kind: String? = nil,
    evidence: [EvidenceItem] = []
  ) {
    self.value = value
    self.key = key
    self.id = id
    self.kind = kind
    self.evidence = evidence
  }
}
