import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// `where`, `when` and `how much did X R Y`, and `what happened at/in X`: the circumstances
/// the article gives, each with the facts that give it (the quote in each comment).
@Suite struct WhQuestionTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var values: [String]
    var paragraphs: [Int] = []
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    // ¶5 "criticized Russia (albeit personally – without reference to the CSTO) at the
    // Tashkent SCO summit"
    Case(
      query: "where did rakhmon criticize russia", values: ["Tashkent SCO summit"], paragraphs: [5]),
    Case(query: "where did rakhmon criticize", values: ["Tashkent SCO summit"], paragraphs: [5]),
    Case(
      query: "where did tajikistan criticize russia", values: ["Tashkent SCO summit"],
      paragraphs: [5]),
    Case(
      query: "where does rakhmon criticize russia?", values: ["Tashkent SCO summit"],
      paragraphs: [5]),
    // ¶5 "its President Japarov openly criticized the block at the summit in Astana"
    Case(
      query: "where did japarov criticize the csto", values: ["summit in Astana"], paragraphs: [5]),
    Case(
      query: "where did kyrgyzstan criticize the csto", values: ["summit in Astana"],
      paragraphs: [5]),
    Case(query: "where did kyrgyzstan criticize russia", values: []),
    // ¶6 "U.S. House of Representatives Speaker Nancy Pelosi visited the country" (Armenia):
    // the other end is a place
    Case(query: "where did pelosi visit", values: ["Armenia"], paragraphs: [6]),
    // ¶5 "they were supposed to take place in the country" (Kyrgyzstan): the question leaves
    // off the phrase's last word, `in`
    Case(
      query: "where was unbreakable brotherhood supposed to take place", values: ["Kyrgyzstan"],
      paragraphs: [5]),
    Case(
      query: "where was unbreakable brotherhood planned", values: ["Kyrgyzstan"], paragraphs: [5]),
    // ¶7 "were invited by the Americans to the multilateral exercise “Regional Cooperation-2022”"
    Case(
      query: "where was kazakhstan invited", values: ["Regional Cooperation-2022"], paragraphs: [7]),
    Case(
      query: "where did the americans invite kyrgyzstan", values: ["Regional Cooperation-2022"],
      paragraphs: [7]),
    // ¶7 "assistance to these countries in anti-terrorist activities on and near the Afghan border"
    Case(query: "where did the pentagon assist", values: ["the Afghan border"], paragraphs: [7]),
    // ¶9 "openly supported Russia in its Ukrainian special operation"
    Case(
      query: "where did belarus support russia",
      values: ["Russian special operation in Ukraine"], paragraphs: [9]),
    // ¶3 "relatively large-scale military operations in mid-September of this year"
    Case(
      query: "when was armenia in conflict with azerbaijan",
      values: ["mid-September of this year"], paragraphs: [3]),
    Case(
      query: "when were azerbaijan in conflict with armenia",
      values: ["mid-September of this year"], paragraphs: [3]),
    // ¶2 "only truly effective in the winter of 2022 in Kazakhstan"
    Case(query: "when did the csto assist kazakhstan", values: ["winter of 2022"], paragraphs: [2]),
    Case(
      query: "when did the csto manage the unrest in kazakhstan", values: ["winter of 2022"],
      paragraphs: [2]),
    // ¶6 "it was after the CSTO’s inarticulate reaction to the events in Armenia that ...
    // Nancy Pelosi visited the country"
    Case(
      query: "when did pelosi visit armenia",
      values: ["after the CSTO’s inarticulate reaction to the events in Armenia"], paragraphs: [6]),
    // ¶6 "the subsequent statements by the United States about its readiness to provide
    // military assistance to Armenia’s enemy, Azerbaijan"
    Case(
      query: "when did the us offer military assistance to azerbaijan",
      values: ["after Pelosi’s visit"], paragraphs: [6]),
    // ¶7 does not date the invitations
    Case(query: "when did the americans invite kyrgyzstan", values: []),
    // ¶7 "this year the US Department of Defense budgeted $500 million"
    Case(query: "how much did the pentagon spend", values: ["$500 million"], paragraphs: [7]),
    Case(query: "how much did the us fund", values: ["$500 million"], paragraphs: [7]),
    Case(query: "how much has the pentagon budgeted", values: ["$500 million"], paragraphs: [7]),
    Case(query: "when did the pentagon spend", values: ["this year"], paragraphs: [7]),
    Case(query: "how much did russia fund", values: []),
  ]

  @Test(arguments: cases) func valuesAreTheArticles(_ testCase: Case) throws {
    let answer = try engine.evaluate(testCase.query)
    #expect(answer.kind == .values)
    #expect(answer.names == testCase.values)
    guard case .values(let values) = answer.body else { return }
    #expect(Set(values.flatMap(\.evidence).map(\.paragraph)).sorted() == testCase.paragraphs)
    #expect(values.allSatisfy { !$0.evidence.isEmpty })
  }

  @Test func anEntityValueCarriesItsIDAndKind() throws {
    let answer = try engine.evaluate("where did rakhmon criticize russia")
    guard case .values(let values) = answer.body else {
      Issue.record("not values")
      return
    }
    #expect(values.first?.id == "tashkent_sco_summit")
    #expect(values.first?.kind == "summit")
    #expect(values.first?.key == "at")
    let json = Renderer.json(answer)
    #expect(json.contains(#""kind":"values""#))
    #expect(json.contains(#""id":"tashkent_sco_summit""#))
    #expect(try JSONDecoder().decode(Answer.self, from: Data(json.utf8)) == answer)
    let csv = Renderer.render(answer, options: RenderOptions(format: .csv))
    #expect(csv.hasPrefix("value,key,id,paragraph,via,quote\r\nTashkent SCO summit,at,"))
    let markdown = Renderer.render(answer, options: RenderOptions(format: .markdown))
    #expect(markdown.contains("| Tashkent SCO summit | at | ¶5 |"))
    let table = Renderer.render(answer, options: RenderOptions(format: .table))
    #expect(table.hasPrefix("Tashkent SCO summit  at  ¶5"))
  }

  struct HappenedCase: Sendable, CustomTestStringConvertible {
    var query: String
    var paragraphs: [Int]
    var count: Int
    var testDescription: String { query }
  }

  static let happenedCases: [HappenedCase] = [
    // ¶5 Japarov at the summit in Astana
    HappenedCase(query: "what happened at the astana summit", paragraphs: [5], count: 1),
    // ¶5 Rakhmon criticized Russia there; the denial that he criticized the CSTO did not happen
    HappenedCase(query: "what happened at the tashkent sco summit", paragraphs: [5], count: 1),
    // ¶1 (and ¶8, ¶9: "its special operation in Ukraine"), ¶9, ¶12: the war, Belarus's
    // support, Russian-Iranian cooperation
    HappenedCase(
      query: "what happened in the special operation", paragraphs: [1, 8, 9, 12], count: 4),
    HappenedCase(query: "what happened at the afghan border", paragraphs: [7], count: 1),
    // ¶2 "the Armenian-Azerbaijani and Kyrgyz-Tajik conflicts"; ¶5 "neighboring Tajikistan"
    HappenedCase(
      query: "what happened between kyrgyzstan and tajikistan", paragraphs: [2, 5], count: 2),
    // ¶5 "it was Kyrgyzstan that canceled its participation in the command-staff maneuvers"
    HappenedCase(query: "what happened to unbreakable brotherhood", paragraphs: [5], count: 1),
    // ¶2 "provide concrete assistance to President Kasym Jomart Tokayev and his administration"
    // (to him in Kazakhstan and to Kazakhstan), "in the winter of 2022 in Kazakhstan" (the
    // mission), "to withdraw troops from Kazakh territory" (troops sent there)
    HappenedCase(query: "what happened in kazakhstan when winter", paragraphs: [2], count: 4),
    // ¶5 Rakhmon (for Tajikistan) criticized Russia; ¶8, ¶9 what all members do with Moscow;
    // Russia's own army and leadership are no link between it and the members
    HappenedCase(
      query: "what happened between tajikistan and russia", paragraphs: [5, 8, 9], count: 4),
  ]

  @Test(arguments: happenedCases) func whatHappenedListsTheFacts(_ testCase: HappenedCase) throws {
    let answer = try engine.evaluate(testCase.query)
    #expect(answer.kind == .facts)
    #expect(answer.facts.count == testCase.count)
    #expect(answer.paragraphs == testCase.paragraphs)
    #expect(answer.facts.allSatisfy { !$0.isDenied })
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var query: String
    var message: String
    var suggestions: [String]
    var testDescription: String { query }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      query: "where did rakhmn criticize russia", message: "unknown name 'rakhmn'",
      suggestions: ["rakhmon", "rahmon"]),
    ErrorCase(
      query: "where rakhmon criticized russia",
      message: "expected 'did' (as in: where did rakhmon criticize russia), found 'rakhmon'",
      suggestions: []),
    ErrorCase(
      query: "how far did the pentagon spend",
      message: "expected 'much' (as in: how much did the pentagon fund), found 'far'",
      suggestions: []),
    ErrorCase(
      query: "what happened on the astana summit",
      message:
        "expected 'at', 'in' or 'between' (as in: what happened at the astana summit), found 'on'",
      suggestions: ["in"]),
    ErrorCase(
      query: "when did armenia fight", message: "expected a relation, found 'fight'",
      suggestions: []),
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
