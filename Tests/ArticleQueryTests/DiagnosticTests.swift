import ArticleModel
import ArticleQuery
import Testing

/// Mistakes a reader makes, each with its whole rendered message: what was expected, what
/// was found, the line and column, a caret under the place, and suggestions.
@Suite struct DiagnosticTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var rendered: String
    init(_ query: String, _ rendered: String) {
      self.query = query
      self.rendered = rendered
    }
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    Case(
      "facts in paragraph 99",
      """
      query:1:20: error: no paragraph 99: the article has paragraphs 1 to 15
      facts in paragraph 99
                         ^~
      """),
    Case(
      "count facts in paragraph 0 assuming iran joins the csto",
      """
      query:1:26: error: no paragraph 0: the article has paragraphs 1 to 15
      count facts in paragraph 0 assuming iran joins the csto
                               ^
      """),
    Case(
      "facts in paragraph 3 of the_article",
      """
      query:1:25: error: unknown document 'the_article': the documents are csto_article
      facts in paragraph 3 of the_article
                              ^~~~~~~~~~~
      """),
    Case(
      "members wher criticized russia",
      """
      query:1:9: error: expected 'where', 'assuming' or ';', found 'wher'
      members wher criticized russia
              ^~~~
      did you mean 'where'?
      """),
    Case(
      "countries where visited by pelosy",
      """
      query:1:28: error: unknown name 'pelosy'
      countries where visited by pelosy
                                 ^~~~~~
      did you mean 'pelosi'?
      """),
    Case(
      "members where critisized russia",
      """
      query:1:15: error: expected a relation, found 'critisized'
      members where critisized russia
                    ^~~~~~~~~~
      did you mean 'criticized', 'criticised' or 'criticize'?
      """),
    Case(
      "people where president of (members where criticized russia",
      """
      query:1:59: error: expected ')', found end of input
      people where president of (members where criticized russia
                                                                ^
      """),
    Case(
      "countries where visited by \"pelosi",
      """
      query:1:28: error: unterminated quoted name
      countries where visited by "pelosi
                                 ^~~~~~~
      note: a quoted name ends with "
      """),
    Case(
      "who is \"nancy\npelosi\nmembers\nfacts about \"armenia\"",
      """
      query:4:21: error: unterminated quoted name
      facts about "armenia"
                          ^
      note: a quoted name ends with "
      note: the quoted name before it, "nancy pelosi members facts about", runs over 4 lines: \
      is its closing " missing?
      """),
    Case(
      "members where criticized \"rus\nsia\"",
      """
      query:1:26: error: unknown name "rus sia"
      members where criticized "rus
                               ^~~~
      did you mean 'russia' or 'russian'?
      """),
    Case(
      "members where criticized",
      """
      query:1:25: error: expected a name or a set, found end of input
      members where criticized
                              ^
      """),
    Case(
      "members where criticized russia!",
      """
      query:1:32: error: unexpected character '!'
      members where criticized russia!
                                     ^
      """),
    Case(
      "members where",
      """
      query:1:14: error: expected a relation, found end of input
      members where
                   ^
      """),
    Case(
      "memebrs",
      """
      query:1:1: error: expected a set or a question, found 'memebrs'
      memebrs
      ^~~~~~~
      did you mean 'members'?
      """),
    Case(
      "belarus",
      """
      query:1:1: error: expected a set or a question, found 'belarus'
      belarus
      ^~~~~~~
      note: to see what the article says about it, type: show belarus
      """),
    Case(
      "facts in paragraph x",
      """
      query:1:20: error: expected a paragraph number, found 'x'
      facts in paragraph x
                         ^
      """),
    Case(
      "what pelosi visited",
      """
      query:1:6: error: expected 'did' (as in: what did pelosi visit), found 'pelosi'
      what pelosi visited
           ^~~~~~
      note: try: what did pelosi visited
      """),
    Case(
      "members)",
      """
      query:1:8: error: expected ';' or the end of the query, found ')'
      members)
             ^
      note: try: members
      """),
    Case(
      "members assuming belarus joins russia",
      """
      query:1:18: error: no scenario of the article has Belarus joins Russia
      members assuming belarus joins russia
                       ^~~~~~~~~~~~~~~~~~~~
      note: the scenarios: decisive Russian victory in Ukraine; extensive efforts; skillful actions of the new command; use of new weapons; Iran joins the CSTO; Azerbaijani-Iranian conflict
      """),
    Case(
      "why tajikistan",
      """
      query:1:15: error: expected a relation, found end of input
      why tajikistan
                    ^
      note: try: show tajikistan
      """),
    Case(
      "show \"nobody\"",
      """
      query:1:6: error: unknown name "nobody"
      show "nobody"
           ^~~~~~~~
      """),
    Case(
      "count",
      """
      query:1:6: error: expected a set or a question, found end of input
      count
           ^
      """),
    Case(
      "count show belarus",
      """
      query:1:7: error: a sub-query here must answer entities (a set, who or what did), not 'show'
      count show belarus
            ^~~~~~~~~~~~
      note: try: show belarus
      """),
    Case(
      "members where criticized (show russia)",
      """
      query:1:27: error: a sub-query here must answer entities (a set, who or what did), not 'show'
      members where criticized (show russia)
                                ^~~~~~~~~~~
      """),
    Case(
      "who is",
      """
      query:1:7: error: expected a relation, found end of input
      who is
            ^
      """),
    Case(
      "facts about",
      """
      query:1:12: error: expected a name or a set, found end of input
      facts about
                 ^
      """),
    Case(
      "members where not",
      """
      query:1:18: error: expected a relation, found end of input
      members where not
                       ^
      """),
    Case(
      "countries where visited by the",
      """
      query:1:28: error: expected a name or a set, found 'the'
      countries where visited by the
                                 ^~~
      """),
    Case(
      "show nancy pelosy",
      """
      query:1:6: error: unknown name 'nancy pelosy'
      show nancy pelosy
           ^~~~~~~~~~~~
      did you mean 'nancy pelosi'?
      """),
  ]

  @Test(arguments: cases) func rendersTheWholeMessage(_ testCase: Case) throws {
    let engine = try QueryEngine()
    let results = engine.run(testCase.query)
    guard case .failure(let error) = results.last else {
      Issue.record("no error for \(testCase.query)")
      return
    }
    #expect(error.rendered(sourceName: "query") == testCase.rendered)
  }

  /// A set defined through another set by itself: the error is in the model file, under the
  /// name that closes the cycle.
  @Test func aSetDefinedByItselfIsAnErrorAtTheNameThatClosesTheCycle() throws {
    let text = """
      document d
        paragraph "Alpha met Beta."
      kind country plural "countries"
      relation meets "met"
        past "met" base "meet"
      entity alpha "Alpha" country
      entity beta "Beta" country
      set friends "countries where met (allies where met beta)"
      set allies "friends where met alpha"
      fact alpha meets beta
        evidence 1 "Alpha met Beta"
      """
    let model = try ModelLoader.load(text: text, name: "cycle.model") { $0 }
    #expect(throws: QueryError.self) { try QueryEngine(model: model) }
    do {
      _ = try QueryEngine(model: model)
    } catch {
      #expect(
        error.rendered() == """
          cycle.model:8:35: error: the set 'friends' is defined by itself: friends → allies → friends
                       countries where met (allies where met beta)
                                            ^~~~~~
          """)
    }
  }

  @Test func aScriptPlacesTheErrorOnItsOwnLine() throws {
    let engine = try QueryEngine()
    guard case .failure(let error) = engine.run("members wher criticized russia").first else {
      Issue.record("no error")
      return
    }
    let rendered = error.rendered(sourceName: "threads.csto", firstLine: 12)
    #expect(rendered.hasPrefix("threads.csto:12:9: error: expected 'where'"))
  }
}
