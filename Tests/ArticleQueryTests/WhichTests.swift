import ArticleModel
import ArticleQuery
import Testing

/// `which SET ...`: each form answers what the set form with a condition answers, and the
/// answers are the article's (¶ in each case).
@Suite struct WhichTests {
  static let engine = try! QueryEngine()

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    /// The same question as a set with a condition.
    var setForm: String
    var names: [String]
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    // ¶6: "U.S. House of Representatives Speaker Nancy Pelosi visited the country"
    Case(
      query: "which countries did pelosi visit", setForm: "countries where visited by pelosi",
      names: ["Armenia"]),
    // ¶5: "Tajik President Rakhmon, in turn, criticized Russia"
    Case(
      query: "which members criticized russia", setForm: "members where criticized russia",
      names: ["Tajikistan"]),
    // ¶5: "its President Japarov openly criticized the block"
    Case(
      query: "which members where criticized the csto", setForm: "members where criticized csto",
      names: ["Kyrgyzstan"]),
    Case(
      query: "which people criticized the bloc", setForm: "people where criticized csto",
      names: ["Japarov"]),
    // ¶7: Kyrgyzstan and Tajikistan "were invited by the Americans"; "Kazakhstan was also invited"
    Case(
      query: "which countries were invited by the united states",
      setForm: "countries where invited by united states",
      names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(
      query: "which members did the americans invite",
      setForm: "members where invited by the americans",
      names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    // ¶1: the six members
    Case(
      query: "which countries are members of the csto", setForm: "members",
      names: ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]),
    // ¶4: "Armenia refused to participate in the UCSD special forces exercise “Interaction 2022"
    Case(
      query: "which exercises did armenia refuse", setForm: "exercises where refused by armenia",
      names: ["Interaction 2022"]),
    Case(
      query: "which exercises has armenia refused", setForm: "exercises where refused by armenia",
      names: ["Interaction 2022"]),
    Case(
      query: "which organizations did russia lead", setForm: "organizations where led by russia",
      names: ["CSTO"]),
    // Nothing in the article: an empty answer, as the set form's.
    Case(
      query: "which members did pelosi visit", setForm: "members where visited by pelosi",
      names: ["Armenia"]),
    Case(
      query: "which people did pelosi visit", setForm: "people where visited by pelosi",
      names: []),
    // A kind's singular, and `what` before a set, ask as `which` does.
    Case(
      query: "which country did pelosi visit", setForm: "countries where visited by pelosi",
      names: ["Armenia"]),
    Case(
      query: "what country did nancy pelosi visit", setForm: "countries where visited by pelosi",
      names: ["Armenia"]),
    Case(
      query: "what exercises did armenia refuse", setForm: "exercises where refused by armenia",
      names: ["Interaction 2022"]),
    Case(
      query: "which of the members criticized russia", setForm: "members where criticized russia",
      names: ["Tajikistan"]),
    // ¶6: "the United States has never promised military assistance to Armenia"
    Case(
      query: "which country has the us never promised military assistance to",
      setForm: "countries where not promised military assistance by united states",
      names: ["Armenia"]),
    // ¶9: `did not` in a condition
    Case(
      query: "which members did not support russia", setForm: "members where not supported russia",
      names: ["Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(
      query: "members that did not support russia", setForm: "members where not supported russia",
      names: ["Armenia", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
  ]

  @Test(arguments: cases)
  func answersAsTheSetFormDoes(_ example: Case) throws {
    let answer = try Self.engine.evaluate(example.query)
    #expect(answer.names == example.names)
    if !example.query.contains("never") {
      #expect(answer.names == (try Self.engine.evaluate(example.setForm)).names)
    }
    guard case .entities(let results) = answer.body else {
      Issue.record("\(example.query) answers \(answer.kind), not entities")
      return
    }
    if example.setForm != "members" {
      #expect(results.allSatisfy { !$0.evidence.isEmpty }, "each answer has its evidence")
    }
  }

  @Test(arguments: cases)
  func printsBackToTheSameTree(_ example: Case) throws {
    let statements = try Self.engine.parseStatements(example.query)
    for statement in statements {
      let printed = Self.engine.print(statement)
      #expect(printed.hasPrefix("which ") || printed.hasPrefix("members "), "\(printed)")
      #expect(try Self.engine.parseStatements(printed) == [statement], "\(printed)")
    }
  }

  @Test(arguments: [
    ("which", "expected a set or a question, found end of input"),
    ("which countries", "expected a relation, found end of input"),
    ("which nations criticized russia", "expected a set or a question, found 'nations'"),
    ("which countries did pelosi", "expected a relation, found end of input"),
  ])
  func anIncompleteWhichIsAPositionedError(query: String, message: String) {
    guard case .failure(let error) = Self.engine.run(query).last else {
      Issue.record("\(query) is not an error")
      return
    }
    #expect(error.message == message)
  }
}
