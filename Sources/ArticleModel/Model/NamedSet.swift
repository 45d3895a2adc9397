/// A set defined in the model by a query (`members` is `countries where member of csto`).
public struct NamedSet: Sendable, Codable {
  public var id: String
  public var query: String
  /// Further names of the set, in lower case (`csto members`, `member`).
  public var aliases: [String]
  /// Where the query stands in the model file, so that its errors point there.
  public var origin: Origin?

  /// A place in a model file: its name and the UTF-8 offset of the query's first character.
  public struct Origin: Sendable, Equatable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  public init(id: String, query: String, origin: Origin? = nil, aliases: [String] = []) {
    self.id = id
    self.query = query
    self.origin = origin
    self.aliases = aliases
  }

  private enum CodingKeys: String, CodingKey {
    case id, query, aliases, origin
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    query = try container.decode(String.self, forKey: .query)
    aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
    origin = try container.decodeIfPresent(Origin.self, forKey: .origin)
  }

  /// `id` and `query`, `aliases` only when it has some, and `origin` when known.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(query, forKey: .query)
    if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
    try container.encodeIfPresent(origin, forKey: .origin)
  }
}

extension NamedSet: Equatable {
  /// Two sets are equal when they define the same name by the same query, wherever they stand.
  public static func == (lhs: NamedSet, rhs: NamedSet) -> Bool {
    lhs.id == rhs.id && lhs.query == rhs.query && lhs.aliases == rhs.aliases
  }
}
