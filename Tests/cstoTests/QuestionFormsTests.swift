import ArticleQuery
import Testing

@testable import csto

/// `.help` lists every question form with an example from the article, and each example
/// answers.
@Suite struct QuestionFormsTests {
  static let engine = try! QueryEngine()

  @Test func helpListsEveryFormWithItsExample() {
    for (form, example) in QuestionForms.all {
      #expect(DotCommand.helpText.contains(form))
      #expect(DotCommand.helpText.contains(example))
    }
    #expect(QuestionForms.all.count >= 30)
  }

  /// Each example is in the language, and the article answers it: none is empty.
  @Test(arguments: QuestionForms.all.map(\.example))
  func eachExampleAnswers(_ example: String) throws {
    let answer = try Self.engine.evaluate(example)
    #expect(answer.resultCount > 0, "\(example)")
  }
}
