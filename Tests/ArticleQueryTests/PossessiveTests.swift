import ArticleModel
import ArticleQuery
import Testing

/// Words a reader writes around names: articles, and the possessive `X's Y`, which names
/// the one entity the model's own words call `X's … Y`, `Y of X` or `X Y`, or the holder of
/// X's office; several readings are an error that lists them.
@Suite struct PossessiveTests {
  static let engine = try! QueryEngine()

  /// A possessive and the entity id it names.
  @Test(arguments: [
    // ¶5: "Tajik President Rakhmon"; "its President Japarov"
    ("tajikistan's president", "rakhmon"),
    ("tajikistan’s president", "rakhmon"),
    ("the tajikistan's president", "rakhmon"),
    ("kyrgyzstan's president", "japarov"),
    ("bishkek's president", "japarov"),
    // ¶9: "Kazakhstan’s new military doctrine"
    ("kazakhstan's doctrine", "kazakhstan_military_doctrine"),
    ("kazakhstan’s military doctrine", "kazakhstan_military_doctrine"),
    ("kazakhstan's new military doctrine", "kazakhstan_military_doctrine"),
    // the aliases "russian army", "leadership of russia", "parliament of armenia"
    ("russia's army", "russian_army"),
    ("russia's leadership", "russian_leadership"),
    ("kyrgyzstan's leadership", "kyrgyz_leadership"),
    ("armenia's parliament", "armenian_parliament"),
    ("pelosi's visit", "pelosi_trip"),
  ])
  func aPossessiveNamesTheModelsEntity(typed: String, id: String) throws {
    let read = try Self.engine.parseStatements("show \(typed)")
    let plain = try Self.engine.parseStatements("show \(id)")
    #expect(read == plain)
  }

  @Test(arguments: [
    // ¶9: the doctrine "calls for diversifying military purchases" and responding to threats
    ("what does kazakhstan's doctrine call for", "what does kazakhstan_military_doctrine call for"),
    ("what did tajikistan's president criticize", "what did rakhmon criticize"),
    ("what did kyrgyzstan’s president criticize", "what did japarov criticize"),
    ("who is the president of kyrgyzstan", "people where president of kyrgyzstan"),
    ("who was the speaker of the us house", "people where speaker of us_house_of_representatives"),
    ("who criticized the bloc", "who criticized csto"),
    ("who is a member of the csto", "countries where member of csto"),
    ("who criticized an organization", "who criticized organizations"),
    // ¶5: "Tajik President Rakhmon", "its President Japarov"; ¶4: Parliament speaker Simonyan
    ("who is kyrgyzstan's president", "people where president of kyrgyzstan"),
    ("who is the tajik president", "people where president of tajikistan"),
    ("who is armenia's parliament speaker", "people where speaker of armenian_parliament"),
    ("who was the kyrgyz president", "people where president of kyrgyzstan"),
  ])
  func aQuestionWithArticlesAndPossessivesAnswersAsItsPlainForm(typed: String, plain: String)
    throws
  {
    let answer = try Self.engine.evaluate(typed).names
    #expect(!answer.isEmpty)
    #expect(answer == (try Self.engine.evaluate(plain)).names)
  }

  /// Two entities the model calls "Russia's army": the possessive is an error naming both.
  @Test func anAmbiguousPossessiveListsItsReadings() throws {
    let engine = try QueryEngine(
      model: ModelLoader.load(
        text: """
          document notes
            paragraph "Russia's northern army and the southern army of Russia met."
          kind country plural "countries"
          kind body plural "bodies"
          relation met "met"
            symmetric
            base "meet"
          entity russia "Russia" country
          entity north "Russia's northern army" body
          entity south "southern army of Russia" body
          fact north met south
            evidence 1 "Russia's northern army and the southern army of Russia met"

          """, name: "armies.model", readText: { $0 }))
    guard case .failure(let error) = engine.run("show russia's army").last else {
      Issue.record("an ambiguous possessive is not an error")
      return
    }
    #expect(
      error.message
        == "'russia's army' could mean any of 2: Russia's northern army, southern army of Russia;"
        + " name the one you mean")
    #expect(error.location.column == 6)
    #expect(try engine.evaluate("show russia's northern army").kind == .profile)
    #expect(
      try engine.evaluate("what did russia's southern army meet").names == [
        "Russia's northern army"
      ])
  }

  /// An article before a relation that is not all there: the error is at the relation.
  @Test func aRelationCutShortAfterAnArticleIsAnErrorAtTheRelation() {
    guard case .failure(let error) = Self.engine.run("who is the president").last else {
      Issue.record("'who is the president' is not an error")
      return
    }
    #expect(error.message == "expected a relation, found 'president'")
    #expect(error.location.column == 12)
  }

  @Test func aPossessiveThatNamesNothingSaysWhatTheOwnersDo() {
    guard case .failure(let error) = Self.engine.run("show armenia's president").last else {
      Issue.record("armenia's president is not an error")
      return
    }
    #expect(error.message.hasPrefix("nothing in the model is Armenia's 'president'"))
    #expect(error.diagnostic.notes.contains { $0.contains("parliament") })
  }
}
