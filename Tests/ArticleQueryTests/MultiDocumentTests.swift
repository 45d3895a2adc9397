import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// A model of two small documents, each with its own paragraph 1 and 2: every query that
/// involves paragraphs keys them by (document, paragraph), never by the number alone.
@Suite struct MultiDocumentTests {
  static let modelText = """
    document brief
      title "Brief"
      paragraph "Alpha met Beta in the capital. Beta thanked Alpha."
      paragraph "Delta stayed home, far from Alpha."
    document digest
      title "Digest"
      paragraph "The digest says Beta met Delta, as Alpha met Beta."
      paragraph "Alpha did not meet Delta, the digest adds."
      paragraph "Gamma thanked Alpha."
    kind country plural "countries"
    relation meets "met"
      symmetric
      past "met" base "meet"
    relation thanked "thanked"
      present "thanks" base "thank"
    entity alpha "Alpha" country
    entity beta "Beta" country
    entity delta "Delta" country
    entity gamma "Gamma" country
    fact alpha meets beta
      evidence brief 1 "Alpha met Beta"
      evidence digest 1 "Alpha met Beta"
    fact beta thanked alpha
      evidence brief 1 "Beta thanked Alpha"
    fact beta meets delta
      evidence digest 1 "Beta met Delta"
    fact alpha meets delta
      denied
      evidence digest 2 "Alpha did not meet Delta"
    fact gamma thanked alpha
      evidence digest 3 "Gamma thanked Alpha"

    """

  static let engine = try! QueryEngine(
    model: ModelLoader.load(text: modelText, name: "two.model", readText: { $0 }))

  static func facts(_ query: String) throws -> [FactResult] {
    let answer = try engine.evaluate(query)
    return try #require(answer.body.facts, "\(query) answers \(answer.kind), not facts")
  }

  static func error(_ query: String) -> String? {
    guard case .failure(let error) = engine.run(query).last else { return nil }
    return error.rendered(sourceName: "query")
  }

  @Test func aParagraphOfADocumentIsThatDocumentsAlone() throws {
    let brief = try Self.facts("facts in paragraph 1 of brief")
    #expect(brief.map(\.sentence) == ["Alpha met Beta", "Beta thanked Alpha"])
    #expect(brief.allSatisfy { $0.document == "brief" && $0.paragraph == 1 })
    let digest = try Self.facts("facts in paragraph 1 of digest")
    #expect(digest.map(\.sentence) == ["Alpha met Beta", "Beta met Delta"])
    #expect(digest.allSatisfy { $0.document == "digest" && $0.paragraph == 1 })
    let shared = try #require(digest.first)
    #expect(shared.quote == "Alpha met Beta")
    #expect(
      shared.moreEvidence.map(\.document) == ["brief"], "the other evidence keeps its document")
    #expect(
      try Self.facts("facts in paragraph 2 of digest").map(\.sentence) == [
        "Alpha did not meet Delta"
      ])
    #expect(try Self.facts("facts in paragraph 2 of brief").isEmpty)
    #expect(try Self.engine.evaluate("count facts in paragraph 1 of brief").count == 2)
  }

  @Test func aNumberOnlyOneDocumentHasNeedsNoDocument() throws {
    #expect(try Self.facts("facts in paragraph 3").map(\.sentence) == ["Gamma thanked Alpha"])
    #expect(try Self.facts("facts in paragraph 3").map(\.document) == ["digest"])
  }

  @Test func aNumberSeveralDocumentsHaveIsAnErrorThatNamesThem() {
    #expect(
      Self.error("facts in paragraph 1") == """
        query:1:20: error: paragraph 1 is in several documents (brief, digest): say which
        facts in paragraph 1
                           ^
        note: facts in paragraph 1 of brief
        note: facts in paragraph 1 of digest
        """)
  }

  @Test func aParagraphNoDocumentHasIsAnErrorAtItsNumber() {
    #expect(
      Self.error("facts in paragraph 3 of brief") == """
        query:1:20: error: no paragraph 3: brief has paragraphs 1 to 2
        facts in paragraph 3 of brief
                           ^
        """)
    #expect(
      Self.error("facts in paragraph 9") == """
        query:1:20: error: no paragraph 9: the documents have paragraphs brief 1 to 2; digest 1 to 3
        facts in paragraph 9
                           ^
        """)
    #expect(
      Self.error("facts in paragraph 1 of memo") == """
        query:1:25: error: unknown document 'memo': the documents are brief, digest
        facts in paragraph 1 of memo
                                ^~~~
        """)
  }

  @Test func aParagraphPrintsWithItsDocumentAndParsesBack() throws {
    let statement = try #require(
      try Self.engine.parseStatements("facts in paragraph 2 of digest").first)
    let printed = Self.engine.print(statement)
    #expect(printed == "facts in paragraph 2 of digest")
    #expect(try Self.engine.parseStatements(printed) == [statement])
    #expect(try Self.engine.parseStatements("facts in paragraph 2 of brief") != [statement])
  }

  /// The denial is in digest ¶2 and a paragraph naming both is brief ¶2: keyed by number
  /// alone, one would hide the other.
  @Test func nearMissesCarryTheirDocument() throws {
    let answer = try Self.engine.evaluate("why not alpha met delta")
    let misses = try #require(answer.body.nearMisses, "why not answers \(answer.kind)")
    let places = misses.misses.map { "\($0.reason) \($0.document) ¶\($0.paragraph)" }
    #expect(places == ["same paragraph brief ¶2", "same paragraph digest ¶1", "denied digest ¶2"])
    #expect(misses.misses[0].quote == "Delta stayed home, far from Alpha.")
    let json = Renderer.json(answer)
    #expect(json.contains(#""document":"brief""#))
    #expect(json.contains(#""document":"digest""#))
  }

  @Test func factsAndEvidenceAreInTheOrderOfTheDocuments() throws {
    let about = try Self.facts("facts about alpha")
    #expect(
      about.map { "\($0.document) ¶\($0.paragraph)" } == [
        "brief ¶1", "brief ¶1", "digest ¶2", "digest ¶3",
      ])
    let thanked = try Self.engine.evaluate("countries where thanked alpha")
    let results = try #require(thanked.body.entities, "a selection answers \(thanked.kind)")
    #expect(results.map(\.name) == ["Beta", "Gamma"])
    #expect(results.map { $0.evidence.map(\.fact.document) } == [["brief"], ["digest"]])
  }

  /// Tables and Markdown name the document beside the paragraph when an answer cites more
  /// than one; with one document the paragraph number is enough.
  @Test func tablesNameTheDocumentOfEachParagraph() throws {
    let misses = try Self.engine.evaluate("why not alpha met delta")
    let table = Renderer.render(misses, options: RenderOptions(width: 200))
    #expect(table.contains("same paragraph  brief ¶2"))
    #expect(table.contains("denied          digest ¶2"))
    let markdown = Renderer.render(
      try Self.engine.evaluate("facts about beta"), options: RenderOptions(format: .markdown))
    #expect(markdown.contains("| brief 1 | Alpha met Beta |"))
    #expect(markdown.contains("| digest 1 | Beta met Delta |"))
    let one = Renderer.render(try Self.engine.evaluate("facts in paragraph 1 of digest"))
    #expect(one.contains("¶1  Alpha met Beta"))
    #expect(!one.contains("digest ¶1"), "one document cited: its number is enough")
  }

  @Test func completionOffersTheDocuments() {
    let afterNumber = "facts in paragraph 2 "
    #expect(
      Self.engine.completions(in: afterNumber, cursor: afterNumber.count).candidates.contains("of"))
    let afterOf = "facts in paragraph 2 of d"
    #expect(
      Self.engine.completions(in: afterOf, cursor: afterOf.count).candidates == ["digest"])
    let bundled = try! QueryEngine()
    #expect(
      !bundled.completions(in: afterNumber, cursor: afterNumber.count).candidates.contains("of"),
      "one document needs no 'of'")
  }

  @Test func theIndexKeysFactsByDocumentAndParagraph() {
    let index = Self.engine.model.index
    #expect(index.facts(inParagraph: 1, of: 0) == [0, 1])
    #expect(index.facts(inParagraph: 1, of: 1) == [0, 2])
    #expect(index.facts(inParagraph: 2, of: 0).isEmpty)
    #expect(index.facts(inParagraph: 2, of: 1) == [3])
    #expect(index.facts(inParagraph: 3, of: 0).isEmpty)
    #expect(index.facts(inParagraph: 1, of: 2).isEmpty)
  }
}

extension Answer.Body {
  fileprivate var facts: [FactResult]? {
    if case .facts(let facts) = self { facts } else { nil }
  }

  fileprivate var nearMisses: NearMisses? {
    if case .nearMisses(let misses) = self { misses } else { nil }
  }

  fileprivate var entities: [EntityResult]? {
    if case .entities(let results) = self { results } else { nil }
  }
}
