import Syntax
import Testing

/// The lexer's tokens.
@Suite struct LexerTests {
  @Test func aQuotedNameKeepsItsLineBreak() throws {
    let tokens = try Lexer.tokenize("who is \"nancy\npelosi\"")
    #expect(tokens.map(\.kind) == [.word, .word, .string, .end])
    #expect(tokens[2].text == "nancy\npelosi")
  }
}
