import ArticleModel
import ArticleQuery
import Testing

@testable import csto

/// The dot-commands' reports on the model itself (`.schema`, `.names`, `.source`,
/// `.coverage`), on a model small enough to count by hand: one entity of a kind, one fact of
/// a relation, one fact citing a paragraph.
@Suite struct ReportsTests {
  static let modelText = """
    document tiny
      title "Tiny"
      paragraph "Alpha met Beta. Nobody else came."
      paragraph "Beta left."
    kind country plural "countries"
    kind person plural "people"
    relation meets "met"
      past "met" base "meet"
    relation likes "likes"
      past "liked" base "like"
    entity alpha "Alpha" country
    entity beta "Beta" country
    entity gamma "Gamma" person
    fact alpha meets beta
      evidence 1 "Alpha met Beta"
    fact alpha likes beta
      evidence 1 "Alpha met Beta"
    fact beta likes alpha
      evidence 1 "Alpha met Beta"

    """

  static func engine() throws -> QueryEngine {
    try QueryEngine(model: ModelLoader.load(text: modelText, name: "tiny", readText: { $0 }))
  }

  @Test func theSchemaCountsInTheRightNumber() throws {
    let schema = Reports.schema(try Self.engine().model)
    let lines = schema.split(separator: "\n").map { String($0) }
    let person = try #require(lines.first { $0.contains("people") })
    #expect(person.hasSuffix(" 1 entity"))
    let country = try #require(lines.first { $0.contains("countries") })
    #expect(country.hasSuffix(" 2 entities"))
    let meets = try #require(lines.first { $0.hasPrefix("  met") })
    #expect(meets.hasSuffix(" 1 fact"))
    let likes = try #require(lines.first { $0.hasPrefix("  likes") })
    #expect(likes.hasSuffix(" 2 facts"))
    #expect(!schema.contains(" 1 facts"))
    #expect(!schema.contains(" 1 entities"))
  }

  @Test func aParagraphListsTheFactsCitingItInTheRightNumber() throws {
    let engine = try Self.engine()
    let first = try Reports.source(engine, paragraph: 1, color: false)
    #expect(first.contains("[[Alpha met Beta]]"))
    #expect(first.contains("3 facts cite it:"))
    #expect(first.contains("  Alpha met Beta"))
    let second = try Reports.source(engine, paragraph: 2, color: false)
    #expect(second.contains("0 facts cite it:"))
    #expect(throws: ReportError.self) { try Reports.source(engine, paragraph: 3, color: false) }
  }

  @Test func namesAreFoundByPrefix() throws {
    let names = Reports.names(try Self.engine().model, prefix: "be")
    #expect(names.split(separator: "\n").count == 1)
    #expect(names.hasPrefix("Beta"))
    #expect(Reports.names(try Self.engine().model, prefix: "zz").contains("no names begin"))
  }

  @Test func coverageListsTheSentencesNoFactCites() throws {
    let coverage = Reports.coverage(try Self.engine().model)
    #expect(coverage.contains("Nobody else came."))
    #expect(coverage.contains("Beta left."))
    #expect(!coverage.contains("  ¶1: Alpha met Beta"))
  }

  @Test(arguments: [(0, "0 facts"), (1, "1 fact"), (2, "2 facts")])
  func countsTakeTheirNumber(count: Int, expected: String) {
    #expect(Plural.count(count, "fact", "facts") == expected)
  }
}
