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

  /// As the snapshot fuzz target checks them: each input, as given and with its length and
  /// checksums made right, is refused with a `SnapshotError` or gives a model that writes back
  /// to itself and that an engine answers on.
  @Test func snapshotInputsLoadOrAreRefused() throws {
    let files = Self.inputs("snapshot")
    #expect(!files.isEmpty)
    var loaded = 0
    for file in files {
      var bytes = [UInt8](try Data(contentsOf: file))
      var variants = [bytes]
      if bytes.count >= 32 {
        bytes.replaceSubrange(
          16..<24, with: withUnsafeBytes(of: UInt64(bytes.count - 32).littleEndian, Array.init))
        if let resigned = ModelSnapshot.resigned(bytes) { variants.append(resigned) }
      }
      for variant in variants {
        do {
          let model = try variant.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
          let header = try variant.withUnsafeBytes { try ModelSnapshot.header(of: $0) }
          let again = try header.encode(model, sections: model.snapshotSections)
            .withUnsafeBytes { try ModelSnapshot.model(from: $0) }
          #expect(again == model, "\(file.lastPathComponent)")
          #expect(again.snapshotSections == model.snapshotSections)
          if let engine = try? QueryEngine(model: model) {
            _ = engine.run("everything; facts; count everything")
          }
          loaded += 1
        } catch {
          #expect(error is SnapshotError, "\(file.lastPathComponent): \(error)")
        }
      }
    }
    #expect(loaded > 0, "the seeds are snapshots that load")
  }
}
