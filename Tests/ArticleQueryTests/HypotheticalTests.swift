import ArticleQuery
import Testing

/// `how many SET ...`, `what would happen if`, `Q if SCENARIO`, `what if SCENARIO, Q`: each
/// is another way of writing a form the language has, and must answer as that form does.
@Suite struct HypotheticalTests {
  static let engine = try! QueryEngine()

  /// `how many SET ...` next to the question whose answer it counts.
  static let counts: [(String, String)] = [
    ("how many members", "members"),
    ("how many members are there", "members"),
    ("how many countries would there be", "countries"),
    ("how many countries where member of csto", "countries where member of csto"),
    ("how many members did the us invite", "which members did the us invite"),
    ("how many countries were invited by the us", "which countries were invited by the us"),
    ("how many people criticized russia", "which people criticized russia"),
    ("how many members would there be if iran joins csto", "members assuming iran joins csto"),
  ]

  @Test(arguments: counts) func howManyCountsTheAnswerOfWhich(_ pair: (String, String)) throws {
    let counted = try Self.engine.evaluate(pair.0)
    let listed = try Self.engine.evaluate(pair.1)
    #expect(counted.kind == .count)
    #expect(counted.count == listed.resultCount, "\(pair.0)")
    #expect(counted.assumptions == listed.assumptions)
  }

  /// A question under a scenario, written four ways, next to the `assuming` form.
  static let assumed: [(String, String)] = [
    (
      "what if iran joins the csto, how many members would there be",
      "count members assuming iran joins the csto"
    ),
    (
      "what if iran joined the csto, who criticized whom",
      "who criticized whom assuming iran joins csto"
    ),
    ("who would be members of the csto if iran joined", "members assuming iran joins csto"),
    ("members if the inclusion of iran in the csto", "members assuming iran joins csto"),
    ("what would happen if iran joined the csto", "what if iran joins the csto"),
    (
      "what if russian victory, which members criticized russia",
      "which members criticized russia assuming russian victory"
    ),
  ]

  @Test(arguments: assumed) func aHypotheticalAnswersAsAssuming(_ pair: (String, String)) throws {
    let asked = try Self.engine.evaluate(pair.0)
    let long = try Self.engine.evaluate(pair.1)
    #expect(asked.kind == long.kind, "\(pair.0)")
    #expect(asked.names == long.names)
    #expect(asked.count == long.count)
    #expect(asked.resultCount == long.resultCount)
    if long.kind != .whatIf { #expect(asked.assumptions == long.assumptions) }
  }

  /// `would` and `could` ask as `did` does: the same verdict, evidence and scenarios.
  @Test(arguments: [
    ("would iran strengthen the csto", "did iran strengthen the csto"),
    ("could belarus support russia", "did belarus support russia"),
    (
      "what if iran joined the csto, would the csto extend to eurasia",
      "did the csto extend to eurasia assuming iran joins the csto"
    ),
  ])
  func aModalAsksAsDid(_ pair: (String, String)) throws {
    let modal = try AnswerJSON(Self.engine.evaluate(pair.0))
    let plain = try AnswerJSON(Self.engine.evaluate(pair.1))
    #expect(modal.verdict != nil)
    #expect(modal.verdict == plain.verdict, "\(pair.0)")
    #expect(modal.scenarios == plain.scenarios)
  }

  /// ¶13 names Iran's inclusion as a scenario: the count under it is one more than today's.
  @Test func theFollowUpCountsUnderTheScenario() throws {
    let today = try Self.engine.evaluate("how many members").count ?? 0
    let assumed = try Self.engine.evaluate(
      "what if iran joined the csto, how many members would there be")
    #expect(assumed.count == today + 1)
    #expect(assumed.assumptions == ["Iran joins the CSTO"])
  }

  /// Scenarios the article does not consider are errors that list the ones it does.
  @Test(arguments: [
    "what if armenia left the csto",
    "what if armenia left the csto, how many members would remain",
    "members if armenia left the csto",
    "what would happen if russia",
  ])
  func aScenarioTheArticleLacksIsAnErrorListingItsScenarios(_ query: String) {
    #expect {
      try Self.engine.evaluate(query)
    } throws: { error in
      let rendered = (error as? QueryError)?.rendered() ?? ""
      return rendered.contains("iran joins the csto") || rendered.contains("Iran joins the CSTO")
    }
  }

  /// The trees are the ones the longer forms give, so they print and parse back.
  @Test func theHypotheticalFormsBuildTheLongFormsTrees() throws {
    let vocabulary = Self.engine.vocabulary
    let pairs = [
      ("how many members did the us invite", "count which members did the us invite"),
      ("what if iran joins csto, members", "members assuming iran joins csto"),
      ("members if iran joins csto", "members assuming iran joins csto"),
      ("what would happen if iran joins csto", "what if iran joins csto"),
      ("who would be members of csto", "who members of csto"),
      ("who are the members", "members"),
      ("what if iran joins csto, who would the members be", "members assuming iran joins csto"),
    ]
    for (short, long) in pairs {
      #expect(
        try Parser.parse(short, vocabulary: vocabulary)
          == Parser.parse(long, vocabulary: vocabulary), "\(short)")
    }
  }
}
