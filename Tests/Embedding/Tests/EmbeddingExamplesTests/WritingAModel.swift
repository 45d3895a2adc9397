import ArticleQuery
import Foundation
import Testing

// The snippets of the article "Writing a model of another article", word for word, and what
// they need: the article's model (summit.model, a resource of this target) and a file to
// write a broken copy to.

/// The model the article shows.
let summitModel: String = {
  guard let url = Bundle.module.url(forResource: "summit", withExtension: "model"),
    let text = try? String(contentsOf: url, encoding: .utf8)
  else { fatalError("summit.model is a resource of this target") }
  return text
}()

/// Writes `text` to a new file named `name` in a folder of its own, and gives its path.
func temporaryFile(named name: String, holding text: String) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "csto-embedding-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let path = folder.appendingPathComponent(name).path
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

@Test func aModelOfAnotherArticleAnswersWithItsOwnEvidence() throws {
  let model = try ModelLoader.load(text: summitModel, name: "summit.model") { _ in "" }
  let engine = try QueryEngine(model: model)
  let answer = try engine.evaluate("countries where criticized the alliance")
  #expect(answer.names == ["Norland"])
  #expect(answer.evidence(for: "Norland").first?.via == "Alda")
  #expect(try engine.evaluate("count neighbours").count == 1)
}

@Test func aQuoteThatIsNotInItsParagraphIsAnErrorAtItsLine() throws {
  let broken = summitModel.replacingOccurrences(
    of: "evidence 1 \"President Alda of Norland\"",
    with: "evidence 1 \"President Alda of Southland\"")
  let path = try temporaryFile(named: "broken.model", holding: broken)
  do {
    _ = try QueryEngine(modelFile: path)
    Issue.record("a quote not in its paragraph was accepted")
  } catch .model(let error) {
    #expect(error.rendered().contains("broken.model:42:"))
  } catch .namedSet(let error) {
    Issue.record("not a set's error: \(error)")
  }
}
