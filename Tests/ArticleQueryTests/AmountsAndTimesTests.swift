import ArticleModel
import ArticleQuery
import Testing

/// Readers' wording of amounts, times and places: `how much money`/`how many troops` before
/// the claim, a time after `in` at the end (`in the winter of 2022`), and the object of a
/// relation that ends in `at` or `in` as the answer to `where` (the quote in each comment).
@Suite struct AmountsAndTimesTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  /// A question, the values the article gives and the paragraphs that give them, as in
  /// `WhQuestionTests`.
  typealias Case = WhQuestionTests.Case

  static let cases: [Case] = [
    // ¶7 "this year the US Department of Defense budgeted $500 million for various programs of
    // military cooperation with the post-Soviet countries of Central Asia"
    Case(
      query: "how much money did the pentagon budget for military cooperation",
      values: ["$500 million"], paragraphs: [7]),
    Case(
      query: "how much did washington spend on military cooperation in central asia",
      values: ["$500 million"], paragraphs: [7]),
    // ¶8 "which obviously required more resources than originally planned"
    Case(
      query: "how many resources did the special operation require",
      values: ["more resources than originally planned"], paragraphs: [8]),
    // ¶2 "to withdraw troops from Kazakh territory": troops were sent, their number is not given
    Case(query: "how many troops did the csto send to kazakhstan", values: []),
    Case(
      query: "when did the csto send troops to kazakhstan", values: ["winter of 2022"],
      paragraphs: [2]),
    // ¶3 "relatively large-scale military operations in mid-September of this year"
    Case(
      query: "when did the large-scale military operations take place",
      values: ["mid-September of this year"], paragraphs: [3]),
    // ¶14 "lecturer at the Department of General History and Foreign Regional Studies at the
    // Russian-Armenian University in Yerevan"
    Case(
      query: "where does evstratov lecture", values: ["Russian-Armenian University"],
      paragraphs: [14]),
  ]

  @Test(arguments: cases) func valuesAreTheArticles(_ testCase: Case) throws {
    let answer: Answer
    do {
      answer = try engine.evaluate(testCase.query)
    } catch {
      // A question the language refuses must be one whose answer is empty here.
      #expect(testCase.values.isEmpty, "\(testCase.query): \(error.message)")
      return
    }
    #expect(answer.kind == .values)
    #expect(answer.names == testCase.values)
    guard case .values(let values) = answer.body else { return }
    #expect(Set(values.flatMap(\.evidence).map(\.paragraph)).sorted() == testCase.paragraphs)
  }

  /// `how many SET` still counts; words that name no set before `did` are what is measured.
  @Test func howManyOfASetStillCounts() throws {
    // ¶7: Kyrgyzstan, Tajikistan and Kazakhstan were invited
    let answer = try engine.evaluate("how many countries did the americans invite")
    #expect(answer.count == 3)
  }

  /// A time after `in` is the same condition as `when` with its words.
  @Test(arguments: [
    (
      "what happened in kazakhstan in the winter of 2022",
      "what happened in kazakhstan when winter of 2022"
    ),
    ("what happened in armenia in mid-september", "what happened in armenia when mid-september"),
    (
      "who did the csto help in kazakhstan in the winter of 2022",
      "who did the csto help in kazakhstan when winter"
    ),
  ])
  func aTimeAfterInIsWhen(_ pair: (String, String)) throws {
    let asked = try engine.evaluate(pair.0)
    let plain = try engine.evaluate(pair.1)
    #expect(!asked.facts.isEmpty || !asked.results.isEmpty)
    #expect(asked.facts.map(\.sentence) == plain.facts.map(\.sentence))
    #expect(asked.results.map(\.name) == plain.results.map(\.name))
  }

  /// `what happened in TIME` lists the facts of that time, as `facts when` does.
  @Test func whatHappenedInATimeIsTheFactsOfThatTime() throws {
    let asked = try engine.evaluate("what happened in the winter of 2022")
    let plain = try engine.evaluate("facts when \"winter of 2022\"")
    #expect(!asked.facts.isEmpty)
    #expect(asked.facts.map(\.sentence) == plain.facts.map(\.sentence))
    // ¶3 "relatively large-scale military operations in mid-September of this year"
    let september = try engine.evaluate("what happened in mid-september")
    #expect(september.facts.allSatisfy { $0.paragraph == 3 })
    #expect(september.facts.contains { $0.subject == "Armenia" && $0.object == "Azerbaijan" })
  }

  /// ¶3: the mid-September fighting is between Armenia and Azerbaijan, a symmetric relation
  /// that happened in either.
  @Test func whatHappenedInArmeniaNamesAzerbaijan() throws {
    let answer = try engine.evaluate("what happened in armenia in mid-september")
    #expect(answer.facts.contains { $0.subject == "Armenia" && $0.object == "Azerbaijan" })
  }

  /// A time the article never gives is no time: `in` then reads a name, and the error is
  /// positioned at it.
  @Test func aTimeTheArticleNeverGivesIsAnError() {
    #expect(throws: (any Error).self) {
      try engine.evaluate("what happened in kazakhstan in the summer of 2021")
    }
  }
}
