import ArticleQuery
import Testing

/// Hints that lead somewhere: a question outside the language notes the nearest whole query
/// that is in it, made from the words the user typed; Tab knows the new words.
@Suite struct HintTests {
  static let engine = try! QueryEngine()

  static func notes(_ query: String) -> [String] {
    guard case .failure(let error) = engine.run(query).last else { return [] }
    return error.diagnostic.notes
  }

  @Test(arguments: [
    ("what criticized russia", "who criticized russia"),
    ("show members", "members"),
    ("tell me who criticized russia", "who criticized russia"),
    ("countries criticized russia", "countries where criticized russia"),
    ("countries visited by pelosi", "countries where visited by pelosi"),
    ("please which members did the americans invite", "which members did the americans invite"),
  ])
  func theNearestQueryIsNotedAsAWholeQuery(typed: String, hint: String) throws {
    #expect(Self.notes(typed).contains("try: \(hint)"))
    #expect(!(try Self.engine.parseStatements(hint)).isEmpty)
  }

  /// A misspelt word whose suggestion mends the query says "did you mean" alone.
  @Test(arguments: ["members wher criticized russia", "countries where critcized russia"])
  func aSuggestionThatMendsTheQueryIsEnough(typed: String) {
    #expect(!Self.notes(typed).contains { $0.hasPrefix("try:") })
  }

  /// Far from any form: no hint rather than a wrong one.
  @Test(arguments: ["zzz qqq xxx", "((((", "\"unclosed"])
  func nothingNearIsNoHint(typed: String) {
    #expect(!Self.notes(typed).contains { $0.hasPrefix("try:") })
  }

  @Test(arguments: [
    ("", "which"),
    ("who ", "did"),
    ("what ", "does"),
    ("which ", "members"),
    ("which members ", "where"),
    ("which members ", "did"),
    ("what did minsk ", "not"),
  ])
  func tabOffersTheNewWords(line: String, word: String) {
    let offered = Self.engine.completions(in: line, cursor: line.count).candidates
    #expect(offered.contains(word), "\(offered.prefix(20))")
  }
}
