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

  /// Two documents, each with its own paragraph 1.
  static let twoDocuments = """
    document brief
      paragraph "Alpha met Beta."
    document digest
      paragraph "Beta met Alpha again."
      paragraph "Alpha did not meet Gamma."
    kind country plural "countries"
    relation meets "met"
      past "met" base "meet"
    entity alpha "Alpha" country
    entity beta "Beta" country
    entity gamma "Gamma" country
    fact alpha meets beta
      evidence brief 1 "Alpha met Beta"
    fact beta meets alpha
      evidence digest 1 "Beta met Alpha"
    fact alpha meets gamma
      denied
      evidence digest 2 "Alpha did not meet Gamma"
    end

    """

  @Test func aParagraphIsOfTheDocumentNamedOrTheOnlyOneThatHasIt() throws {
    let engine = try QueryEngine(
      model: ModelLoader.load(text: Self.twoDocuments, name: "two", readText: { $0 }))
    let brief = try Reports.source(engine, document: "brief", paragraph: 1, color: false)
    #expect(brief.hasPrefix("brief ¶1\n[[Alpha met Beta]].\n"))
    #expect(brief.contains("1 fact cites it:\n  Alpha met Beta\n"))
    let digest = try Reports.source(engine, document: "digest", paragraph: 1, color: false)
    #expect(digest.hasPrefix("digest ¶1\n[[Beta met Alpha]] again.\n"))
    #expect(!digest.contains("Alpha met Beta"))
    let only = try Reports.source(engine, paragraph: 2, color: false)
    #expect(only.hasPrefix("digest ¶2\n[[Alpha did not meet Gamma]].\n"))
    #expect(only.contains("  Alpha did not meet Gamma\n"))
    for (document, number, query) in [
      (nil, 1, "facts in paragraph 1"), ("brief", 2, "facts in paragraph 2 of brief"),
      (nil, 7, "facts in paragraph 7"),
    ] as [(String?, Int, String)] {
      let error = try #require(throws: ReportError.self) {
        try Reports.source(engine, document: document, paragraph: number, color: false)
      }
      switch engine.run(query).last {
      case .failure(let queryError):
        #expect(error.description == queryError.message, "the same error as \(query)")
      default:
        Issue.record("\(query) is not an error")
      }
    }
    #expect(throws: ReportError.self) {
      try Reports.source(engine, document: "memo", paragraph: 1, color: false)
    }
  }

  @Test func theSourceCommandTakesADocument() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let model = try CstoBinary.write(Self.twoDocuments, to: "two.model", in: folder)
    let run = try CstoBinary.run(
      ["--model", model, "-c", ".source digest 1", "-c", ".source 2"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("digest ¶1\n[[Beta met Alpha]] again."))
    #expect(run.standardOutput.contains("digest ¶2\n[[Alpha did not meet Gamma]]."))
    let ambiguous = try CstoBinary.run(["--model", model, "-c", ".source 1"], in: folder)
    #expect(ambiguous.status == 1)
    #expect(ambiguous.standardError.contains("paragraph 1 is in several documents (brief, digest)"))
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

  @Test func theBannerCountsInTheRightNumber() throws {
    let one = """
      document one
        title "One"
        paragraph "Alpha spoke."
      kind country plural "countries"
      relation spoke "spoke"
        past "spoke" base "speak"
        reflexive
      entity alpha "Alpha" country
      fact alpha spoke alpha
        evidence 1 "Alpha spoke"

      """
    let model = try ModelLoader.load(text: one, name: "one", readText: { $0 })
    let shell = Shell(
      engine: try QueryEngine(model: model), output: Output(), settings: Shell.Settings(),
      keepGoing: false, outputColor: false, errorColor: false, fallbackWidth: 80)
    #expect(shell.banner.contains("(1 entity, 1 fact; .help)"), "\(shell.banner)")
    let three = Shell(
      engine: try Self.engine(), output: Output(), settings: Shell.Settings(), keepGoing: false,
      outputColor: false, errorColor: false, fallbackWidth: 80)
    #expect(three.banner.contains("(3 entities, 3 facts; .help)"), "\(three.banner)")
  }

  @Test func aQuoteCutByOneCharacterSaysSo() {
    let cut = Renderer.shorten("abcdefghi", to: 8)
    #expect(cut.cut == 1)
    #expect(cut.description == "abcdefgh… (+1 char)")
    #expect(Renderer.shorten("abcdefghijk", to: 8).description == "abcdefgh… (+3 chars)")
  }

  @Test(arguments: [(0, "0 facts"), (1, "1 fact"), (2, "2 facts")])
  func countsTakeTheirNumber(count: Int, expected: String) {
    #expect(Plural.count(count, "fact", "facts") == expected)
  }
}
