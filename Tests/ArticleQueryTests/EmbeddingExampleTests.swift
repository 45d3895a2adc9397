import ArticleModel
import ArticleQuery
import Syntax
import Testing

/// The README's embedding example, exactly as it is shown there.
@Test func readmeEmbeddingExample() throws {
  let engine = try QueryEngine()  // the bundled CSTO model
  let answer = try engine.evaluate("members where criticized russia")
  #expect(answer.names == ["Tajikistan"])
}

@Test func errorsAreThrownAsQueryErrorWithAPosition() throws {
  let engine = try QueryEngine()
  do {
    _ = try engine.evaluate("members wher criticized russia")
    Issue.record("no error thrown")
  } catch {
    #expect(error.location == SourceLocation(line: 1, column: 9))
    #expect(error.diagnostic.suggestions == ["where"])
  }
}
