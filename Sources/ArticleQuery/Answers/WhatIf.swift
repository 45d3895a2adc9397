/// The answer to `what if SCENARIO`: the scenario's own facts, and what each named set of
/// the model gains and loses when the scenario is taken as true.
public struct WhatIf: Sendable, Equatable, Codable {
  /// The scenario's display name (several, joined by `; `, when a fact given for it belongs
  /// to more than one).
  public var scenario: String
  /// The facts that hold only in the scenario, in the order of the article.
  public var facts: [FactResult]
  /// The named sets whose answer changes, in the model's order; a set that does not change
  /// is left out.
  public var changes: [SetChange]

  public init(scenario: String, facts: [FactResult], changes: [SetChange]) {
    self.scenario = scenario
    self.facts = facts
    self.changes = changes
  }

  /// How one named set's answer changes under the scenario.
  public struct SetChange: Sendable, Equatable, Codable {
    /// The set's name (`members`).
    public var set: String
    /// Entities in the set only under the scenario, with the evidence that puts them there.
    public var gained: [EntityResult]
    /// Entities in the set only without it.
    public var lost: [EntityResult]

    public init(set: String, gained: [EntityResult], lost: [EntityResult]) {
      self.set = set
      self.gained = gained
      self.lost = lost
    }
  }
}
