/// Something the article names: a state, a person, a body, an event, a scenario.
public struct Entity: Sendable, Equatable {
  public var id: String
  public var name: String
  /// Its kind, in the model's `kinds`: `Model.kind(of:)` gives the kind itself.
  public var kind: KindRef
  /// The aliases, metonyms and background: arrays, or places in the snapshot the model was
  /// read from, made into strings when asked (a million-fact model's 100,000 entities read
  /// 200,000 arrays at every start: issue 14).
  private var lists: EntityLists

  /// Other names a reader may type (`pelosi`, `the bloc`), lowercase.
  public var aliases: [String] {
    get { lists.list(0) }
    set { lists.set(0, newValue) }
  }

  /// Place names that stand for a government (`moscow`, `the americans`), lowercase.
  public var metonyms: [String] {
    get { lists.list(1) }
    set { lists.set(1, newValue) }
  }

  /// General knowledge about the entity, kept apart from the article's evidence.
  public var background: [String] {
    get { lists.list(2) }
    set { lists.set(2, newValue) }
  }

  public init(
    id: String, name: String, kind: KindRef, aliases: [String] = [], metonyms: [String] = [],
    background: [String] = []
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    lists = EntityLists(aliases: aliases, metonyms: metonyms, background: background)
  }

  /// An entity whose lists stay in a snapshot's model part (`SnapshotEntityLists`).
  init(id: String, name: String, kind: KindRef, lists: EntityLists) {
    self.id = id
    self.name = name
    self.kind = kind
    self.lists = lists
  }

  /// Every name the entity answers to, lowercase: its display name, id, aliases and metonyms.
  public var allNames: [String] {
    var names = [name.lowercased()]
    for candidate in [id] + aliases + metonyms where !names.contains(candidate) {
      names.append(candidate)
    }
    return names
  }

  public static func == (lhs: Entity, rhs: Entity) -> Bool {
    lhs.id == rhs.id && lhs.name == rhs.name && lhs.kind == rhs.kind
      && lhs.aliases == rhs.aliases && lhs.metonyms == rhs.metonyms
      && lhs.background == rhs.background
  }
}

/// An entity's three lists of strings (aliases, metonyms, background), as arrays or as a place
/// in a snapshot's model part. Three arrays and a reference, not an enum of two payloads:
/// LeakSanitizer does not see the pointers an enum's payload holds.
struct EntityLists: Sendable {
  private var aliases: [String]
  private var metonyms: [String]
  private var background: [String]
  /// Where the lists are, when they are in a snapshot (the arrays are then empty).
  private var mapped: SnapshotEntityLists?
  /// The lists' offset in the snapshot's model part.
  private var offset: UInt32 = 0
  /// Which entity these are the lists of.
  private var entity: UInt32 = 0

  init(aliases: [String], metonyms: [String], background: [String]) {
    self.aliases = aliases
    self.metonyms = metonyms
    self.background = background
  }

  /// The lists of entity `entity`, at `offset` in `mapped`'s model part.
  init(mapped: SnapshotEntityLists, offset: UInt32, entity: UInt32) {
    aliases = []
    metonyms = []
    background = []
    self.mapped = mapped
    self.offset = offset
    self.entity = entity
  }

  /// List `which`: 0 aliases, 1 metonyms, 2 background.
  func list(_ which: Int) -> [String] {
    if let mapped { return mapped.list(which, at: Int(offset), entity: Int(entity)) }
    return switch which {
    case 0: aliases
    case 1: metonyms
    default: background
    }
  }

  /// Sets list `which`, the other two made into arrays first if they are in a snapshot.
  mutating func set(_ which: Int, _ value: [String]) {
    if mapped != nil {
      (aliases, metonyms, background) = (list(0), list(1), list(2))
      mapped = nil
    }
    switch which {
    case 0: aliases = value
    case 1: metonyms = value
    default: background = value
    }
  }
}
