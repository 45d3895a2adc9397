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

    public init(path: [String], steps: [FactResult]) {
      self.path = path
      self.steps = steps
    }
  }

  /// True when the two entities asked about are one (an alias of the other).
  public var sameEntity: Bool { from.id == to.id }
}
