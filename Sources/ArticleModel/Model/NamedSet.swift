/// A set defined in the model by a query (`members` is `countries where member of csto`).
public struct NamedSet: Sendable, Codable {
  public var id: String
  public var query: String
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

  public init(id: String, query: String, origin: Origin? = nil) {
    self.id = id
    self.query = query
    self.origin = origin
  }
}

extension NamedSet: Equatable {
  /// Two sets are equal when they define the same name by the same query, wherever they stand.
  public static func == (lhs: NamedSet, rhs: NamedSet) -> Bool {
    lhs.id == rhs.id && lhs.query == rhs.query
  }
}
