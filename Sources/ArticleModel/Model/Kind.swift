/// A kind of entity (`country`) and the name of the set of all entities of that kind
/// (`countries`).
public struct Kind: Sendable, Equatable, Codable {
  public var id: String
  public var plural: String
  /// Whether the kind's entities are scenarios (the model says `hypothetical`): what might
  /// happen, which facts can be said of (`scenario ID`) rather than things that act.
  public var isScenario: Bool

  public init(id: String, plural: String, isScenario: Bool = false) {
    self.id = id
    self.plural = plural
    self.isScenario = isScenario
  }

  private enum CodingKeys: String, CodingKey {
    case id, plural, hypothetical
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    plural = try container.decode(String.self, forKey: .plural)
    isScenario = try container.decodeIfPresent(Bool.self, forKey: .hypothetical) ?? false
  }

  /// `id` and `plural`, and `hypothetical` only for a kind of scenarios.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(plural, forKey: .plural)
    if isScenario { try container.encode(true, forKey: .hypothetical) }
  }
}

/// A kind of the model, by its index in `Model.kinds`.
public struct KindRef: Sendable, Hashable {
  public var index: Int

  public init(_ index: Int) {
    self.index = index
  }
}
