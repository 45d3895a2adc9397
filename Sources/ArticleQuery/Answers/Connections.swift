/// The answer to `how is X connected to Y`: the shortest chains of facts that link two
/// entities, each step a fact with its quote, through any relation in either direction.
public struct Connections: Sendable, Equatable, Codable {
  /// The two entities, as asked.
  public var from: EntityResult
  public var to: EntityResult
  /// The most facts a chain may have (`Connections.maximumLength`).
  public var limit: Int
  /// The shortest chains, at most `Connections.maximumShown`, in a stable order; empty when
  /// no chain of up to `limit` facts links them.
  public var chains: [Chain]
  /// How many shortest chains there are beyond those shown.
  public var more: Int

  /// The longest chain searched for.
  public static let maximumLength = 4
  /// The most chains an answer shows.
  public static let maximumShown = 10

  public init(from: EntityResult, to: EntityResult, limit: Int, chains: [Chain], more: Int) {
    self.from = from
    self.to = to
    self.limit = limit
    self.chains = chains
    self.more = more
  }

  /// One chain: the entities it passes through, from `from` to `to`, and the fact that
  /// joins each to the next (which may run either way: `Armenia is a member of CSTO` joins
  /// CSTO to Armenia too).
  public struct Chain: Sendable, Equatable, Codable {
    public var path: [String]
    public var steps: [FactResult]
    /// For each step, the other facts that join the same two entities (`United States
    /// invited Kyrgyzstan` beside `United States conducts diplomacy in Kyrgyzstan`), in the
    /// order the step's fact was chosen from them.
    public var alternatives: [[FactResult]]

    public init(path: [String], steps: [FactResult], alternatives: [[FactResult]] = []) {
      self.path = path
      self.steps = steps
      self.alternatives = alternatives.isEmpty ? steps.map { _ in [] } : alternatives
    }

    /// The chain's facts in the order a listing shows them: each step, then its
    /// alternatives (`isAlternative`).
    public var listed: [(fact: FactResult, isAlternative: Bool)] {
      steps.indices.flatMap { index in
        [(steps[index], false)]
          + (alternatives.indices.contains(index) ? alternatives[index] : []).map { ($0, true) }
      }
    }
  }

  /// True when the two entities asked about are one (an alias of the other).
  public var sameEntity: Bool { from.id == to.id }
}
