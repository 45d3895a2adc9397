import ArticleModel
import Testing

/// How a broken model file is reported beyond its first problem: every lexical error, each
/// error on the line it belongs to, no error that only follows from another, and a quote that
/// differs from its paragraph by a character one cannot see told which one.
@Suite struct ModelRecoveryTests {
  typealias Case = ModelCheckerTests.Case

  static func rendered(_ snippet: String) -> String {
    do {
      _ = try ModelCheckerTests.load(ModelCheckerTests.base + snippet)
      return "loaded"
    } catch {
      return error.rendered()
    }
  }

  static let cases: [Case] = [
    Case(
      "threeLexicalErrorsOnThreeLines",
      """
      entity iran "Iran" country @
      fact rakhmon criticized russia
        evidence 1 "Rakhmon criticized
      fact rakhmon criticized iran ^
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:28: error: unexpected character '@'
      entity iran "Iran" country @
                                 ^
      case.model:16:14: error: unterminated quoted name
        evidence 1 "Rakhmon criticized
                   ^~~~~~~~~~~~~~~~~~~
      note: a quoted name ends with " on the same line
      case.model:17:30: error: unexpected character '^'
      fact rakhmon criticized iran ^
                                   ^
      """),
    Case(
      "aLexicalErrorAndASyntaxErrorBothShow",
      """
      entity iran "Iran" country
        flag "x"
      fact rakhmon criticized iran
        evidence 1 "Rakhmon criticized Russia" ~
      """,
      """
      case.model:15:3: error: expected a clause of 'entity' or a new statement, found 'flag'
        flag "x"
        ^~~~
      case.model:17:42: error: unexpected character '~'
        evidence 1 "Rakhmon criticized Russia" ~
                                               ^
      """),
    Case(
      "missingObject",
      """
      fact rakhmon criticized
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:24: error: expected the object's id after 'criticized'
      fact rakhmon criticized
                             ^
      note: a fact begins: fact SUBJECT RELATION OBJECT
      """),
    Case(
      "missingRelationAndObjectBeforeTheNextFact",
      """
      fact rakhmon
      fact rakhmon criticized russia
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:13: error: expected a relation id after 'rakhmon'
      fact rakhmon
                  ^
      note: a fact begins: fact SUBJECT RELATION OBJECT
      """),
    Case(
      "duplicateDocument",
      """
      document d
        paragraph "Rakhmon criticized Russia again."
      fact rakhmon criticized russia
        evidence 2 "Russia’s hands"
      """,
      """
      case.model:14:10: error: duplicate document id 'd'
      document d
               ^
      """),
  ]

  @Test(arguments: cases)
  func everyErrorIsReportedWhereItIsAndNoFollowOns(_ test: Case) {
    #expect(Self.rendered(test.snippet) == test.rendered)
  }

  @Test func aLexicalErrorBeforeTheFirstStatementIsNotTheLastError() {
    let text = "~\n" + ModelCheckerTests.base + "entity russia \"Russia again\" country\n"
    let rendered: String
    do {
      _ = try ModelCheckerTests.load(text)
      rendered = "loaded"
    } catch {
      rendered = error.rendered()
    }
    #expect(
      rendered == """
        case.model:1:1: error: unexpected character '~'
        ~
        ^
        case.model:15:8: error: duplicate entity id 'russia'
        entity russia "Russia again" country
               ^~~~~~
        """)
  }

  /// A paragraph's look-alike character, the quote's, and the note that names them.
  struct LookAlike: Sendable, CustomTestStringConvertible {
    var paragraph: String
    var quote: String
    var note: String
    var testDescription: String { note }
  }

  /// Each quote sits in `  evidence d2 1 "…"`, whose content starts at column 18 (a
  /// backslash before a `"` takes a column too); the paragraph is `Putin said no to war.`
  /// with one character changed.
  static let lookAlikes: [LookAlike] = [
    LookAlike(
      paragraph: "Putin said\u{A0}no to war.", quote: "Putin said no",
      note: "the paragraph has U+00A0 NO-BREAK SPACE at column 28, where the quote has U+0020 SPACE"
    ),
    LookAlike(
      paragraph: "Putin said\u{2009}no to war.", quote: "Putin said no",
      note: "the paragraph has U+2009 THIN SPACE at column 28, where the quote has U+0020 SPACE"),
    LookAlike(
      paragraph: "Putin said no to war.", quote: "Putin\u{200B} said no",
      note: "the quote has U+200B ZERO WIDTH SPACE at column 23, which the paragraph lacks"),
    LookAlike(
      paragraph: "Putin said no to w\u{AD}ar.", quote: "no to war",
      note: "the paragraph has U+00AD SOFT HYPHEN at column 25, which the quote lacks"),
    LookAlike(
      paragraph: "Putin said “no” to war.", quote: "said \"no\"",
      note:
        "the paragraph has U+201C LEFT DOUBLE QUOTATION MARK at column 24, where the quote has U+0022 QUOTATION MARK"
    ),
    LookAlike(
      paragraph: "Putin said no – to war.", quote: "no - to",
      note: "the paragraph has U+2013 EN DASH at column 21, where the quote has U+002D HYPHEN-MINUS"
    ),
    LookAlike(
      paragraph: "Putin said no — to war.", quote: "no - to",
      note: "the paragraph has U+2014 EM DASH at column 21, where the quote has U+002D HYPHEN-MINUS"
    ),
    LookAlike(
      paragraph: "Putin’s no to war.", quote: "Putin's no",
      note:
        "the paragraph has U+2019 RIGHT SINGLE QUOTATION MARK at column 23, where the quote has U+0027 APOSTROPHE"
    ),
  ]

  @Test(arguments: lookAlikes)
  func aQuoteThatDiffersByALookAlikeIsToldWhichAndWhere(_ test: LookAlike) {
    let escapedQuote = test.quote.replacingOccurrences(of: "\"", with: "\\\"")
    let snippet = """
      document d2
        paragraph "\(test.paragraph)"
      fact rakhmon criticized russia
        evidence d2 1 "\(escapedQuote)"
      """
    let model = ModelCheckerTests.base.replacingOccurrences(
      of: "evidence 1", with: "evidence d 1")
    let rendered: String
    do {
      _ = try ModelCheckerTests.load(model + snippet)
      rendered = "loaded"
    } catch {
      rendered = error.rendered()
    }
    #expect(rendered.contains("error: quote not found verbatim in paragraph 1"), "\(rendered)")
    #expect(rendered.contains("note: " + test.note), "\(rendered)")
  }
}
