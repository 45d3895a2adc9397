import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// Yes/no questions: `did`, `does`, `has`, `is`/`was` (with `a`, `an`, `the`), with
/// circumstances. Each verdict is the article's (the quote in each comment).
@Suite struct VerdictTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var verdict: Verdict.Value
    /// The paragraphs of the evidence (the supporting facts, the denial, or a narrower denial).
    var paragraphs: [Int] = []
    var scenarios: [String] = []
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    // ¶5 "it was Kyrgyzstan that canceled its participation in the command-staff maneuvers
    // “Unbreakable Brotherhood”"
    Case(query: "did kyrgyzstan cancel unbreakable brotherhood", verdict: .yes, paragraphs: [5]),
    Case(
      query: "did kyrgyzstan cancel \"unbreakable brotherhood\"?", verdict: .yes, paragraphs: [5]),
    Case(query: "did bishkek refuse unbreakable brotherhood", verdict: .yes, paragraphs: [5]),
    Case(query: "did armenia cancel unbreakable brotherhood", verdict: .notStated),
    // ¶4 "Armenia refused to participate in the UCSD special forces exercise “Interaction 2022”"
    Case(
      query: "has armenia refused to participate in interaction 2022", verdict: .yes,
      paragraphs: [4]),
    Case(query: "have armenia refused interaction 2022", verdict: .yes, paragraphs: [4]),
    // ¶1 "six post-Soviet states: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan"
    Case(query: "is belarus a member of the csto", verdict: .yes, paragraphs: [1]),
    Case(query: "is belarus member of csto", verdict: .yes, paragraphs: [1]),
    Case(query: "are armenia a member of the csto", verdict: .yes, paragraphs: [1]),
    Case(query: "is turkey a member of the csto", verdict: .notStated),
    // ¶13 "The inclusion of Iran in the CSTO would be a logical step": a scenario only
    Case(
      query: "is iran a member of the csto", verdict: .notStated,
      scenarios: ["Iran joins the CSTO"]),
    Case(
      query: "is iran a member of the csto assuming iran joins the csto", verdict: .yes,
      paragraphs: [13]),
    // ¶5 Tajikistan through its president: "Tajik President Rakhmon, in turn, criticized Russia
    // (albeit personally – without reference to the CSTO) at the Tashkent SCO summit"
    Case(query: "did tajikistan criticize russia", verdict: .yes, paragraphs: [5]),
    Case(
      query: "did rakhmon criticize russia at the tashkent sco summit", verdict: .yes,
      paragraphs: [5]),
    Case(query: "did rakhmon criticize russia at the astana summit", verdict: .notStated),
    Case(
      query: "did rakhmon criticize the csto at the tashkent sco summit", verdict: .no,
      paragraphs: [5]),
    // The denial is at the Tashkent summit: narrower than the question, which stays open.
    Case(query: "did rakhmon criticize the csto", verdict: .notStated, paragraphs: [5]),
    // ¶5 "its President Japarov openly criticized the block at the summit in Astana"
    Case(query: "did kyrgyzstan criticize the csto", verdict: .yes, paragraphs: [5]),
    Case(
      query: "does kyrgyzstan criticize the csto at the astana summit", verdict: .yes,
      paragraphs: [5]),
    Case(query: "did kyrgyzstan criticize russia", verdict: .notStated),
    // ¶6 "the United States has never promised military assistance to Armenia"
    Case(query: "did the us promise military assistance to armenia", verdict: .no, paragraphs: [6]),
    Case(
      query: "did washington promise military assistance to armenia", verdict: .no, paragraphs: [6]),
    Case(
      query: "has the us ever promised military assistance to armenia", verdict: .no,
      paragraphs: [6]),
    // ¶3 "CSTO’s governing bodies have not named the aggressor"
    Case(query: "did the csto name the aggressor azerbaijan", verdict: .no, paragraphs: [3]),
    // ¶9 "none of the CSTO countries, with the exception of Belarus, openly supported Russia"
    Case(query: "does belarus support russia", verdict: .yes, paragraphs: [9]),
    Case(query: "did minsk support russia manner openly", verdict: .yes, paragraphs: [9]),
    Case(
      query: "did kazakhstan support russia in the special operation manner openly", verdict: .no,
      paragraphs: [9]),
    Case(query: "did kazakhstan support russia", verdict: .notStated, paragraphs: [9]),
    // A one-word value of a qualifier the model declares reads as an adverb (manner openly).
    Case(query: "did belarus openly support russia", verdict: .yes, paragraphs: [9]),
    Case(query: "did japarov openly criticize the csto", verdict: .yes, paragraphs: [5]),
    Case(query: "did rakhmon openly criticize russia", verdict: .notStated),
    Case(
      query: "did kazakhstan openly support russia in the special operation", verdict: .no,
      paragraphs: [9]),
    Case(
      query: "did minsk publicly support the accession of the four new regions to russia",
      verdict: .no, paragraphs: [9]),
    // ¶4 "Armenia refused to participate"; ¶5 Kyrgyzstan "canceled its participation"
    Case(query: "did armenia take part in interaction 2022", verdict: .no, paragraphs: [4]),
    Case(
      query: "did kyrgyzstan participate in unbreakable brotherhood", verdict: .no,
      paragraphs: [5]),
    Case(query: "did kazakhstan take part in regional cooperation-2022", verdict: .notStated),
    // ¶9 "the accession of four new regions to Russia was not publicly supported by Minsk"
    Case(
      query: "did minsk support the accession of four new regions to russia manner publicly",
      verdict: .no, paragraphs: [9]),
    // ¶6 Pelosi's "visit was a private one": hers, not the United States'
    Case(query: "did pelosi visit armenia", verdict: .yes, paragraphs: [6]),
    Case(query: "did the united states visit armenia", verdict: .notStated),
    // ¶7 "were invited by the Americans to the multilateral exercise “Regional
    // Cooperation-2022” where Kazakhstan was also invited": the passive after was/were
    Case(query: "was kyrgyzstan invited by the americans", verdict: .yes, paragraphs: [7]),
    Case(query: "was kazakhstan invited", verdict: .yes, paragraphs: [7]),
    Case(
      query: "were tajikistan invited to \"regional cooperation-2022\"", verdict: .yes,
      paragraphs: [7]),
    Case(query: "was armenia invited", verdict: .notStated),
    // ¶8 "Russia’s concessions to Azerbaijan and Turkey standing behind it"
    Case(query: "does turkey back azerbaijan", verdict: .yes, paragraphs: [8]),
    Case(query: "did russia make concessions to azerbaijan", verdict: .yes, paragraphs: [8]),
    Case(query: "is russia the leader of the csto", verdict: .yes, paragraphs: [2]),
    Case(query: "does russia lead the csto", verdict: .yes, paragraphs: [2]),
    Case(query: "is azerbaijan in conflict with armenia", verdict: .yes, paragraphs: [2, 3]),
  ]

  @Test(arguments: cases) func verdictsAreTheArticles(_ testCase: Case) throws {
    let answer = try engine.evaluate(testCase.query)
    #expect(answer.kind == .verdict)
    #expect(answer.verdict == testCase.verdict)
    guard case .verdict(let verdict) = answer.body else { return }
    #expect(Set(verdict.evidence.map(\.paragraph)).sorted() == testCase.paragraphs)
    #expect(verdict.scenarios.map(\.name) == testCase.scenarios)
    if testCase.verdict == .no {
      #expect(verdict.evidence.allSatisfy { $0.fact.isDenied })
    }
    if testCase.verdict == .yes {
      #expect(verdict.evidence.allSatisfy { !$0.fact.isDenied })
    }
  }

  /// Through an office holder the evidence says via whom, as a condition's does.
  @Test func yesThroughAnOfficeHolderSaysViaWhom() throws {
    let answer = try engine.evaluate("did tajikistan criticize russia")
    guard case .verdict(let verdict) = answer.body else {
      Issue.record("not a verdict")
      return
    }
    #expect(verdict.evidence.first?.via == "Rakhmon")
    #expect(verdict.evidence.first?.role == "president")
  }

  /// A set where a name belongs: the note is the selection that asks it of each member.
  @Test func aSetAsTheSubjectPointsToTheSelection() throws {
    let error = #expect(throws: QueryError.self) {
      try engine.evaluate("is members a member of the csto")
    }
    #expect(
      error?.diagnostic.notes.first == "to ask it of each: members where member of the csto")
    #expect(try engine.evaluate("members where member of the csto").names.count == 6)
  }

  /// The adverb is the declared qualifier: the claim reads it as a fact's sentence would.
  @Test func anAdverbIsTheModelsQualifier() throws {
    let answer = try engine.evaluate("did belarus openly support russia")
    guard case .verdict(let verdict) = answer.body else {
      Issue.record("not a verdict")
      return
    }
    #expect(verdict.claim == "Belarus supported Russia openly")
    let statements = try engine.parseStatements("did belarus openly support russia")
    #expect(engine.print(statements[0]) == "did belarus supported russia manner \"openly\"")
    #expect(engine.vocabulary.adverbs["openly"] == "manner")
  }

  @Test func theJSONHasTheSpecsFields() throws {
    let answer = try engine.evaluate("is iran a member of the csto")
    let json = Renderer.json(answer)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["kind"] as? String == "verdict")
    #expect(object["verdict"] as? String == "not stated")
    #expect(object["query"] as? String == "is iran a member of the csto")
    #expect((object["evidence"] as? [Any])?.isEmpty == true)
    let scenarios = try #require(object["scenarios"] as? [[String: Any]])
    #expect(scenarios.first?["name"] as? String == "Iran joins the CSTO")
    #expect((scenarios.first?["evidence"] as? [[String: Any]])?.first?["paragraph"] as? Int == 13)
    // Read back, a scenario fact's index in the model is not known: the JSON is the same.
    let decoded = try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
    #expect(Renderer.json(decoded) == json)
  }

  @Test func everyFormatShowsTheVerdict() throws {
    let answer = try engine.evaluate("did kyrgyzstan cancel unbreakable brotherhood")
    let table = Renderer.render(answer, options: RenderOptions(format: .table))
    #expect(table.hasPrefix("yes — Kyrgyzstan refused Unbreakable Brotherhood\n"))
    #expect(table.contains("¶5"))
    #expect(table.contains("it was Kyrgyzstan that canceled"))
    let csv = Renderer.render(answer, options: RenderOptions(format: .csv))
    #expect(csv.hasPrefix("verdict,claim,scenario,paragraph,via,fact,quote\r\nyes,"))
    let markdown = Renderer.render(answer, options: RenderOptions(format: .markdown))
    #expect(markdown.hasPrefix("**yes** — Kyrgyzstan refused Unbreakable Brotherhood"))
    let dot = Renderer.render(answer, options: RenderOptions(format: .dot), model: engine.model)
    #expect(dot.contains("Unbreakable Brotherhood"))
    let scenario = try engine.evaluate("is iran a member of the csto")
    let text = Renderer.render(scenario, options: RenderOptions(format: .table))
    #expect(text.contains("yes assuming Iran joins the CSTO:"))
    #expect(text.hasSuffix("(not stated; yes assuming Iran joins the CSTO)\n"))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var query: String
    var message: String
    var suggestions: [String]
    var testDescription: String { query }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      query: "did kyrgyzstn cancel unbreakable brotherhood", message: "unknown name 'kyrgyzstn'",
      suggestions: ["kyrgyzstan"]),
    ErrorCase(
      query: "did kyrgyzstan cancle unbreakable brotherhood",
      message: "expected a relation, found 'cancle'", suggestions: ["cancel", "cancels"]),
    ErrorCase(
      query: "did kyrgyzstan cancel unbreakable brotherhod",
      message: "unknown name 'unbreakable brotherhod'", suggestions: ["unbreakable brotherhood"]),
    ErrorCase(query: "did", message: "expected a name, found end of input", suggestions: []),
    ErrorCase(
      query: "did the members criticize russia",
      message: "a question here is about one name, not the set 'members'", suggestions: []),
    ErrorCase(
      query: "is belarus a", message: "expected a relation, found end of input", suggestions: []),
  ]

  @Test(arguments: errorCases) func aQuestionThatAlmostFitsIsAPositionedError(_ testCase: ErrorCase)
    throws
  {
    let error = #expect(throws: QueryError.self) { try engine.evaluate(testCase.query) }
    #expect(error?.diagnostic.message == testCase.message)
    let offered = error?.diagnostic.suggestions ?? []
    #expect(
      testCase.suggestions.isEmpty
        ? offered.isEmpty : testCase.suggestions.allSatisfy(offered.contains), "\(offered)")
  }
}
