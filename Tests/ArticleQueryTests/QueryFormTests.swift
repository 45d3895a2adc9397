import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// Every form of the SPEC's table, with the answers the article supports.
@Suite struct QueryFormTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var names: [String]
    var testDescription: String { query }
  }

  static let entityCases: [Case] = [
    Case(
      query: "members",
      names: ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]),
    Case(query: "members where criticized russia", names: ["Tajikistan"]),
    Case(query: "MEMBERS WHERE Criticized RUSSIA", names: ["Tajikistan"]),
    Case(query: "members where criticized moscow", names: ["Tajikistan"]),
    Case(query: "countries where visited by pelosi", names: ["Armenia"]),
    Case(query: "countries where visited by nancy pelosi", names: ["Armenia"]),
    Case(query: "countries where visited by \"Nancy Pelosi\"", names: ["Armenia"]),
    Case(query: "countries where visited by \"Nancy\n  Pelosi\"", names: ["Armenia"]),
    Case(query: "countries where visited by “nancy\npelosi”", names: ["Armenia"]),
    Case(query: "organizations where led by russia", names: ["CSTO"]),
    Case(query: "who leads the csto", names: ["Russia"]),
    Case(query: "people where president of (members where criticized russia)", names: ["Rakhmon"]),
    Case(query: "members where in conflict with tajikistan", names: ["Kyrgyzstan"]),
    Case(query: "members where in conflict with kyrgyzstan", names: ["Tajikistan"]),
    Case(query: "members where supported russia", names: ["Belarus"]),
    Case(
      query: "members where supported russia or criticized russia",
      names: ["Belarus", "Tajikistan"]),
    Case(
      query: "members where not (supported russia or criticized russia) and criticized csto",
      names: ["Kyrgyzstan"]),
    Case(query: "what did pelosi visit", names: ["Armenia"]),
    Case(query: "members where refused \"Interaction 2022\"", names: ["Armenia"]),
    Case(query: "who named the aggressor azerbaijan", names: []),
    Case(query: "who promised military assistance to armenia", names: []),
    Case(query: "members where joins csto", names: []),
    // Pelosi's visit "was a private one": it does not count for the United States.
    Case(query: "who visited armenia", names: ["Nancy Pelosi"]),
    Case(query: "countries where visited by united states", names: []),
  ]

  @Test(arguments: entityCases) func entityAnswers(_ testCase: Case) throws {
    let answer = try engine.evaluate(testCase.query)
    #expect(answer.kind == .entities)
    #expect(answer.names == testCase.names)
  }

  @Test func officeHoldersCountForTheirStateWithTheChainShown() throws {
    let answer = try engine.evaluate("members where criticized russia")
    guard case .entities(let results) = answer.body else {
      Issue.record("not an entity answer")
      return
    }
    let evidence = try #require(results.first?.evidence.first)
    #expect(evidence.via == "Rakhmon")
    #expect(evidence.role == "president")
    #expect(evidence.paragraph == 5)
    #expect(evidence.quote.contains("criticized Russia"))
    #expect(evidence.chain.first?.relation == "president of")
  }

  @Test func whoAnswersEntitiesOfAnyKind() throws {
    let answer = try engine.evaluate("who criticized the csto")
    #expect(answer.names.contains("Japarov"))
    #expect(answer.names.contains("Kyrgyzstan"))
  }

  @Test func symmetricRelationsMatchBothWaysAndSetsAreTargets() throws {
    let answer = try engine.evaluate("countries where in conflict with members")
    for name in ["Azerbaijan", "Kyrgyzstan", "Tajikistan"] {
      #expect(answer.names.contains(name))
    }
    #expect(!answer.names.contains("Belarus"))
  }

  @Test func countCountsTheAnswer() throws {
    #expect(try engine.evaluate("count members").count == 6)
    // Russia is no answer: a state does not support itself (`supported` is not reflexive).
    #expect(try engine.evaluate("count members where not supported russia").count == 4)
    let facts = try engine.evaluate("count facts in paragraph 5").count
    #expect(facts == engine.model.facts.filter { $0.evidence.contains { $0.paragraph == 5 } }.count)
  }

  @Test func notUsesTheExplicitDenialAsEvidenceWhereThereIsOne() throws {
    let answer = try engine.evaluate("members where not supported russia")
    guard case .entities(let results) = answer.body else {
      Issue.record("not an entity answer")
      return
    }
    let armenia = try #require(results.first { $0.name == "Armenia" })
    #expect(armenia.evidence.contains { $0.paragraph == 9 && $0.fact.polarity == .denied })
  }

  @Test func notIsClosedWorldWhereTheArticleDeniesNothing() throws {
    let answer = try engine.evaluate("members where not criticized russia")
    #expect(answer.names == ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan"])
    guard case .entities(let results) = answer.body else {
      Issue.record("the answer is not of the kind this test checks")
      return
    }
    #expect(results.first { $0.name == "Belarus" }?.evidence.isEmpty == true)
  }

  @Test func scenarioFactsCountOnlyWhenAssumed() throws {
    #expect(!(try engine.evaluate("members").names.contains("Iran")))
    let byFact = try engine.evaluate("members assuming iran joins the csto")
    #expect(byFact.names.contains("Iran"))
    #expect(byFact.names.count == 7)
    #expect(byFact.assumptions == ["Iran joins the CSTO"])
    let byName = try engine.evaluate("members assuming iran_joins_csto")
    #expect(byName.names == byFact.names)
  }

  @Test func anAssumptionNoScenarioHoldsIsAnError() {
    #expect(throws: QueryError.self) {
      _ = try engine.evaluate("members assuming belarus joins csto")
    }
  }

  @Test func whyShowsTheProofDownToQuotes() throws {
    let answer = try engine.evaluate("why tajikistan criticized russia")
    guard case .explanation(let proof) = answer.body else {
      Issue.record("not an explanation")
      return
    }
    #expect(proof.holds)
    #expect(proof.claim == "Tajikistan criticized Russia")
    #expect(proof.evidence.first?.via == "Rakhmon")
    #expect(proof.steps.contains { $0.claim.contains("Rakhmon speaks for Tajikistan") })
  }

  @Test func whyOfAFalseClaimSaysItDoesNotHold() throws {
    let answer = try engine.evaluate("why belarus criticized russia")
    guard case .explanation(let proof) = answer.body else {
      Issue.record("the answer is not of the kind this test checks")
      return
    }
    #expect(!proof.holds)
    #expect(proof.evidence.isEmpty)
  }

  @Test func whyNotListsWhatTheArticleSaysNearby() throws {
    let answer = try engine.evaluate("why not belarus criticized russia")
    guard case .nearMisses(let misses) = answer.body else {
      Issue.record("not near misses: \(answer.kind)")
      return
    }
    #expect(!misses.holds)
    #expect(
      misses.misses.contains {
        $0.reason == "another relation" && $0.fact?.relation == "supported" && $0.paragraph == 9
      })
    #expect(misses.misses.contains { $0.reason == "same paragraph" })
  }

  @Test func whyNotFindsTheDenial() throws {
    let answer = try engine.evaluate(
      "why not united states promised military assistance to armenia")
    guard case .nearMisses(let misses) = answer.body else {
      Issue.record("the answer is not of the kind this test checks")
      return
    }
    #expect(misses.misses.contains { $0.reason == "denied" && $0.paragraph == 6 })
  }

  @Test func showGroupsEverythingAboutAnEntity() throws {
    let answer = try engine.evaluate("show belarus")
    guard case .profile(let profile) = answer.body else {
      Issue.record("not a profile")
      return
    }
    #expect(profile.entity.name == "Belarus")
    let all = profile.groups.flatMap(\.facts)
    #expect(all.contains { $0.relation == "supported" && $0.object == "Russia" })
    #expect(profile.groups.contains { $0.title == "what the article denies" })
  }

  @Test func factsListsAllAboutOrOneParagraph() throws {
    let all = try engine.evaluate("facts")
    #expect(all.resultCount == engine.model.facts.count)
    guard case .facts(let paragraph) = try engine.evaluate("facts in paragraph 5").body else {
      Issue.record("not facts")
      return
    }
    #expect(!paragraph.isEmpty)
    #expect(paragraph.allSatisfy { $0.paragraph == 5 })
    guard case .facts(let about) = try engine.evaluate("facts about kyrgyzstan").body else {
      return
    }
    #expect(about.contains { $0.subject == "Japarov" && $0.relation == "criticized" })
  }

  @Test func resultsComeOnceEachInNameOrder() throws {
    let answer = try engine.evaluate("everything")
    #expect(answer.names.count == engine.model.entities.count)
    #expect(answer.names == answer.names.sorted { $0.lowercased() < $1.lowercased() })
  }

  @Test func severalStatementsRunInOrder() throws {
    let results = engine.run("members; count members # a comment")
    #expect(results.count == 2)
    #expect(try results[1].get().count == 6)
    #expect(engine.run("").isEmpty)
    #expect(engine.run("# only a comment").isEmpty)
  }

  @Test func answersEncodeToTheSpecJSON() throws {
    let answer = try engine.evaluate("members where criticized russia")
    let json = Renderer.json(answer)
    #expect(!json.contains("\n"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["query"] as? String == "members where criticized russia")
    #expect(object["kind"] as? String == "entities")
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.first?["name"] as? String == "Tajikistan")
    #expect(results.first?["kind"] as? String == "country")
    let evidence = try #require((results.first?["evidence"] as? [[String: Any]])?.first)
    #expect(evidence["paragraph"] as? Int == 5)
    #expect(evidence["via"] as? String == "Rakhmon")
    #expect((evidence["quote"] as? String)?.contains("criticized Russia") == true)
    #expect(Renderer.json(answer) == json)
    let decoded = try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
    #expect(decoded == answer)
  }
}

/// An office or part-of fact counts for its holder alone: a state is not its own president.
@Test(arguments: [
  ("who president of tajikistan", ["Rakhmon"]),
  ("what did tajikistan president of", []),
  ("people where secretary of armenia", ["Armen Grigoryan"]),
])
func officeFactsCountForTheirHolderOnly(query: String, names: [String]) throws {
  #expect(try QueryEngine().evaluate(query).names == names)
}
