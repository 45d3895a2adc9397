import ArticleModel
import ArticleQuery
import Testing

/// `show SCENARIO` and `facts about SCENARIO` include the facts that hold only in the
/// scenario, marked as the scenario's.
@Suite struct ScenarioFactsTests {
  static let engine = try! QueryEngine()

  /// Every scenario of the model with facts of its own, by id.
  static var scenarios: [String] {
    let model = engine.model
    return model.entities.indices.filter { index in
      model.isScenario(index) && model.facts.contains { $0.scenario == index }
    }.map { model.entities[$0].id }
  }

  static func ownFacts(of id: String) -> Set<Int> {
    let model = engine.model
    let index = model.entities.firstIndex { $0.id == id }!
    return Set(model.facts.indices.filter { model.facts[$0].scenario == index })
  }

  @Test func theArticleHasScenariosWithFactsOfTheirOwn() {
    // ¶13: "The inclusion of Iran in the CSTO would be a logical step"; ¶11: a Russian victory
    #expect(Self.scenarios.contains("iran_joins_csto"))
    #expect(Self.scenarios.count >= 3)
  }

  @Test(arguments: scenarios)
  func showListsTheScenariosOwnFactsMarkedAsItsOwn(id: String) throws {
    guard case .profile(let profile) = try Self.engine.evaluate("show \(id)").body else {
      Issue.record("show \(id) is not a profile")
      return
    }
    let own = try #require(profile.groups.first { $0.title.hasPrefix("the scenario's own facts") })
    #expect(Set(own.facts.map(\.index)) == Self.ownFacts(of: id))
    #expect(own.facts.allSatisfy { $0.scenario == profile.entity.name })
    #expect(own.facts.allSatisfy { $0.sentence.contains("[scenario: \(profile.entity.name)]") })
  }

  @Test(arguments: scenarios)
  func factsAboutAScenarioIncludeItsOwn(id: String) throws {
    let facts = try #require(
      { if case .facts(let facts) = $0 { facts } else { nil } }(
        try Self.engine.evaluate("facts about \(id)").body))
    #expect(Self.ownFacts(of: id).isSubset(of: Set(facts.map(\.index))))
  }

  @Test func theScenarioByItsQuotedName() throws {
    let answer = try Self.engine.evaluate("show \"iran joins the csto\"")
    let text = Renderer.render(answer)
    #expect(text.contains("the scenario's own facts"))
    #expect(text.contains("Iran is a member of CSTO [scenario: Iran joins the CSTO]"))
  }

  @Test func anEntityThatIsNoScenarioHasNoSuchGroup() throws {
    guard case .profile(let profile) = try Self.engine.evaluate("show iran").body else {
      Issue.record("show iran is not a profile")
      return
    }
    #expect(!profile.groups.contains { $0.title.hasPrefix("the scenario's own facts") })
    // Iran's scenario facts stay with the scenarios the author considers.
    #expect(profile.groups.contains { $0.title == "in scenarios the author considers" })
  }
}
