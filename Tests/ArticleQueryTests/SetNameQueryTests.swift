import ArticleModel
import ArticleQuery
import Testing

/// Readers' names for sets: the model's further names (`csto members`, `maneuvers`), a
/// relation ending in `of` with its object (`members of the csto`), and the openers `list`
/// and `show me`. Each answers as the model's own set form does.
@Suite struct SetNameQueryTests {
  static let engine = try! QueryEngine()

  @Test(arguments: [
    // ¶1: "six post-Soviet states: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan"
    ("members of the csto", "members"),
    ("the csto members", "members"),
    ("list the members of the bloc", "members"),
    ("show me csto members", "members"),
    ("list member states where criticized russia", "members where criticized russia"),
    ("list maneuvers", "exercises"),
  ])
  func answersAsTheSetFormDoes(query: String, setForm: String) throws {
    try Self.expectAnswers(query, as: setForm)
  }

  /// `query` names some entities, the same as `form` names, and each of its statements prints
  /// to a text that parses back to it; returns those texts.
  @discardableResult
  static func expectAnswers(_ query: String, as form: String) throws -> [String] {
    let answer = try engine.evaluate(query)
    #expect(!answer.names.isEmpty)
    #expect(answer.names == (try engine.evaluate(form)).names)
    var texts: [String] = []
    for statement in try engine.parseStatements(query) {
      let printed = engine.print(statement)
      #expect(try engine.parseStatements(printed) == [statement], "\(printed)")
      texts.append(printed)
    }
    return texts
  }

  @Test func countsTheRelatedSet() throws {
    let answer = try Self.engine.evaluate("count the members of the csto")
    let set = try Self.engine.evaluate("count members")
    #expect("\(answer.body)" == "\(set.body)")
  }

  /// An adverb before or after a relation reads as its qualifier, and prints so.
  @Test(arguments: [
    // ¶9: "the accession of four new regions to Russia was not publicly supported by Minsk"
    ("what did minsk not support publicly", "what did minsk not support manner publicly"),
    (
      "which members did not publicly support the accession of four new regions to russia",
      "members where not supported accession of four new regions to russia manner publicly"
    ),
  ])
  func anAdverbIsItsQualifier(query: String, qualified: String) throws {
    for printed in try Self.expectAnswers(query, as: qualified) {
      #expect(printed.contains("manner \"publicly\""), "\(printed)")
    }
  }

  /// `the author` names the entity whose name is the document's author (¶14: "Author: Anton
  /// Evstratov").
  @Test func theAuthorIsTheDocumentsAuthor() throws {
    #expect(try Self.engine.evaluate("who is from russia").names.contains("Anton Evstratov"))
    #expect(
      try Self.engine.evaluate("what does the author work as").names
        == (try Self.engine.evaluate("what does anton evstratov work as")).names)
  }

  /// `each other` is the which's own set (¶2: "the Armenian-Azerbaijani and Kyrgyz-Tajik
  /// conflicts": Armenia's conflict is with a state outside the bloc).
  @Test func eachOtherIsTheQuestionsSet() throws {
    let query = "which csto members are in conflict with each other"
    let answer = try Self.engine.evaluate(query)
    #expect(answer.names == ["Kyrgyzstan", "Tajikistan"])
    #expect(
      answer.names == (try Self.engine.evaluate("members where in conflict with members")).names)
    #expect(!(try Self.engine.evaluate("members where in conflict with countries")).names.isEmpty)
    for statement in try Self.engine.parseStatements(query) {
      let printed = Self.engine.print(statement)
      #expect(try Self.engine.parseStatements(printed) == [statement], "\(printed)")
    }
  }
}
