import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// `not` that reads right: it never offers its relation's own target unless the model
/// declares the relation reflexive; each result says whether the article denies the claim
/// (the denial is its evidence) or is silent on it; `what did X not R` lists the denials.
@Suite struct NegationTests {
  static let engine = try! QueryEngine()

  /// A small model: `met` is not reflexive, `trusts` is; Gamma's meeting Alpha is denied.
  static let small = try! QueryEngine(
    model: ModelLoader.load(
      text: """
        document notes
          paragraph "Alpha met Beta. Alpha trusts Beta. Gamma did not meet Alpha."
        kind country plural "countries"
        relation met "met"
          base "meet"
        relation trusts "trusts"
          reflexive
        entity alpha "Alpha" country
        entity beta "Beta" country
        entity gamma "Gamma" country
        fact alpha met beta
          evidence 1 "Alpha met Beta"
        fact alpha trusts beta
          evidence 1 "Alpha trusts Beta"
        fact gamma met alpha
          denied
          evidence 1 "Gamma did not meet Alpha"

        """, name: "small.model", readText: { $0 }))

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var names: [String]
    var testDescription: String { query }
  }

  static let smallCases: [Case] = [
    // Beta is not offered: nothing meets itself.
    Case(query: "countries where not met beta", names: ["Gamma"]),
    // A reflexive relation may hold of its target: Beta may trust itself.
    Case(query: "countries where not trusts beta", names: ["Beta", "Gamma"]),
    Case(query: "countries where not met alpha", names: ["Beta", "Gamma"]),
    // Alpha and Beta are each one of the targets; the article denies Gamma met Alpha.
    Case(query: "countries where not (met beta or met alpha)", names: ["Gamma"]),
    Case(query: "countries where not (met beta and met gamma)", names: ["Alpha", "Beta", "Gamma"]),
    Case(query: "what did gamma not meet", names: ["Alpha"]),
    Case(query: "what did alpha not meet", names: []),
  ]

  @Test(arguments: smallCases)
  func notNeverOffersItsTargetUnlessReflexive(_ example: Case) throws {
    #expect(try Self.small.evaluate(example.query).names == example.names)
  }

  @Test func eachResultSaysWhetherTheArticleDeniesOrIsSilent() throws {
    let answer = try Self.small.evaluate("countries where not met alpha")
    let results = try #require(answer.body.entityResults)
    let beta = try #require(results.first { $0.name == "Beta" })
    let gamma = try #require(results.first { $0.name == "Gamma" })
    #expect(beta.negations == [.init(claim: "met Alpha", status: .notStated)])
    #expect(beta.evidence.isEmpty)
    #expect(gamma.negations == [.init(claim: "met Alpha", status: .denied)])
    #expect(gamma.evidence.map(\.quote) == ["Gamma did not meet Alpha"])
    let json = Renderer.json(answer)
    #expect(json.contains(#""negations":[{"claim":"met Alpha","status":"not stated"}]"#))
    #expect(json.contains(#""status":"denied""#))
  }

  @Test func everyFormatShowsWhatANotRestsOn() throws {
    let answer = try Self.small.evaluate("countries where not met alpha")
    let table = Renderer.render(answer, options: RenderOptions(format: .table))
    #expect(table.contains("not stated") && table.contains("met Alpha"))
    #expect(table.contains("denied, ¶1"))
    let csv = Renderer.render(answer, options: RenderOptions(format: .csv))
    #expect(csv.contains("not stated: met Alpha"))
    let markdown = Renderer.render(answer, options: RenderOptions(format: .markdown))
    #expect(markdown.contains("| not stated | met Alpha |"))
  }

  @Test func aResultWithoutNotSaysNothingOfNegations() throws {
    let results = try #require(
      try Self.small.evaluate("countries where met beta").body.entityResults)
    #expect(results.allSatisfy { $0.negations == nil })
    #expect(
      !Renderer.json(try Self.small.evaluate("countries where met beta")).contains("negations"))
  }

  static let articleCases: [Case] = [
    // ¶9: "none of the CSTO countries, with the exception of Belarus, openly supported Russia";
    // Russia is not offered.
    Case(
      query: "members where not supported russia",
      names: ["Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(
      query: "members where not (supported russia or criticized russia)",
      names: ["Armenia", "Kazakhstan", "Kyrgyzstan"]),
    // ¶9: "the accession of four new regions to Russia was not publicly supported by Minsk"
    Case(query: "what did minsk not support", names: ["accession of four new regions to Russia"]),
    // ¶5: the CSTO "simply cannot unambiguously support one of them"
    Case(query: "who did the csto not support", names: ["Kyrgyzstan", "Tajikistan"]),
    // ¶6: "the United States has never promised military assistance to Armenia"
    Case(query: "what did the us not promise military assistance to", names: ["Armenia"]),
    // ¶3: the CSTO "have not named the aggressor"
    Case(query: "who did the csto not name the aggressor", names: ["Azerbaijan"]),
    // ¶5: Rakhmon criticized Russia "without reference to the CSTO"
    Case(query: "what did rakhmon not criticize", names: ["CSTO"]),
    Case(
      query: "which members did russia not gain the sympathy of",
      names: ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    // Nothing denied: empty.
    Case(query: "what did pelosi not visit", names: []),
  ]

  @Test(arguments: articleCases)
  func theArticlesDenialsAndSilences(_ example: Case) throws {
    let answer = try Self.engine.evaluate(example.query)
    #expect(answer.names == example.names)
    if example.query.hasPrefix("wh") {
      let results = try #require(answer.body.entityResults)
      #expect(
        results.allSatisfy { !$0.evidence.isEmpty && $0.evidence.allSatisfy(\.fact.isDenied) })
    }
  }

  @Test func theArticleIsSilentOnBelarusCriticizingRussia() throws {
    let results = try #require(
      try Self.engine.evaluate("members where not criticized russia").body.entityResults)
    let belarus = try #require(results.first { $0.name == "Belarus" })
    #expect(belarus.unstated == ["criticized Russia"])
    #expect(!results.contains { $0.name == "Russia" })
    let armenia = try #require(
      try Self.engine.evaluate("members where not supported russia").body.entityResults?.first)
    #expect(armenia.negations?.first?.status == .denied)
  }
}

extension Answer.Body {
  /// The results of an entity answer; nil for another kind.
  fileprivate var entityResults: [EntityResult]? {
    if case .entities(let results) = self { results } else { nil }
  }
}
