import ArticleModel
import Foundation
import Testing

/// A model file cut short is refused, not loaded as a smaller model (issue 15, item 5): the
/// format ends with an `end` line, which the bundled model, the printer and so the exports'
/// round trip write.
@Suite struct TruncatedModelTests {
  /// The bundled model cut after `length` bytes, in a folder with its article, loaded as a
  /// file.
  static func loadCut(_ length: Int) throws -> Result<Model, ModelError> {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-cut-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Bundled.articleText.write(
      to: folder.appendingPathComponent("article.txt"), atomically: true, encoding: .utf8)
    let path = folder.appendingPathComponent("cut.model").path
    try Data(Bundled.modelText.utf8.prefix(length)).write(to: URL(fileURLWithPath: path))
    return Result(catching: { () throws(ModelError) -> Model in try ModelLoader.load(file: path) })
  }

  /// Twenty cuts at line ends, spread over the file: each is refused as truncated.
  @Test func aModelCutAtALineEndIsRefusedAsTruncated() throws {
    let bytes = Array(Bundled.modelText.utf8)
    let lineEnds = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    // The last line break ends the `end` line itself: cutting there loses nothing.
    let cuts = (1...20).map { lineEnds[(lineEnds.count - 2) * $0 / 20] + 1 }
    for cut in cuts {
      guard case .failure(let error) = try Self.loadCut(cut) else {
        Issue.record("the model cut at byte \(cut) of \(bytes.count) loaded")
        continue
      }
      #expect(
        error.diagnostics.contains { $0.message.contains("the file looks truncated") },
        "cut at \(cut): \(error.rendered().prefix(300))")
    }
  }

  /// Cuts inside lines, anywhere: each is refused.
  @Test func aModelCutInsideALineIsRefused() throws {
    let count = Bundled.modelText.utf8.count
    for cut in stride(from: 1, to: count - 5, by: count / 20) {
      if case .success = try Self.loadCut(cut) {
        Issue.record("the model cut at byte \(cut) of \(count) loaded")
      }
    }
  }

  @Test func theWholeBundledModelLoadsAsAFile() throws {
    guard case .success(let model) = try Self.loadCut(Bundled.modelText.utf8.count) else {
      Issue.record("the whole model did not load")
      return
    }
    #expect(model.facts.count == ModelLoader.bundled.facts.count)
  }

  @Test func thePrintedModelEndsWithEndAndLoadsRequiringIt() throws {
    let printed = ModelPrinter.print(ModelLoader.bundled)
    #expect(printed.hasSuffix("\nend\n"))
    let again = try ModelLoader.load(text: printed, name: "printed", requiringEnd: true) { _ in
      Bundled.articleText
    }
    #expect(again.facts.count == ModelLoader.bundled.facts.count)
  }

  @Test func nothingMayFollowEnd() {
    let text = "kind country plural \"countries\"\nend\nkind person plural \"people\"\n"
    #expect {
      _ = try ModelLoader.load(text: text, name: "after.model") { _ in "" }
    } throws: { error in
      (error as? ModelError)?.diagnostics.map(\.message) == [
        "nothing may follow 'end', which ends the model"
      ]
    }
  }
}
