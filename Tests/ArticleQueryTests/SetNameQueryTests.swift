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
    let answer = try Self.engine.evaluate(query)
    #expect(!answer.names.isEmpty)
    #expect(answer.names == (try Self.engine.evaluate(setForm)).names)
    for statement in try Self.engine.parseStatements(query) {
      let printed = Self.engine.print(statement)
      #expect(try Self.engine.parseStatements(printed) == [statement], "\(printed)")
    }
  }

  @Test func countsTheRelatedSet() throws {
    let answer = try Self.engine.evaluate("count the members of the csto")
    let set = try Self.engine.evaluate("count members")
    #expect("\(answer.body)" == "\(set.body)")
  }
}
