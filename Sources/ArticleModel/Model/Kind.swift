/// A kind of entity (`country`) and the name of the set of all entities of that kind
/// (`countries`).
public struct Kind: Sendable, Equatable, Codable {
  public var id: String
  public var plural: String

  public init(id: String, plural: String) {
    self.id = id
    self.plural = plural
  }
}
