import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// Replays the fuzzers' committed corpus (`Tests/Fuzz/corpus`) with the fuzz targets'
/// checks, so that every input a fuzzer once found interesting stays a regression test.
@Suite struct FuzzCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/corpus")

  static func inputs(_ target: String) -> [URL] {
    let folder = corpus.appendingPathComponent(target)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test func queryInputsGiveAnswersOrPositionedErrors() throws {
    let engine = try QueryEngine()
    let files = Self.inputs("query")
    #expect(files.count > 100)
    for file in files {
      let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
      for result in engine.run(text) {
        switch result {
        case .success(let answer):
          for format in OutputFormat.allCases {
            #expect(!Renderer.render(answer, options: RenderOptions(format: format)).isEmpty)
          }
        case .failure(let error):
          #expect(error.diagnostic.range.upperBound <= text.utf8.count, "\(file.lastPathComponent)")
        }
      }
    }
  }

  @Test func modelInputsLoadAndRoundTripOrGivePositionedErrors() throws {
    let files = Self.inputs("model")
    #expect(!files.isEmpty)
    for file in files {
      let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
      do {
        let model = try ModelLoader.load(text: text, name: "corpus") { _ in Bundled.articleText }
        let again = try ModelLoader.load(text: ModelPrinter.print(model), name: "printed") { _ in
          Bundled.articleText
        }
        #expect(again == model, "\(file.lastPathComponent)")
      } catch {
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
          #expect(diagnostic.range.upperBound <= text.utf8.count, "\(file.lastPathComponent)")
        }
      }
    }
  }
}
