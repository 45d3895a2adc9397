import ArticleQuery
import Syntax
import Testing

/// A query read line by line: what each line leaves open.
@Suite struct LineStateTests {
  /// The state after reading `lines` one by one.
  func state(_ lines: [String]) throws -> Lexer.LineState {
    var state = Lexer.LineState()
    for line in lines { try state.read(line) }
    return state
  }

  @Test func aParenthesisStaysOpenUntilClosed() throws {
    #expect(try state(["members where ("]).depth == 1)
    #expect(try state(["members where (", "criticized russia"]).isOpen)
    #expect(try !state(["members where (", "criticized russia)"]).isOpen)
    #expect(try !state(["members )"]).isOpen, "a stray ')' is the parser's to report")
  }

  @Test(arguments: [("\"nancy", Lexer.LineState.Quote.straight), ("“nancy", .curly)])
  func aQuoteStaysOpenOverLines(_ first: String, _ quote: Lexer.LineState.Quote) throws {
    #expect(try state(["who is \(first)"]).openQuote == quote)
    #expect(try state(["who is \(first)", "pelosi ( # not a comment"]).openQuote == quote)
    #expect(try state(["who is \(first)", "pelosi ( # not a comment"]).depth == 0)
    #expect(try !state(["who is \(first)", "pelosi\""]).isOpen)
  }

  @Test func aCurlyQuoteClosesWithEitherQuoteAndAStraightOneWithItsOwn() throws {
    #expect(try !state(["who is “nancy", "pelosi”"]).isOpen)
    #expect(try state(["who is \"nancy", "pelosi”"]).isOpen)
  }

  @Test func anEscapedQuoteDoesNotCloseTheName() throws {
    #expect(try state(["who is \"nancy", "pel\\\"osi"]).isOpen)
    #expect(try !state(["who is \"nancy", "pel\\\"osi\""]).isOpen)
  }

  @Test func whatFollowsTheClosingQuoteIsLexed() throws {
    let after = try state(["members where (visited by \"nancy", "pelosi\" or ("])
    #expect(after.depth == 2)
    #expect(after.openQuote == nil)
    #expect(try state(["who is \"nancy", "pelosi\" and \"x"]).openQuote == .straight)
  }

  @Test func aStrayCharacterIsThrownWhereItIs() throws {
    var state = Lexer.LineState()
    try state.read("who is \"nancy")
    #expect(throws: Diagnostic("unexpected character '!'", at: 8..<9)) {
      try state.read("pelosi\" !")
    }
  }

  @Test func aWholeQueryIsIncompleteWhileAQuoteIsOpen() {
    #expect(Lexer.isIncomplete("who is \"nancy\npelosi"))
    #expect(!Lexer.isIncomplete("who is \"nancy\npelosi\""))
    #expect(Lexer.isIncomplete("members where (criticized"))
    #expect(!Lexer.isIncomplete("members where criticized russia!"))
  }
}
