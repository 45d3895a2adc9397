/// Turns text into tokens. Words are runs of letters, digits and `_ - ' ’`, with inner dots
/// (`u.s`); numbers are runs of digits; names may be quoted with `"…"` or `“…”`; `#` starts a
/// comment that runs to the end of the line. Unicode text is read as characters, not bytes,
/// and every token keeps the UTF-8 range it came from.
public struct Lexer {
  private let scalars: [Unicode.Scalar]
  private let offsets: [Int]
  private var index = 0
  private var tokens: [Token] = []

  /// The tokens of `source`, ending with an `.end` token, or the first lexical error.
  public static func tokenize(_ source: String) throws(Diagnostic) -> [Token] {
    var lexer = Lexer(source)
    return try lexer.run()
  }

  /// True while `source` leaves a quote or a parenthesis open, so that a line-oriented reader
  /// should read another line before evaluating it.
  public static func isIncomplete(_ source: String) -> Bool {
    var lexer = Lexer(source)
    do {
      let tokens = try lexer.run()
      var depth = 0
      for token in tokens {
        if token.kind == .leftParen { depth += 1 }
        if token.kind == .rightParen { depth -= 1 }
      }
      return depth > 0
    } catch {
      return error.message.hasPrefix("unterminated")
    }
  }

  private init(_ source: String) {
    scalars = Array(source.unicodeScalars)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += UTF8.width(scalar)
    }
    offsets.append(offset)
    self.offsets = offsets
  }

  private mutating func run() throws(Diagnostic) -> [Token] {
    while index < scalars.count {
      let scalar = scalars[index]
      let start = index
      switch scalar {
      case " ", "\t", "\n", "\r", "\u{A0}", "\u{FEFF}":
        index += 1
      case "#":
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
      case "(": single(.leftParen, start)
      case ")": single(.rightParen, start)
      case ";": single(.semicolon, start)
      case ",": single(.comma, start)
      case "?": single(.question, start)
      case "\"", "“", "”":
        try string(opening: scalar)
      default:
        if scalar.properties.numericType != nil, isASCIIDigit(scalar) {
          number()
        } else if isWordStart(scalar) {
          word()
        } else {
          throw Diagnostic(
            "unexpected character '\(Character(scalar))'", at: offsets[start]..<offsets[start + 1])
        }
      }
    }
    tokens.append(Token(.end, "", offsets[index]..<offsets[index]))
    return tokens
  }

  private mutating func single(_ kind: Token.Kind, _ start: Int) {
    index += 1
    tokens.append(Token(kind, String(Character(scalars[start])), offsets[start]..<offsets[index]))
  }

  private mutating func number() {
    let start = index
    while index < scalars.count, isASCIIDigit(scalars[index]) { index += 1 }
    if index < scalars.count, isWordPart(scalars[index]) {
      index = start
      word()
      return
    }
    tokens.append(Token(.number, text(start..<index), offsets[start]..<offsets[index]))
  }

  private mutating func word() {
    let start = index
    var dotted = false
    while index < scalars.count {
      let scalar = scalars[index]
      if isWordPart(scalar) {
        index += 1
      } else if scalar == ".", index > start,
        dotted || (index + 1 < scalars.count && isWordStart(scalars[index + 1]))
      {
        // An inner dot (`u.s`), and the last dot of an abbreviation (`u.s.`).
        dotted = true
        index += 1
      } else {
        break
      }
    }
    tokens.append(Token(.word, text(start..<index), offsets[start]..<offsets[index]))
  }

  private mutating func string(opening: Unicode.Scalar) throws(Diagnostic) {
    let start = index
    let closing: Unicode.Scalar = opening == "\"" ? "\"" : "”"
    index += 1
    var content = String.UnicodeScalarView()
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == closing || (closing == "”" && scalar == "\"") {
        index += 1
        tokens.append(Token(.string, String(content), offsets[start]..<offsets[index]))
        return
      }
      if scalar == "\\", index + 1 < scalars.count {
        index += 1
        content.append(scalars[index])
      } else if scalar == "\n" {
        break
      } else {
        content.append(scalar)
      }
      index += 1
    }
    throw Diagnostic(
      "unterminated quoted name", at: offsets[start]..<offsets[index],
      notes: ["a quoted name ends with \" on the same line"])
  }

  private func text(_ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range])
    return String(view)
  }

  private func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= UInt32(UInt8(ascii: "0")) && scalar.value <= UInt32(UInt8(ascii: "9"))
  }

  private func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar == "_" || isASCIIDigit(scalar)
  }

  private func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
    isWordStart(scalar) || scalar == "-" || scalar == "'" || scalar == "’"
      || scalar.properties.generalCategory == .nonspacingMark
  }
}
