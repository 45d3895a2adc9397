import ArticleModel
import ArticleQuery
import Testing

/// Do-support after `who`, `what` and `which`: `did`, `does`, `do`, `has`, `have`, with the
/// relation in its base, present or past form and a trailing preposition where the phrase
/// has one; `who` keeps to actors.
@Suite struct DoSupportTests {
  static let engine = try! QueryEngine()

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var names: [String]
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    // ¶7: Kyrgyzstan and Tajikistan "were invited by the Americans"; "Kazakhstan was also invited"
    Case(
      query: "who did the united states invite", names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(query: "who did the americans invite", names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    // ¶8: "Turkey standing behind it" (Azerbaijan)
    Case(query: "who does turkey back", names: ["Azerbaijan"]),
    Case(query: "who does ankara stand behind", names: ["Azerbaijan"]),
    // ¶6: "its readiness to provide military assistance to Armenia’s enemy, Azerbaijan"
    Case(query: "who did the us offer military assistance to", names: ["Azerbaijan"]),
    Case(query: "who has washington offered military assistance to", names: ["Azerbaijan"]),
    // ¶6: Pelosi "visited the country"
    Case(query: "who did pelosi visit", names: ["Armenia"]),
    Case(query: "what did pelosi visit", names: ["Armenia"]),
    Case(query: "what does pelosi visit", names: ["Armenia"]),
    // ¶5: Rakhmon "criticized Russia"; Japarov "criticized the block"
    Case(query: "who did rakhmon criticize", names: ["Russia"]),
    Case(query: "what did japarov criticize", names: ["CSTO"]),
    Case(query: "who did kyrgyzstan criticize", names: ["CSTO"]),
    // ¶8: concessions to Azerbaijan and Turkey
    Case(query: "who has russia made concessions to", names: ["Azerbaijan", "Turkey"]),
    Case(query: "who does moscow make concessions to", names: ["Azerbaijan", "Turkey"]),
    // ¶4, ¶5: Armenia refused Interaction 2022; Kyrgyzstan "canceled its participation in"
    // Unbreakable Brotherhood
    Case(query: "what has armenia refused", names: ["Interaction 2022"]),
    Case(query: "what did kyrgyzstan cancel", names: ["Unbreakable Brotherhood"]),
    // An exercise is not who: the article's events have no exercise as an actor.
    Case(query: "who did kyrgyzstan cancel", names: []),
    // ¶1: Russia conducts the special operation
    Case(query: "what has russia conducted", names: ["Russian special operation in Ukraine"]),
    // ¶9: "such aspirations are reflected in Kazakhstan’s new military doctrine"
    Case(query: "what did kazakhstan adopt", names: ["Kazakhstan’s new military doctrine"]),
    Case(
      query: "which documents did kazakhstan adopt", names: ["Kazakhstan’s new military doctrine"]),
    // ¶2: the CSTO provided "concrete assistance to President Kasym Jomart Tokayev"
    Case(
      query: "who did the csto provide assistance to",
      names: ["Kasym Jomart Tokayev", "Kazakhstan"]),
    // The article says nothing of it: empty, not an error.
    Case(query: "who did belarus invite", names: []),
  ]

  @Test(arguments: cases)
  func answersTheObjectsOfTheSubjectsFacts(_ example: Case) throws {
    #expect(try Self.engine.evaluate(example.query).names == example.names)
  }

  /// `did`, `does`, `has` and the base, present and past forms ask the same question.
  @Test(arguments: [
    [
      "what did pelosi visit", "what does pelosi visits", "what has pelosi visited",
      "what do pelosi visit",
    ],
    [
      "who did turkey back", "who does turkey back", "who has turkey backed",
      "who did turkey stand behind",
    ],
    [
      "what did minsk not support", "what does belarus not support", "what has minsk not supported",
    ],
  ])
  func everyAuxiliaryAndFormAsksTheSame(_ queries: [String]) throws {
    let first = try Self.engine.evaluate(queries[0]).names
    #expect(!first.isEmpty)
    for query in queries.dropFirst() {
      #expect(try Self.engine.evaluate(query).names == first, "\(query)")
    }
  }

  /// `who did` keeps to actors among what `what did` answers.
  @Test(arguments: ["kyrgyzstan cancel", "the us invite", "russia conduct", "armenia refuse"])
  func whoIsAmongWhat(_ rest: String) throws {
    let who = try Self.engine.evaluate("who did \(rest)").names
    let what = try Self.engine.evaluate("what did \(rest)").names
    #expect(Set(who).isSubset(of: Set(what)))
  }

  /// A relation that begins with `has` is a relation, not do-support.
  @Test func hasBeginningARelationIsTheRelation() throws {
    #expect(try Self.engine.evaluate("organizations where has member armenia").names == ["CSTO"])
    #expect(try Self.engine.evaluate("who has member armenia").names == ["CSTO"])
  }

  @Test(arguments: [
    ("who did pelosi visit", "who did pelosi visit"),
    ("who does the united states invite", "who did united_states invite"),
    ("what did minsk not support", "what did belarus not support"),
    ("which members did the americans invite", "which members did united_states invite"),
  ])
  func printsWithDidAndTheBaseForm(query: String, printed: String) throws {
    let statement = try #require(try Self.engine.parseStatements(query).first)
    #expect(Self.engine.print(statement) == printed)
    #expect(try Self.engine.parseStatements(printed) == [statement])
  }

  @Test(arguments: [
    ("who did", "expected a name or a set, found end of input"),
    ("who did pelosi", "expected a relation, found end of input"),
    ("what pelosi visited", "expected 'did' (as in: what did pelosi visit), found 'pelosi'"),
  ])
  func anIncompleteQuestionIsAPositionedError(query: String, message: String) {
    guard case .failure(let error) = Self.engine.run(query).last else {
      Issue.record("\(query) is not an error")
      return
    }
    #expect(error.message == message)
  }
}
