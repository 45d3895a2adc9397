/// A kind of entity (`country`) and the name of the set of all entities of that kind
/// (`countries`).
public struct Kind: Sendable, Equatable, Codable {
  public var id: String
  public var plural: String
  /// Whether the kind's entities are scenarios (the model says `hypothetical`): what might
  /// happen, which facts can be said of (`scenario ID`) rather than things that act.
  public var isScenario: Bool
  /// Further names of the set of its entities, in lower case (`maneuvers`, `maneuver`): the
  /// words a reader uses for it that the article does.
  public var aliases: [String]

  public init(id: String, plural: String, isScenario: Bool = false, aliases: [String] = []) {
    self.id = id
    self.plural = plural
    self.isScenario = isScenario
    self.aliases = aliases
  }

  private enum CodingKeys: String, CodingKey {
    case id, plural, hypothetical, aliases
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    plural = try container.decode(String.self, forKey: .plural)
    isScenario = try container.decodeIfPresent(Bool.self, forKey: .hypothetical) ?? false
    aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
  }

  /// `id` and `plural`, `hypothetical` only for a kind of scenarios, `aliases` only when it
  /// has some.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(plural, forKey: .plural)
    if isScenario { try container.encode(true, forKey: .hypothetical) }
    if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
  }
}

/// A kind of the model, by its index in `Model.kinds`.
public struct KindRef: Sendable, Hashable {
  public var index: Int

  public init(_ index: Int) {
    self.index = index
  }
}
