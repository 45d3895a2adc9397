import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// `what if SCENARIO`: the scenario's own facts, and what the named sets gain and lose under
/// it, the same as the difference between a set and the set `assuming` the scenario.
@Suite struct WhatIfTests {
  static let engine = try! QueryEngine()

  /// The scenarios of the model, by display name.
  static let scenarios: [String] = {
    let model = engine.model
    return model.entities.indices.filter(model.isScenario).map { model.entities[$0].name }
  }()

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    /// The scenario the answer is about.
    var scenario: String
    /// What `members` gains (¶13: "The inclusion of Iran in the CSTO would be a logical step").
    var membersGain: [String]
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    Case(
      query: "what if iran joins the csto", scenario: "Iran joins the CSTO", membersGain: ["Iran"]),
    Case(query: "What If Iran joins CSTO?", scenario: "Iran joins the CSTO", membersGain: ["Iran"]),
    Case(
      query: "what if \"Iran joins the CSTO\"", scenario: "Iran joins the CSTO",
      membersGain: ["Iran"]),
    Case(
      query: "what if the inclusion of iran in the csto", scenario: "Iran joins the CSTO",
      membersGain: ["Iran"]),
    // A scenario given by one of its facts, as `assuming` takes it.
    Case(
      query: "what if iran member of csto", scenario: "Iran joins the CSTO", membersGain: ["Iran"]),
    Case(query: "what if iran joins csto", scenario: "Iran joins the CSTO", membersGain: ["Iran"]),
    // ¶11: a Russian victory adds no member.
    Case(
      query: "what if russian victory", scenario: "decisive Russian victory in Ukraine",
      membersGain: []),
    Case(
      query: "what if new weapons", scenario: "use of new weapons", membersGain: []),
    // ¶6: the conflict the US statements envisage.
    Case(
      query: "what if azerbaijan in conflict with iran", scenario: "Azerbaijani-Iranian conflict",
      membersGain: []),
  ]

  @Test(arguments: cases) func theScenarioItsFactsAndWhatChanges(_ testCase: Case) throws {
    let answer = try Self.engine.evaluate(testCase.query)
    #expect(answer.kind == .whatIf)
    guard case .whatIf(let whatIf) = answer.body else { return }
    #expect(whatIf.scenario == testCase.scenario)
    #expect(!whatIf.facts.isEmpty)
    for fact in whatIf.facts {
      #expect(fact.scenario == testCase.scenario, "\(fact.sentence)")
      let paragraph = Self.engine.model.documents[0].paragraph(fact.paragraph) ?? ""
      #expect(paragraph.contains(fact.quote), "\(fact.quote) in ¶\(fact.paragraph)")
    }
    let members = answer.changes.first { $0.set == "members" }
    #expect((members?.gained.map(\.name) ?? []) == testCase.membersGain)
    #expect(members?.lost.isEmpty ?? true)
    for gained in members?.gained ?? [] {
      #expect(!gained.evidence.isEmpty, "\(gained.name) has its evidence")
      #expect(gained.evidence.allSatisfy { $0.fact.scenario == testCase.scenario })
    }
  }

  /// Every scenario's facts are exactly the model's facts of that scenario, in article order.
  @Test(arguments: scenarios) func everyScenarioShowsAllItsOwnFacts(_ scenario: String) throws {
    let answer = try Self.engine.evaluate("what if \"\(scenario)\"")
    guard case .whatIf(let whatIf) = answer.body else {
      Issue.record("what if answers \(answer.kind)")
      return
    }
    let model = Self.engine.model
    let own = model.facts.indices.filter { index in
      model.facts[index].scenario.map { model.entities[$0].name == scenario } ?? false
    }
    #expect(Set(whatIf.facts.map(\.index)) == Set(own))
    #expect(whatIf.facts.map(\.paragraph) == whatIf.facts.map(\.paragraph).sorted())
  }

  /// What `members` gains and loses is what `members assuming S` adds to and takes from
  /// `members`: the same question asked the long way.
  @Test(arguments: scenarios) func theChangeIsTheDifferenceOfTheSetAssumingTheScenario(
    _ scenario: String
  ) throws {
    let before = Set(try Self.engine.evaluate("members").names)
    let after = Set(try Self.engine.evaluate("members assuming \"\(scenario)\"").names)
    let answer = try Self.engine.evaluate("what if \"\(scenario)\"")
    let members = answer.changes.first { $0.set == "members" }
    #expect(Set(members?.gained.map(\.name) ?? []) == after.subtracting(before))
    #expect(Set(members?.lost.map(\.name) ?? []) == before.subtracting(after))
    #expect(answer.changes.allSatisfy { !$0.gained.isEmpty || !$0.lost.isEmpty })
  }

  /// The accessor as its documentation shows it.
  /// A scenario's fact names its subject or one who speaks for it: the ¶11 victory is the
  /// Russian army's ("a decisive victory of Russian troops in Ukraine"), and the army is part
  /// of Russia, so `russia defeats ukraine` names that scenario too.
  @Test(arguments: ["what if russia defeats ukraine", "members assuming russia defeated ukraine"])
  func aScenarioFactMayBeNamedByWhomItsSubjectSpeaksFor(_ query: String) throws {
    let answer = try Self.engine.evaluate(query)
    let scenario =
      if case .whatIf(let whatIf) = answer.body { whatIf.scenario } else {
        answer.assumptions.first
      }
    #expect(scenario == "decisive Russian victory in Ukraine")
    #expect(throws: QueryError.self) { try Self.engine.evaluate("what if ukraine defeats russia") }
  }

  @Test func changesGivesWhatEachSetGains() throws {
    let answer = try Self.engine.evaluate("what if iran joins the csto")
    #expect(answer.changes.first?.gained.map(\.name) == ["Iran"])
    #expect(try Self.engine.evaluate("members").changes.isEmpty)
  }

  @Test func aScenarioAssumedAlreadyChangesNothing() throws {
    let answer = try Self.engine.evaluate(
      "what if iran joins the csto assuming iran joins the csto")
    #expect(answer.changes.isEmpty)
    #expect(answer.assumptions == ["Iran joins the CSTO"])
    #expect(answer.resultCount == 0)
  }

  /// A set that loses: a model whose set is defined by `not`.
  @Test func aSetDefinedByNotLosesWhatTheScenarioAdds() throws {
    let text = """
      document d
        paragraph "Iran may join the bloc. Armenia is in it."
      kind country plural "countries"
      kind organization plural "organizations"
      kind scenario plural "scenarios" hypothetical
      relation member_of "member of"
      entity iran "Iran" country
      entity armenia "Armenia" country
      entity bloc "the bloc" organization
      entity iran_joins "Iran joins" scenario
      set outsiders "countries where not member of bloc"
      set members "countries where member of bloc"
      fact armenia member_of bloc
        evidence 1 "Armenia is in it"
      fact iran member_of bloc
        scenario iran_joins
        evidence 1 "Iran may join the bloc"
      end
      """
    let model = try ModelLoader.load(text: text, name: "sets.model") { _ in "" }
    let engine = try QueryEngine(model: model)
    let answer = try engine.evaluate("what if iran joins")
    #expect(answer.changes.map(\.set) == ["outsiders", "members"])
    #expect(answer.changes.first?.lost.map(\.name) == ["Iran"])
    #expect(answer.changes.last?.gained.map(\.name) == ["Iran"])
    #expect(answer.names == ["Iran"])
  }

  struct Failure: Sendable, CustomTestStringConvertible {
    var query: String
    var message: String
    /// Where the caret goes: the text under it.
    var under: String
    var suggestion: String?
    var testDescription: String { query }
  }

  static let failures: [Failure] = [
    Failure(
      query: "what if iranjoins the csto assuming new weapons",
      message: "unknown scenario 'iranjoins the csto'",
      under: "iranjoins the csto", suggestion: "iran joins the csto"),
    Failure(
      query: "what if russia", message: "'russia' is not a scenario", under: "russia",
      suggestion: nil),
    Failure(
      query: "what if iran joinz the csto", message: "'iran' is not a scenario", under: "iran",
      suggestion: "iran joins the csto"),
    Failure(
      query: "what if russia criticized tajikistan",
      message: "no scenario of the article has Russia criticized Tajikistan",
      under: "russia criticized tajikistan", suggestion: nil),
    Failure(
      query: "what if", message: "expected a name, found end of input", under: "", suggestion: nil),
    Failure(
      query: "what if \"iran join the csto\"", message: "unknown scenario \"iran join the csto\"",
      under: "\"iran join the csto\"", suggestion: "iran joins the csto"),
    Failure(
      query: "what if \"Russia\"", message: "\"Russia\" is not a scenario", under: "\"russia\"",
      suggestion: nil),
  ]

  @Test(arguments: failures) func anUnknownScenarioIsAnErrorThatListsTheScenarios(
    _ failure: Failure
  ) {
    do {
      _ = try Self.engine.evaluate(failure.query)
      Issue.record("\(failure.query) gave an answer")
    } catch {
      #expect(error.message.hasPrefix(failure.message), "\(error.message)")
      let utf8 = Array(failure.query.utf8)
      let under = String(decoding: utf8[error.diagnostic.range], as: UTF8.self)
      #expect(under.lowercased() == failure.under)
      if let suggestion = failure.suggestion {
        #expect(
          error.diagnostic.suggestions.contains(suggestion), "\(error.diagnostic.suggestions)")
      }
      if !failure.under.isEmpty {
        let notes = error.diagnostic.notes.joined(separator: "\n").lowercased()
        #expect(notes.contains("the scenarios:") && notes.contains("iran joins the csto"))
      }
    }
  }

  @Test func theAnswerRoundTripsThroughJSONWithItsKind() throws {
    let answer = try Self.engine.evaluate("what if iran joins the csto")
    let json = Renderer.json(answer)
    #expect(json.contains("\"kind\":\"what-if\""))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["scenario"] as? String == "Iran joins the CSTO")
    guard case .whatIf(let whatIf) = answer.body else { return }
    #expect((object["facts"] as? [Any])?.count == whatIf.facts.count)
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(changes.first?["set"] as? String == "members")
    let decoded = try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
    #expect(Renderer.json(decoded) == json)
  }

  @Test(arguments: OutputFormat.allCases) func everyFormatShowsTheFactsAndTheChange(
    _ format: OutputFormat
  ) throws {
    let answer = try Self.engine.evaluate("what if iran joins the csto")
    let text = Renderer.render(
      answer, options: RenderOptions(format: format, evidence: .full), model: Self.engine.model)
    #expect(text.contains("The inclusion of Iran in the CSTO would be a logical step"))
    #expect(text.contains("Iran"))
    switch format {
    case .table: #expect(text.contains("gains Iran"))
    case .markdown: #expect(text.contains("| members | gains | Iran |"))
    case .csv: #expect(text.contains("change,members,gained,Iran,13,"))
    case .json: #expect(text.contains("\"gained\":[{"))
    case .dot:
      let output = try ExternalTool.dot.run(["-Tsvg"], input: text)
      #expect(output.status == 0, "\(output.stderr)")
    }
  }

  /// Printed back, a what-if parses to the same tree, for every scenario and a fact of each.
  @Test func whatIfTreesPrintAndParseBack() throws {
    var queries = Self.scenarios.map { "what if \"\($0)\"" }
    queries += ["what if iran member of csto", "what if azerbaijan in conflict with iran"]
    for query in queries {
      let statements = try Self.engine.parseStatements(query)
      let printed = Self.engine.print(statements[0])
      #expect(try Self.engine.parseStatements(printed) == statements, "\(printed)")
    }
  }
}
