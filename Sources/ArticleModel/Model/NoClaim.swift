/// A sentence the model declares to make no claim (a byline, a disclaimer's courtesy, a
/// sentence whose claims another sentence states), with the reason: `Coverage` counts it
/// as accounted for, not as uncited.
public struct NoClaim: Sendable, Equatable, Codable {
  /// Index of the document in the model.
  public var document: Int
  public var paragraph: Int
  /// A verbatim stretch of the sentence.
  public var quote: String
  /// Why the sentence has no fact.
  public var reason: String

  public init(document: Int, paragraph: Int, quote: String, reason: String) {
    self.document = document
    self.paragraph = paragraph
    self.quote = quote
    self.reason = reason
  }
}
