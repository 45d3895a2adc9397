import ArticleQuery
import Testing

@testable import csto

/// `.help` lists every question form with an example from the article, and the examples of
/// the forms this language has answer.
@Suite struct QuestionFormsTests {
  static let engine = try! QueryEngine()

  /// Forms whose examples must parse here (others come with their own branches).
  static let built = [
    "a set", "a set with a condition", "which", "which, as a condition", "who",
    "who with did/does/has", "any tense of a relation", "the, a, an around names", "what did",
    "a possessive", "what the article denies", "not: the denial, or not stated", "a passive",
    "a sub-query", "count", "profile", "a scenario's profile", "facts", "a paragraph's facts",
    "why", "why not", "assuming a scenario", "a qualifier", "where", "when", "how much",
    "what happened", "yes or no", "yes or no, is",
  ]

  @Test func helpListsEveryFormWithItsExample() {
    for (form, example) in QuestionForms.all {
      #expect(QuestionForms.helpText.contains(form))
      #expect(QuestionForms.helpText.contains(example))
    }
    for form in Self.built {
      #expect(QuestionForms.all.contains { $0.form == form }, "\(form)")
    }
  }

  @Test func theExamplesOfTheBuiltFormsAnswer() throws {
    for (form, example) in QuestionForms.all where Self.built.contains(form) {
      let answer = try Self.engine.evaluate(example)
      #expect(answer.resultCount > 0, "\(example)")
    }
  }
}
