import ArticleModel
import Foundation
import Testing

/// The format's clauses beyond facts and names: a reflexive relation, a relation whose facts
/// are personal, a declared qualifier, and a sentence declared to make no claim. Each is read,
/// has the effect it documents, and prints back to the same model.
@Suite struct ModelFormatFeatureTests {
  static let text = """
    document d
      paragraph "The bloc can renew itself. Two officials backed the opponents indirectly."
      paragraph "Thanks for reading."
    kind country plural "countries"
    kind person plural "people"
    kind organization plural "organizations"
    kind group plural "groups"
    relation can_renew "can renew" reflexive
    relation indirectly_supported "indirectly supported" personal
    relation secretary_of "secretary of" office represents person subject person object country
    entity bloc "Bloc" organization
    entity land "Land" country
    entity official "Official" person
    entity opponents "Opponents" group
    qualifier manner string "how the subject acted"
    fact bloc can_renew bloc
      manner "on its own"
      evidence 1 "The bloc can renew itself."
    fact official secretary_of land
      evidence 1 "Two officials"
    fact official indirectly_supported opponents
      evidence 1 "backed the opponents indirectly"
    noclaim 2 "Thanks for reading."
      reason "a courtesy to the reader"

    """

  static func load(_ text: String) throws -> Model {
    try ModelLoader.load(text: text, name: "features.model") { _ in "" }
  }

  @Test func aReflexiveRelationJoinsAnEntityToItself() throws {
    let model = try Self.load(Self.text)
    let relation = try #require(model.relation(id: "can_renew"))
    #expect(model.relations[relation].reflexive)
    let fact = try #require(model.facts.first { $0.relation == relation })
    #expect(fact.subject == fact.object)
  }

  @Test func aPersonalRelationsFactsCountForNobodyElse() throws {
    let model = try Self.load(Self.text)
    let relation = try #require(model.relation(id: "indirectly_supported"))
    let fact = try #require(model.facts.first { $0.relation == relation })
    #expect(fact.personal)
    let office = try #require(
      model.facts.first { $0.relation != relation && $0.evidence[0].quote == "Two officials" })
    #expect(!office.personal)
  }

  @Test func aDeclaredQualifierIsKeptWithItsMeaning() throws {
    let model = try Self.load(Self.text)
    #expect(
      model.qualifiers == [
        Qualifier.Declaration(
          key: Qualifier.Key(rawValue: "manner"), takesEntity: false,
          meaning: "how the subject acted")
      ])
    let fact = try #require(model.facts.first)
    #expect(fact.qualifiers == [Qualifier(Qualifier.Key(rawValue: "manner"), .text("on its own"))])
  }

  @Test func aSentenceDeclaredWithoutAClaimIsNotUncited() throws {
    let coverage = Coverage(of: try Self.load(Self.text))
    #expect(coverage.uncitedCount == 0)
    #expect(
      coverage.paragraphs[1].declared == [
        Coverage.Declared(sentence: "Thanks for reading.", reason: "a courtesy to the reader")
      ])
    #expect(coverage.paragraphs[0].declared.isEmpty)
  }

  @Test func withoutTheDeclarationTheSentenceIsUncited() throws {
    let text = Self.text.replacingOccurrences(
      of: "noclaim 2 \"Thanks for reading.\"\n  reason \"a courtesy to the reader\"\n", with: "")
    let coverage = Coverage(of: try Self.load(text))
    #expect(coverage.paragraphs[1].uncited == ["Thanks for reading."])
  }

  @Test func everyFeaturePrintsBackToTheSameModel() throws {
    let model = try Self.load(Self.text)
    let printed = ModelPrinter.print(model)
    #expect(printed.contains("  reflexive\n"))
    #expect(printed.contains("  personal\n"))
    #expect(printed.contains("qualifier manner string \"how the subject acted\"\n"))
    #expect(
      printed.contains("noclaim 2 \"Thanks for reading.\"\n  reason \"a courtesy to the reader\"\n")
    )
    #expect(try Self.load(printed) == model)
  }
}
