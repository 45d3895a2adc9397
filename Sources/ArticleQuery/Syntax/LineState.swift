import Syntax

extension Lexer {
  /// True while `source` leaves a quote or a parenthesis open, so that a line-oriented reader
  /// should read another line before evaluating it.
  public static func isIncomplete(_ source: String) -> Bool {
    var state = LineState()
    do {
      try state.read(source)
      return state.isOpen
    } catch {
      return false
    }
  }

  /// Where a query read line by line stands after its last line: how many parentheses are
  /// open, and whether a quoted name is. A reader that feeds it each line as it comes (a
  /// prompt, a script) knows when the query is complete without lexing its earlier lines again,
  /// so a query of many lines costs what its length does.
  public struct LineState: Sendable, Equatable {
    /// Parentheses opened and not yet closed (negative when more were closed).
    public private(set) var depth = 0
    /// The quote a quoted name still open began with, if one is.
    public private(set) var openQuote: Quote?

    /// The two kinds of opening quote: `"` closes with `"`, `“` with `”` or `"`.
    public enum Quote: Sendable, Equatable {
      case straight, curly
    }

    public init() {}

    /// Whether the query needs another line: a parenthesis or a quoted name is open.
    public var isOpen: Bool { depth > 0 || openQuote != nil }

    /// Reads the next line of the query. A lexical error other than a quote left open at the
    /// line's end (a stray character, say) is thrown, with its range in `line`.
    public mutating func read(_ line: String) throws(Diagnostic) {
      let result: Scanned = Lexer.scanning(line) { lexer in
        var depth = 0
        if let quote = openQuote {
          var escaped = false
          guard lexer.skipToClosingQuote(curly: quote == .curly, escaped: &escaped) != nil
          else { return .read(0, quote) }
        }
        while true {
          do throws(Diagnostic) {
            let lexeme = try lexer.next()
            switch lexeme.kind {
            case .leftParen: depth += 1
            case .rightParen: depth -= 1
            case .end: return .read(depth, nil)
            default: continue
            }
          } catch {
            // Only a string's error starts at a quote: the lexer reached the line's end in it.
            let start = error.range.lowerBound
            guard lexer.isQuote(at: start) else { return .failed(error) }
            return .read(depth, lexer.isCurlyQuote(at: start) ? .curly : .straight)
          }
        }
      }
      switch result {
      case .read(let change, let quote):
        depth += change
        openQuote = quote
      case .failed(let error):
        throw error
      }
    }

    /// What reading a line gives: the change in depth and the quote left open, or the error.
    /// Not a `Result`, whose type with `Diagnostic` would be made at run time, its `Error`
    /// conformance looked up among all the binary's (0.18M instructions of a one-shot query).
    private enum Scanned {
      case read(Int, Quote?)
      case failed(Diagnostic)
    }
  }
}
