import ArticleModel
import Testing

/// Further names of kinds and sets (`also`): read, printed back, and refused when they clash.
@Suite struct SetNameTests {
  static let base = """
    document d
      paragraph "Armenia is a member."
    kind country plural "countries" also "states"
    relation member_of "member of"
    entity armenia "Armenia" country
    set members "countries where member of armenia" also "csto members" "member"

    """

  @Test func furtherNamesAreReadAndPrintedBack() throws {
    let model = try ModelLoader.load(text: Self.base + "end\n", name: "case.model") { _ in "" }
    #expect(model.kinds[0].aliases == ["states"])
    #expect(model.sets[0].aliases == ["csto members", "member"])
    let again = try ModelLoader.load(text: ModelPrinter.print(model), name: "p.model") { _ in "" }
    #expect(again.kinds == model.kinds)
    #expect(again.sets == model.sets)
  }

  @Test(arguments: [
    (
      "set others \"countries\" also \"states\"",
      "the name 'states' of set 'others' already names kind 'country'"
    ),
    (
      "set others \"countries\" also \"members\"",
      "the name 'members' of set 'others' already names set 'members'"
    ),
    (
      "set others \"countries\" also \"country\"",
      "the name 'country' of set 'others' already names kind 'country'"
    ),
  ])
  func aClashNamesBothOwners(statement: String, message: String) {
    do {
      _ = try ModelLoader.load(text: Self.base + statement + "\nend\n", name: "c.model") { _ in "" }
      Issue.record("\(statement) loaded")
    } catch {
      #expect(error.diagnostics.map(\.message).contains(message))
    }
  }
}
