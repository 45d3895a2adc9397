/// A token of the query language and the model format, which share their lexical rules.
public struct Token: Sendable, Equatable {
  /// What the token is; the raw value is how messages spell it.
  public enum Kind: String, Sendable {
    case word
    case number
    case string = "quoted name"
    case leftParen = "'('"
    case rightParen = "')'"
    case semicolon = "';'"
    case comma = "','"
    case question = "'?'"
    case end = "end of input"
  }

  public var kind: Kind
  /// The word as written, the digits of a number, or the content of a string (unescaped).
  public var text: String
  /// The UTF-8 offsets the token covers in its source, quotes included.
  public var range: Range<Int>

  public init(_ kind: Kind, _ text: String, _ range: Range<Int>) {
    self.kind = kind
    self.text = text
    self.range = range
  }

  /// The word folded for comparison: words are case-insensitive.
  public var folded: String { text.lowercased() }

  /// How a message names the token: `'wher'`, `'('`, `end of input`; a quoted name that runs
  /// over lines on one line, its line breaks shown as the spaces they count as.
  public var description: String {
    switch kind {
    case .word, .number: "'\(text)'"
    case .string:
      "\"\(text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " "))\""
    default: kind.rawValue
    }
  }
}
