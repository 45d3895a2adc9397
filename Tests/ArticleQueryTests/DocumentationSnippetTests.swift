import ArticleQuery
import Foundation
import Testing

/// The DocC catalog's snippets are run word for word by the package in `Tests/Embedding/`
/// (which CI tests); this suite keeps the two the same, and checks that the model the
/// catalog shows still loads, so a change of the model format shows here first.
@Suite struct DocumentationSnippetTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let catalog = repository.appendingPathComponent("Sources/ArticleQuery/ArticleQuery.docc")
  static let examples = repository.appendingPathComponent(
    "Tests/Embedding/Tests/EmbeddingExamplesTests")

  static func read(_ url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }

  /// The fenced blocks of `language` in a catalog article, in order.
  static func blocks(_ language: String, in article: String) throws -> [String] {
    let text = try read(catalog.appendingPathComponent(article))
    var blocks: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line == "```" + language {
        current = []
      } else if current != nil, line == "```" {
        blocks.append(current!.joined(separator: "\n") + "\n")
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  @Test(arguments: ["EmbeddingInTests.md", "WritingAModel.md"])
  func everyTestSnippetIsRunWordForWord(article: String) throws {
    let snippets = try Self.blocks("swift", in: article).filter { $0.hasPrefix("@Test") }
    #expect(snippets.count >= 2)
    let sources = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
      .filter { $0.hasSuffix(".swift") }
      .map { try Self.read(Self.examples.appendingPathComponent($0)) }
      .joined(separator: "\n")
    for snippet in snippets {
      #expect(sources.contains(snippet), "not in Tests/Embedding: \(snippet.prefix(80))")
    }
  }

  @Test func theModelTheCatalogShowsIsTheOneTheExamplesLoad() throws {
    let shown = try #require(Self.blocks("text", in: "WritingAModel.md").first)
    let file = try Self.read(Self.examples.appendingPathComponent("summit.model"))
    #expect(shown == file)
    let model = try ModelLoader.load(text: file, name: "summit.model", requiringEnd: true) { _ in
      ""
    }
    let engine = try QueryEngine(model: model)
    #expect(try engine.evaluate("countries where criticized the alliance").names == ["Norland"])
  }
}
