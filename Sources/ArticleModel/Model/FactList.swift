/// A model's facts, in order: an array for a model parsed or built in code, or read one at a
/// time, when asked, from the bytes of the snapshot the model was loaded from (so that a
/// million facts are not all made into Swift values at every start: issue 14). Either way it is
/// a random-access collection of `Fact`s; its fields that the model's index and the engine's
/// vocabulary scan (`subject(at:)`, `relation(at:)`, `object(at:)`, `scenario(at:)`,
/// `qualifiers(at:)`) are
/// read without making the whole fact.
public struct FactList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  // Two stored properties, not an enum of two payloads: LeakSanitizer does not see the
  // pointers an enum's payload holds, and reported the snapshot's storage leaked at exit.
  /// The facts of a model parsed or built in code; empty when `snapshot` holds them.
  private let facts: [Fact]
  /// The facts in place in a snapshot's bytes.
  private let snapshot: SnapshotFacts?

  public init(_ facts: [Fact]) {
    self.facts = facts
    snapshot = nil
  }

  init(snapshot: SnapshotFacts) {
    facts = []
    self.snapshot = snapshot
  }

  public init(arrayLiteral facts: Fact...) {
    self.init(facts)
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int { snapshot?.count ?? facts.count }

  public subscript(position: Int) -> Fact {
    if let snapshot { return snapshot.fact(position) }
    return facts[position]
  }

  /// The subject of the fact at `position` (an index into the model's entities).
  public func subject(at position: Int) -> Int {
    if let snapshot { return snapshot.subject(position) }
    return facts[position].subject
  }

  /// The relation of the fact at `position`.
  public func relation(at position: Int) -> Int {
    if let snapshot { return snapshot.relation(position) }
    return facts[position].relation
  }

  /// The object of the fact at `position`.
  public func object(at position: Int) -> Int {
    if let snapshot { return snapshot.object(position) }
    return facts[position].object
  }

  /// The scenario the fact at `position` belongs to, if it is a scenario fact.
  public func scenario(at position: Int) -> Int? {
    if let snapshot { return snapshot.scenario(position) }
    return facts[position].scenario
  }

  /// The fact at `position` without its evidence and note (empty and nil): what a query
  /// filters facts by, made without reading their quotes, which for a snapshot's facts are
  /// most of the bytes read.
  public func claim(at position: Int) -> Fact {
    if let snapshot { return snapshot.claim(position) }
    var fact = facts[position]
    fact.evidence = []
    fact.note = nil
    return fact
  }

  /// The fact at `position` without its qualifiers, evidence and note (empty and nil): what a
  /// query that asks for no circumstance filters facts by, read for a snapshot's facts from
  /// their columns alone.
  public func bare(at position: Int) -> Fact {
    if let snapshot { return snapshot.bare(position) }
    var fact = facts[position]
    fact.qualifiers = []
    fact.evidence = []
    fact.note = nil
    return fact
  }

  /// The qualifiers of the fact at `position`, without its evidence and note.
  public func qualifiers(at position: Int) -> [Qualifier] {
    if let snapshot { return snapshot.qualifiers(position) }
    return facts[position].qualifiers
  }

  public static func == (lhs: FactList, rhs: FactList) -> Bool {
    lhs.elementsEqual(rhs)
  }

  /// `body` given the facts in place, without copying one (each copy of a `Fact` retains
  /// its arrays and strings: a tenth of writing a million facts' snapshot, issue 14); nil,
  /// without calling it, for a snapshot's facts, which are not held as `Fact`s.
  func withContiguousFacts<Result>(_ body: (UnsafeBufferPointer<Fact>) -> Result) -> Result? {
    snapshot == nil ? facts.withUnsafeBufferPointer(body) : nil
  }

  /// The facts as an array.
  public var array: [Fact] {
    snapshot == nil ? facts : Array(self)
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
