/// Turns text into tokens. Words are runs of letters, digits and `_ - ' ’`, with inner dots
/// (`u.s`); numbers are runs of digits; names may be quoted with `"…"` or `“…”`, and a quoted
/// name in a query may run over a line break (a model's quotes end on their line); `#` starts
/// a comment that runs to the end of the line. Unicode text is read as characters, not bytes,
/// and every token keeps the UTF-8 range it came from.
///
/// The lexer walks the text's UTF-8 bytes and hands out one token at a time (`next()`), each
/// a kind and a byte range: the text of a token is made only when asked for, so that a model
/// file of a million facts is read without a string per token. ASCII takes a fast path; other
/// characters are decoded and classified by their Unicode properties, as before.
public struct Lexer {
  /// A token as the lexer finds it: its kind and the bytes it covers.
  public struct Lexeme: Sendable {
    public var kind: Token.Kind
    /// The bytes of the token, quotes included.
    public var range: Range<Int>
    /// The bytes of a string's content, without its quotes; the range for other tokens.
    public var content: Range<Int>
    /// True when a string's content has backslash escapes to undo.
    public var escaped = false

    public init(_ kind: Token.Kind, _ range: Range<Int>, content: Range<Int>? = nil) {
      self.kind = kind
      self.range = range
      self.content = content ?? range
    }
  }

  public let bytes: UnsafeBufferPointer<UInt8>
  /// Whether a quoted name goes on over a line break (in a query) or ends unclosed there (in
  /// a model, whose every quote is on one line: a missing `"` is reported on its own line).
  public let stringsSpanLines: Bool
  private var index = 0

  public init(bytes: UnsafeBufferPointer<UInt8>, stringsSpanLines: Bool = true) {
    self.bytes = bytes
    self.stringsSpanLines = stringsSpanLines
  }

  /// The tokens of `source`, ending with an `.end` token, or the first lexical error.
  ///
  /// A quote left open at the end is often the closing quote of an earlier name that was
  /// missing: that name ran over line breaks up to this quote. The error then says so.
  public static func tokenize(_ source: String) throws(Diagnostic) -> [Token] {
    let tokens: Result<[Token], Diagnostic> = scanning(source) { lexer in
      var tokens: [Token] = []
      var spanning: Token?
      do throws(Diagnostic) {
        while true {
          let lexeme = try lexer.next()
          let token = lexer.token(lexeme)
          if lexeme.kind == .string, token.text.contains("\n") { spanning = token }
          tokens.append(token)
          if lexeme.kind == .end { return .success(tokens) }
        }
      } catch {
        if let spanning, lexer.isQuote(at: error.range.lowerBound) {
          return .failure(error.noting(Self.missingQuote(before: spanning)))
        }
        return .failure(error)
      }
    }
    return try tokens.get()
  }

  /// A note for a quoted name that runs over line breaks and so may lack its closing quote.
  private static func missingQuote(before name: Token) -> String {
    let lines = name.text.split(separator: "\n", omittingEmptySubsequences: false)
    let words = name.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let shown = words.count > 40 ? words.prefix(40) + "…" : Substring(words)
    return "the quoted name before it, \"\(shown)\", runs over \(lines.count) lines:"
      + " is its closing \" missing?"
  }

  /// Runs `body` with a lexer over the UTF-8 bytes of `source`.
  public static func scanning<T>(
    _ source: String, stringsSpanLines: Bool = true, _ body: (inout Lexer) -> T
  ) -> T {
    UTF8Text.withBytes(of: source) { bytes in
      var lexer = Lexer(bytes: bytes, stringsSpanLines: stringsSpanLines)
      return body(&lexer)
    }
  }

  // MARK: tokens

  /// The next token; `.end` at the end of the text, and again after it.
  public mutating func next() throws(Diagnostic) -> Lexeme {
    while index < bytes.count {
      let byte = bytes[index]
      let start = index
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "#"):
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      case UInt8(ascii: "("): return single(.leftParen)
      case UInt8(ascii: ")"): return single(.rightParen)
      case UInt8(ascii: ";"): return single(.semicolon)
      case UInt8(ascii: ","): return single(.comma)
      case UInt8(ascii: "?"): return single(.question)
      case UInt8(ascii: "\""): return try string(curly: false)
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
      case 0..<0x80:
        if Self.isASCIIWordStart(byte) { return word() }
        throw unexpected(at: start)
      default:
        let (scalar, width) = decode(at: index)
        switch scalar {
        case "\u{A0}", "\u{FEFF}": index += width
        case "“", "”": return try string(curly: true)
        default:
          if Self.isWordStart(scalar) { return word() }
          throw unexpected(at: start)
        }
      }
    }
    return Lexeme(.end, index..<index)
  }

  /// Moves past the text a lexical error covers (the unexpected character, or the unclosed
  /// string up to its line's end), so that the tokens after it can be read: a model file
  /// reports all its lexical errors, not only the first.
  public mutating func skip(past error: Diagnostic) {
    index = max(index, min(error.range.upperBound, bytes.count))
  }

  /// Goes on reading at `offset` (clamped to the text): a model file parsed in pieces reads
  /// each from the start of a line. (A quote whose line ends in a backslash runs on into the
  /// next line, so a line's start is not always a token's: the loader takes a piece only when
  /// reading in order reaches its start as a statement's.)
  public mutating func move(to offset: Int) {
    index = min(max(0, offset), bytes.count)
  }

  /// The token a lexeme stands for, with its text: the word as written, the digits, the
  /// string's content unescaped, the punctuation.
  public func token(_ lexeme: Lexeme) -> Token {
    Token(lexeme.kind, text(of: lexeme), lexeme.range)
  }

  /// The text of a lexeme, as `Token.text` holds it.
  public func text(of lexeme: Lexeme) -> String {
    guard lexeme.escaped else { return string(lexeme.content) }
    var content: [UInt8] = []
    content.reserveCapacity(lexeme.content.count)
    var at = lexeme.content.lowerBound
    while at < lexeme.content.upperBound {
      if bytes[at] == UInt8(ascii: "\\") { at += 1 }
      let width = UTF8Text.width(of: bytes[at])
      content.append(contentsOf: bytes[at..<(at + width)])
      at += width
    }
    return String(decoding: content, as: UTF8.self)
  }

  /// The text of a byte range.
  public func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The word in `range` folded to lowercase, as `Token.folded` folds it.
  public func folded(_ range: Range<Int>) -> String {
    UTF8Text.lowercased(UnsafeBufferPointer(rebasing: bytes[range]))
  }

  private mutating func single(_ kind: Token.Kind) -> Lexeme {
    index += 1
    return Lexeme(kind, (index - 1)..<index)
  }

  private mutating func number() -> Lexeme {
    let start = index
    while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    if index < bytes.count, isWordPart(at: index) {
      index = start
      return word()
    }
    return Lexeme(.number, start..<index)
  }

  private mutating func word() -> Lexeme {
    let start = index
    var dotted = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if Self.isASCIIWordPart(byte) {
          index += 1
        } else if byte == UInt8(ascii: "."), index > start,
          dotted || (index + 1 < bytes.count && isWordStart(at: index + 1))
        {
          // An inner dot (`u.s`), and the last dot of an abbreviation (`u.s.`).
          dotted = true
          index += 1
        } else {
          break
        }
      } else {
        let (scalar, width) = decode(at: index)
        guard Self.isWordPart(scalar) else { break }
        index += width
      }
    }
    return Lexeme(.word, start..<index)
  }

  /// A string from its opening quote: `"…"` closes with `"`, `“…”` with `”` or `"`. A
  /// backslash takes the next character as it is. The text's end leaves the string unclosed,
  /// and so does a line break unless `stringsSpanLines`.
  private mutating func string(curly: Bool) throws(Diagnostic) -> Lexeme {
    let start = index
    index += curly ? 3 : 1
    let contentStart = index
    var escaped = false
    if let contentEnd = skipToClosingQuote(curly: curly, escaped: &escaped) {
      var lexeme = Lexeme(.string, start..<index, content: contentStart..<contentEnd)
      lexeme.escaped = escaped
      return lexeme
    }
    throw Diagnostic(
      "unterminated quoted name", at: start..<index,
      notes: [
        stringsSpanLines
          ? "a quoted name ends with \"" : "a quoted name ends with \" on the same line"
      ])
  }

  /// Moves past the rest of a string's content and its closing quote; gives back where the
  /// content ends, or nil when the text (or the line, unless `stringsSpanLines`) ends first.
  public mutating func skipToClosingQuote(curly: Bool, escaped: inout Bool) -> Int? {
    if !curly, let end = plainStringEnd() {
      index = end + 1
      return end
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || (curly && isClosingCurlyQuote(at: index)) {
        let contentEnd = index
        index += byte == UInt8(ascii: "\"") ? 1 : 3
        return contentEnd
      }
      if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
        escaped = true
        index += 1 + UTF8Text.width(of: bytes[index + 1])
      } else if byte == UInt8(ascii: "\n") && !stringsSpanLines {
        return nil
      } else {
        index += 1
      }
    }
    return nil
  }

  /// Where a `"…"` string whose content starts at `index` ends, found with `memchr` when no
  /// backslash and no line break it cannot span come before its closing quote: the quotes of a
  /// model file are long and plain. Nil leaves the string to be read byte by byte.
  private func plainStringEnd() -> Int? {
    guard let end = UTF8Text.firstOffset(of: UInt8(ascii: "\""), in: bytes, from: index) else {
      return nil
    }
    let content = UnsafeBufferPointer(rebasing: bytes[index..<end])
    if UTF8Text.firstOffset(of: UInt8(ascii: "\\"), in: content, from: 0) != nil { return nil }
    if !stringsSpanLines, UTF8Text.firstOffset(of: UInt8(ascii: "\n"), in: content, from: 0) != nil
    {
      return nil
    }
    return end
  }

  private func unexpected(at start: Int) -> Diagnostic {
    let (scalar, width) = decode(at: start)
    return Diagnostic(
      "unexpected character '\(Character(scalar))'", at: start..<(start + width))
  }

  // MARK: characters

  /// `"`, `“` or `”` at `at`: where a string, and so its error, starts.
  public func isQuote(at offset: Int) -> Bool {
    offset < bytes.count && (bytes[offset] == UInt8(ascii: "\"") || isCurlyQuote(at: offset))
  }

  /// `“` (E2 80 9C) or `”` (E2 80 9D) at `at`.
  public func isCurlyQuote(at offset: Int) -> Bool {
    offset + 2 < bytes.count && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80
      && (bytes[offset + 2] == 0x9C || bytes[offset + 2] == 0x9D)
  }

  /// `”` (E2 80 9D) at `at`.
  private func isClosingCurlyQuote(at offset: Int) -> Bool {
    offset + 2 < bytes.count && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80
      && bytes[offset + 2] == 0x9D
  }

  /// The scalar whose UTF-8 encoding starts at `at`, and its length in bytes.
  private func decode(at offset: Int) -> (Unicode.Scalar, Int) {
    UTF8Text.scalar(in: bytes, at: offset)
  }

  private func isWordStart(at offset: Int) -> Bool {
    let byte = bytes[offset]
    return byte < 0x80 ? Self.isASCIIWordStart(byte) : Self.isWordStart(decode(at: offset).0)
  }

  private func isWordPart(at offset: Int) -> Bool {
    let byte = bytes[offset]
    return byte < 0x80 ? Self.isASCIIWordPart(byte) : Self.isWordPart(decode(at: offset).0)
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Letters, digits and `_`: a bit for each ASCII byte, bytes 0–63 in the first number.
  private static func isASCIIWordStart(_ byte: UInt8) -> Bool {
    let bits: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
    return bits >> (byte & 63) & 1 != 0
  }

  /// Letters, digits, `_`, `-` and `'`, as `isASCIIWordStart` tells them.
  private static func isASCIIWordPart(_ byte: UInt8) -> Bool {
    let bits: UInt64 = byte < 64 ? 0x03FF_2080_0000_0000 : 0x07FF_FFFE_87FF_FFFE
    return bits >> (byte & 63) & 1 != 0
  }

  private static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII
      ? isASCIIWordStart(UInt8(scalar.value)) : scalar.properties.isAlphabetic
  }

  private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return isASCIIWordPart(UInt8(scalar.value)) }
    return scalar.properties.isAlphabetic || scalar == "’"
      || scalar.properties.generalCategory == .nonspacingMark
  }
}
