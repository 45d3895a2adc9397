import Testing

@testable import ArticleModel
@testable import ArticleQuery

/// Escapes and numbers that Foundation's string calls once made (`replacingOccurrences`,
/// `String(format:)`), now written out: the same output, byte by byte.
@Suite struct ByteEscapingTests {
  /// A quote is doubled, and the field quoted, wherever the quote is: also in a character with
  /// a combining mark after it; a CRLF, one character, quotes the field too.
  @Test(arguments: [
    ("say \"\u{301}x\"", "\"say \"\"\u{301}x\"\"\""), ("two\r\nlines", "\"two\r\nlines\""),
    ("a, b", "\"a, b\""), ("plain é", "plain é"), ("", ""),
  ])
  func csvFieldsAreQuotedByBytes(text: String, field: String) {
    #expect(CSVRenderer.field(text) == field)
    #expect(ModelExport.csvField(text) == field)
  }

  @Test func markdownCellsEscapeBarsAndLineFeeds() {
    #expect(
      MarkdownRenderer().escape("a|b\u{301}|\u{301}\r\nc\nd") == "a\\|b\u{301}\\|\u{301}\r c d")
  }

  /// `.timer on`'s footer: milliseconds with three decimals, as `%.3f` gave them.
  @Test(arguments: [
    (Duration.microseconds(12_345), "12.345"), (.nanoseconds(999_600), "1.000"),
    (.nanoseconds(40), "0.000"), (.seconds(2), "2000.000"), (.nanoseconds(3_004_499), "3.004"),
    (.zero, "0.000"), (.seconds(-1), "0.000"),
  ])
  func theTimerShowsMillisecondsWithThreeDecimals(elapsed: Duration, shown: String) throws {
    #expect(TableRenderer.milliseconds(elapsed) == shown)
    let answer = try QueryEngine().evaluate("members")
    let text = Renderer.render(answer, options: RenderOptions(elapsed: elapsed))
    #expect(text.contains(" in \(shown) ms)"), "\(text)")
  }
}
