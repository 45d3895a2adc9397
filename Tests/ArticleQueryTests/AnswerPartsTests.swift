import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// The parts of an answer: each fact's one sentence, read as a reader would write it; the
/// polarity and modality as the model's enums, spelled in JSON as before; a shortened quote
/// as what was kept and how much was cut.
@Suite struct AnswerPartsTests {
  static let engine = try! QueryEngine()

  /// Sentences users saw written awkwardly, and how the article would say them.
  @Test(arguments: [
    (
      "facts about pelosi",
      "Nancy Pelosi visited Armenia after the CSTO’s inarticulate reaction to the events in Armenia [in a private capacity]",
      "Nancy Pelosi visited Armenia when after"
    ),
    (
      "facts in paragraph 7",
      "US Department of Defense funded post-Soviet countries of Central Asia ($500 million) this year",
      "when this year"
    ),
    (
      "facts in paragraph 5",
      "Tashkent SCO summit is a summit of SCO",
      "summit summit of"
    ),
    (
      "facts about \"russian leadership\"",
      "Russian leadership decides on whether Iran joins the CSTO [the author's assessment]",
      "decides on Iran joins"
    ),
    (
      "facts in paragraph 3",
      "CSTO governing bodies did not name the aggressor Azerbaijan",
      "did not: "
    ),
    ("facts in paragraph 1", "Armenia is a member of CSTO", "Armenia member of CSTO"),
  ])
  func aFactReadsAsASentence(query: String, sentence: String, awkward: String) throws {
    let answer = try Self.engine.evaluate(query)
    let facts = try #require(answer.body.facts, "\(query) answers facts")
    #expect(facts.contains { $0.sentence == sentence }, "\(facts.map(\.sentence))")
    for format in [OutputFormat.table, .csv, .markdown] {
      let text = Renderer.render(answer, options: RenderOptions(format: format, width: 400))
      #expect(!text.contains(awkward), "\(format)")
    }
    let table = Renderer.render(answer, options: RenderOptions(width: 1_000, evidence: .off))
    #expect(table.contains(sentence))
  }

  @Test func polarityAndModalityAreTheModelsAndReadInJSONByName() throws {
    let answer = try Self.engine.evaluate("facts in paragraph 3")
    let facts = try #require(answer.body.facts)
    let denied = try #require(facts.first { $0.polarity == .denied })
    #expect(denied.isDenied)
    let assessment = try #require(
      try Self.engine.evaluate("facts in paragraph 2").body.facts?.first { $0.isAssessment })
    #expect(assessment.modality == .assessment)
    let scenario = try #require(
      try Self.engine.evaluate("facts in paragraph 13").body.facts?.first { $0.scenario != nil })
    #expect(scenario.modality.name == "scenario")
    #expect(scenario.modality != .reported && scenario.modality != .assessment)
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(Renderer.json(answer).utf8))
        as? [String: Any])
    let results = try #require(objects["results"] as? [[String: Any]])
    let spelled = Set(results.compactMap { $0["polarity"] as? String })
    #expect(spelled == ["affirmed", "denied"])
    #expect(
      Set(results.compactMap { $0["modality"] as? String }).isSubset(of: [
        "reported", "assessment", "scenario",
      ]))
    let json = Renderer.json(try Self.engine.evaluate("facts in paragraph 13"))
    #expect(json.contains(#""modality":"scenario""#))
    #expect(json.contains(#""modality":"assessment""#))
    let decoded = try JSONDecoder().decode(Answer.self, from: Data(Renderer.json(answer).utf8))
    #expect(decoded == answer)
  }

  @Test func aShortenedQuoteSaysWhatItKeptAndWhatItCut() {
    let quote = "Tajik President Rakhmon, in turn, criticized Russia at the Tashkent SCO summit"
    let whole = Renderer.shorten(quote, to: 200)
    #expect(whole.kept == quote)
    #expect(whole.cut == 0)
    #expect(whole.description == quote)
    let short = Renderer.shorten(quote, to: 40)
    #expect(quote.hasPrefix(short.kept))
    #expect(short.kept.count + short.cut == quote.count)
    #expect(short.cut > 0)
    #expect(!short.kept.hasSuffix(" "))
    #expect(short.description == "\(short.kept)… (+\(short.cut) chars)")
    #expect(short.description.count <= 40)
  }
}

extension Answer.Body {
  fileprivate var facts: [FactResult]? {
    if case .facts(let facts) = self { facts } else { nil }
  }
}
