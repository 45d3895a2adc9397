/// Entities as the evaluator tests and walks them: every entity, those of one kind, or a few
/// listed. "Every country" or "everything" is tested by the entity's kind (or not at all),
/// never first gathered into a `Set`: a condition on a hundred thousand candidates then costs
/// what the facts it reads cost.
struct EntitySet: Sequence {
  private enum Storage {
    case everything(count: Int)
    /// The kind's number, and its entities (prepared once, by `EngineContext`).
    case kind(Int, members: [Int])
    case listed(Set<Int>)
  }

  private let storage: Storage
  /// Each entity's kind number, for `.kind`.
  private let kinds: [Int]

  private init(_ storage: Storage, kinds: [Int] = []) {
    self.storage = storage
    self.kinds = kinds
  }

  /// Every entity of a model with `count` entities.
  static func everything(count: Int) -> EntitySet { EntitySet(.everything(count: count)) }

  /// The entities of kind number `kind`, `members` of all; `kinds` gives each entity's.
  static func kind(_ kind: Int, members: [Int], kinds: [Int]) -> EntitySet {
    EntitySet(.kind(kind, members: members), kinds: kinds)
  }

  /// The entities listed.
  static func listed(_ entities: some Sequence<Int>) -> EntitySet {
    EntitySet(.listed(Set(entities)))
  }

  func contains(_ entity: Int) -> Bool {
    switch storage {
    case .everything(let count): entity >= 0 && entity < count
    case .kind(let kind, _): kinds[entity] == kind
    case .listed(let set): set.contains(entity)
    }
  }

  var count: Int {
    switch storage {
    case .everything(let count): count
    case .kind(_, let members): members.count
    case .listed(let set): set.count
    }
  }

  var isEmpty: Bool { count == 0 }

  func makeIterator() -> Iterator {
    switch storage {
    case .everything(let count): Iterator(.range((0..<count).makeIterator()))
    case .kind(_, let members): Iterator(.array(members.makeIterator()))
    case .listed(let set): Iterator(.set(set.makeIterator()))
    }
  }

  /// The entities in no particular order.
  struct Iterator: IteratorProtocol {
    fileprivate enum Base {
      case range(Range<Int>.Iterator)
      case array(IndexingIterator<[Int]>)
      case set(Set<Int>.Iterator)
    }
    private var base: Base

    fileprivate init(_ base: Base) {
      self.base = base
    }

    mutating func next() -> Int? {
      switch base {
      case .range(var iterator):
        defer { base = .range(iterator) }
        return iterator.next()
      case .array(var iterator):
        defer { base = .array(iterator) }
        return iterator.next()
      case .set(var iterator):
        defer { base = .set(iterator) }
        return iterator.next()
      }
    }
  }
}

extension EntitySet: ExpressibleByArrayLiteral {
  init(arrayLiteral entities: Int...) {
    self.init(.listed(Set(entities)))
  }
}
