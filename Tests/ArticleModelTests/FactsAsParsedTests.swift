import Foundation
import Syntax
import Testing

@testable import ArticleModel

/// Checking each fact as it is parsed gives what checking the file whole gives: the same
/// model, or the same messages at the same places in the same order, whatever the file
/// declares after its facts.
@Suite struct FactsAsParsedTests {
  typealias Outcome = Result<Model, ModelError>

  static func load(_ text: String, factsAsParsed: Bool, reads: Reads = Reads()) -> Outcome {
    Result { () throws(ModelError) -> Model in
      try ModelLoader.load(
        text: text, name: "case.model", requiringEnd: false, factsAsParsed: factsAsParsed
      ) { name in
        reads.names.append(name)
        guard name == "article.txt" else { throw ModelCheckerTests.Unreadable() }
        return reads.text
      }
    }
  }

  /// The text files a load read, in order, and what each holds.
  final class Reads: @unchecked Sendable {
    var names: [String] = []
    var text = Bundled.articleText
  }

  static func expectSame(_ text: String, _ comment: Comment? = nil) {
    let asParsed = load(text, factsAsParsed: true)
    let whole = load(text, factsAsParsed: false)
    switch (asParsed, whole) {
    case (.success(let a), .success(let b)):
      #expect(a == b, comment)
    case (.failure(let a), .failure(let b)):
      #expect(a.diagnostics == b.diagnostics, comment)
      #expect(a.rendered() == b.rendered(), comment)
    default:
      Issue.record("one way loads, the other does not: \(comment ?? "")")
    }
  }

  @Test func theBundledModelIsTheSame() {
    Self.expectSame(Bundled.modelText)
    #expect((try? Self.load(Bundled.modelText, factsAsParsed: true).get()) == ModelLoader.bundled)
  }

  /// Every model input the fuzzers kept (`Tests/Fuzz/corpus/model`), by file name.
  static func fuzzCorpusModels() throws -> [(name: String, text: String)] {
    let folder = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/corpus/model")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
      ($0, String(decoding: try Data(contentsOf: folder.appendingPathComponent($0)), as: UTF8.self))
    }
  }

  /// Every model input the fuzzers kept: well-formed, broken and odd ones.
  @Test func everyFuzzCorpusModelIsTheSame() throws {
    let models = try Self.fuzzCorpusModels()
    #expect(models.count > 1000)
    for (name, text) in models { Self.expectSame(text, "\(name)") }
  }

  static let declarations = """
    document d
      paragraph "Rakhmon criticized Russia at the summit."
      paragraph "Russia’s hands are tied."
    kind country plural "countries"
    kind person plural "people"
    relation criticized "criticized"

    """

  static let fact = """
    fact rakhmon criticized russia
      evidence 1 "Rakhmon criticized Russia"

    """

  static let entities = """
    entity russia "Russia" country
    entity rakhmon "Rakhmon" person

    """

  /// Files in which a fact comes before what it needs, or after a problem, or before a
  /// declaration that changes what it means: each stops checking facts as they are parsed,
  /// or makes the load start again checking the file whole.
  static let cases: [(String, String)] = [
    ("a fact before its entities", declarations + fact + entities + fact),
    (
      "an unknown entity, then good facts",
      declarations + entities + fact.replacingOccurrences(of: "russia", with: "rusia") + fact + fact
    ),
    (
      "a wrong quote, then good facts",
      declarations + entities
        + fact.replacingOccurrences(of: "Rakhmon criticized", with: "Rakhmon praised") + fact
    ),
    (
      "a second document after facts that name none",
      declarations + entities + fact + "document e\n  paragraph \"Rakhmon criticized Russia.\"\n"
        + fact
    ),
    (
      "a second document after facts that name theirs",
      declarations + entities + fact.replacingOccurrences(of: "evidence 1", with: "evidence d 1")
        + "document e\n  paragraph \"Other.\"\n"
    ),
    (
      "a duplicate entity after facts",
      declarations + entities + fact + "entity russia \"Russia again\" person\n" + fact
    ),
    (
      "a scenario whose kind comes after the fact",
      declarations + entities + "entity plan \"A plan\" scenario\n" + fact
        + "fact rakhmon criticized russia\n  scenario plan\n  evidence 1 \"Rakhmon criticized Russia\"\n"
        + "kind scenario plural \"scenarios\" hypothetical\n"
    ),
    (
      "a qualifier declared twice after its use",
      declarations + entities + "qualifier manner string\n"
        + "fact rakhmon criticized russia\n  manner \"openly\"\n  evidence 1 \"Rakhmon criticized Russia\"\n"
        + "qualifier manner id\n"
    ),
    (
      "a syntax error between facts",
      declarations + entities + fact + "fact rakhmon criticized\n" + fact
    ),
    (
      "a lexical error inside a fact",
      declarations + entities + fact
        + "fact rakhmon criticized russia @\n  evidence 1 \"Rakhmon criticized Russia\"\n" + fact
    ),
    (
      "a relation declared after the facts",
      declarations + entities + fact
        + "relation praised \"praised\"\nfact rakhmon praised russia\n  evidence 1 \"Rakhmon criticized Russia\"\n"
    ),
    (
      "a document without paragraphs after facts",
      declarations + entities + fact.replacingOccurrences(of: "evidence 1", with: "evidence d 1")
        + "document e\n"
    ),
  ]

  @Test(arguments: cases.indices)
  func aFileThatStopsCheckingFactsAsParsedIsTheSame(index: Int) {
    Self.expectSame(Self.cases[index].1, "\(Self.cases[index].0)")
  }

  /// A document's text file is read once, however the facts are checked, also when the load
  /// checks facts as they are parsed.
  @Test func aTextFileIsReadOnce() throws {
    let text = """
      document d
        text "article.txt"
      kind country plural "countries"
      relation criticized "criticized"
      entity russia "Russia" country
      entity belarus "Belarus" country
      fact russia criticized belarus
        evidence 2 "Russia criticized Belarus"

      """
    let reads = Reads()
    reads.text = "A first paragraph.\n\nThen Russia criticized Belarus.\n"
    let model = try Self.load(text, factsAsParsed: true, reads: reads).get()
    #expect(reads.names == ["article.txt"])
    #expect(model.documents[0].paragraphs.count == 2)
    let whole = Reads()
    whole.text = reads.text
    #expect(try Self.load(text, factsAsParsed: false, reads: whole).get() == model)
    #expect(whole.names == ["article.txt"])
  }
}
