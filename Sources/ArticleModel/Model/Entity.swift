/// Something the article names: a state, a person, a body, an event, a scenario.
public struct Entity: Sendable, Equatable {
  public var id: String
  public var name: String
  /// Its kind, in the model's `kinds`: `Model.kind(of:)` gives the kind itself.
  public var kind: KindRef
  /// Other names a reader may type (`pelosi`, `the bloc`), lowercase.
  public var aliases: [String]
  /// Place names that stand for a government (`moscow`, `the americans`), lowercase.
  public var metonyms: [String]
  /// General knowledge about the entity, kept apart from the article's evidence.
  public var background: [String]

  public init(
    id: String, name: String, kind: KindRef, aliases: [String] = [], metonyms: [String] = [],
    background: [String] = []
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.aliases = aliases
    self.metonyms = metonyms
    self.background = background
  }

  /// Every name the entity answers to, lowercase: its display name, id, aliases and metonyms.
  public var allNames: [String] {
    var names = [name.lowercased()]
    for candidate in [id] + aliases + metonyms where !names.contains(candidate) {
      names.append(candidate)
    }
    return names
  }
}
