/// A model's facts, in order: an array for a model parsed or built in code, or read one at a
/// time, when asked, from the bytes of the snapshot the model was loaded from (so that a
/// million facts are not all made into Swift values at every start: issue 14). Either way it is
/// a random-access collection of `Fact`s; its fields that the model's index and the engine's
/// vocabulary scan (`subject(at:)`, `relation(at:)`, `object(at:)`, `scenario(at:)`,
/// `qualifiers(at:)`) are
/// read without making the whole fact.
public struct FactList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  enum Storage: Sendable {
    case array([Fact])
    case snapshot(SnapshotFacts)
  }

  let storage: Storage

  public init(_ facts: [Fact]) {
    storage = .array(facts)
  }

  init(snapshot: SnapshotFacts) {
    storage = .snapshot(snapshot)
  }

  public init(arrayLiteral facts: Fact...) {
    storage = .array(facts)
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .array(let facts): facts.count
    case .snapshot(let facts): facts.count
    }
  }

  public subscript(position: Int) -> Fact {
    switch storage {
    case .array(let facts): facts[position]
    case .snapshot(let facts): facts.fact(position)
    }
  }

  /// The subject of the fact at `position` (an index into the model's entities).
  public func subject(at position: Int) -> Int {
    switch storage {
    case .array(let facts): facts[position].subject
    case .snapshot(let facts): Int(facts.subjects[position])
    }
  }

  /// The relation of the fact at `position`.
  public func relation(at position: Int) -> Int {
    switch storage {
    case .array(let facts): facts[position].relation
    case .snapshot(let facts): Int(facts.relations[position])
    }
  }

  /// The object of the fact at `position`.
  public func object(at position: Int) -> Int {
    switch storage {
    case .array(let facts): facts[position].object
    case .snapshot(let facts): Int(facts.objects[position])
    }
  }

  /// The scenario the fact at `position` belongs to, if it is a scenario fact.
  public func scenario(at position: Int) -> Int? {
    switch storage {
    case .array(let facts): return facts[position].scenario
    case .snapshot(let facts):
      let scenario = facts.scenarios[position]
      return scenario < 0 ? nil : Int(scenario)
    }
  }

  /// The qualifiers of the fact at `position`, without its evidence and note.
  public func qualifiers(at position: Int) -> [Qualifier] {
    switch storage {
    case .array(let facts): facts[position].qualifiers
    case .snapshot(let facts): facts.qualifiers(position)
    }
  }

  public static func == (lhs: FactList, rhs: FactList) -> Bool {
    lhs.elementsEqual(rhs)
  }

  /// The facts as an array.
  public var array: [Fact] {
    if case .array(let facts) = storage { return facts }
    return Array(self)
  }
}

extension FactList: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(try [Fact](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try array.encode(to: encoder)
  }
}
