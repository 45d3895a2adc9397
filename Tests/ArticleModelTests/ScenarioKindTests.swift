import ArticleModel
import Testing

/// A kind of scenarios is one the model declares `hypothetical`, whatever its name: a kind
/// spelt `scenario` without it is a kind like any other.
@Suite struct ScenarioKindTests {
  static let model = """
    document d
      paragraph "Iran may join the bloc."
    kind state plural "states"
    kind hypothesis plural "hypotheses" hypothetical
    kind scenario plural "scenarios"
    relation joins "joins"
    entity iran "Iran" state
    entity bloc "The Bloc" state
    entity accession "Iran joins the bloc" hypothesis
    entity plain "Plain" scenario

    """

  static func load(_ text: String) throws(ModelError) -> Model {
    try ModelLoader.load(text: text, name: "scenario.model") { _ in "" }
  }

  @Test func aHypotheticalKindHoldsScenarios() throws {
    let model = try Self.load(
      Self.model + "fact iran joins bloc scenario accession evidence 1 \"Iran may join\"\n")
    #expect(model.kinds.map(\.isScenario) == [false, true, false])
    #expect(model.entities.indices.filter(model.isScenario) == [2])
    #expect(model.facts.first?.scenario == 2)
    #expect(
      ModelPrinter.print(model).contains("kind hypothesis plural \"hypotheses\" hypothetical\n"))
    #expect(try Self.load(ModelPrinter.print(model)) == model)
  }

  @Test func aKindSpeltScenarioIsNotOneUnlessDeclared() {
    do {
      _ = try Self.load(
        Self.model + "fact iran joins bloc scenario plain evidence 1 \"Iran may join\"\n")
      Issue.record("a fact of a kind not declared hypothetical loaded as a scenario's")
    } catch {
      #expect(error.diagnostics.map(\.message) == ["'plain' is a scenario, not a scenario"])
    }
  }

  @Test func anEntityKeepsItsKindByIndex() throws {
    let model = try Self.load(Self.model)
    #expect(model.entities.map(\.kind) == [KindRef(0), KindRef(0), KindRef(1), KindRef(2)])
    #expect(model.kind(id: "hypothesis") == KindRef(1))
    #expect(model.kind(of: 3).id == "scenario")
  }
}
