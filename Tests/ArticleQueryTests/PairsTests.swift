import ArticleModel
import ArticleQuery
import Testing

/// `who R whom`: every fact of a relation that counts, with its quote, in article order;
/// `who R russia` is still a question about entities.
@Suite struct PairsTests {
  static let engine = try! QueryEngine()

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    /// The relation's id in the model.
    var relation: String
    /// Subjects and objects of facts the article states (¶ in comments).
    var includes: [String]
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    // ¶5: "Tajik President Rakhmon, in turn, criticized Russia",
    // "Japarov openly criticized the block"
    Case(
      query: "who criticized whom", relation: "criticized",
      includes: ["Rakhmon criticized Russia", "Japarov criticized CSTO"]),
    Case(
      query: "who was criticized by whom", relation: "criticized",
      includes: ["Rakhmon criticized Russia"]),
    Case(
      query: "Who criticized whom?", relation: "criticized", includes: ["Japarov criticized CSTO"]),
    // ¶6: "Nancy Pelosi visited the country"
    Case(
      query: "who visited what", relation: "visited", includes: ["Nancy Pelosi visited Armenia"]),
    Case(
      query: "what visited what", relation: "visited", includes: ["Nancy Pelosi visited Armenia"]),
    // ¶1: "six post-Soviet states: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and
    // Tajikistan"
    Case(
      query: "who is a member of whom", relation: "member_of",
      includes: ["Armenia is a member of CSTO", "Tajikistan is a member of CSTO"]),
    Case(
      query: "who member of what", relation: "member_of",
      includes: ["Belarus is a member of CSTO"]),
    // ¶1, ¶5: the CSTO, "led by Russia"
    Case(query: "who leads whom", relation: "leads", includes: ["Russia leads CSTO"]),
    Case(query: "what is led by whom", relation: "leads", includes: ["Russia leads CSTO"]),
    // ¶5: "Tajik President Rakhmon"
    Case(
      query: "who is president of what", relation: "president_of",
      includes: ["Rakhmon is president of Tajikistan", "Japarov is president of Kyrgyzstan"]),
    // ¶3: the CSTO "have not named the aggressor": a denial is not a pair.
    Case(query: "who named the aggressor whom", relation: "named_the_aggressor", includes: []),
  ]

  @Test(arguments: cases) func everyFactOfTheRelationThatCounts(_ testCase: Case) throws {
    let answer = try Self.engine.evaluate(testCase.query)
    #expect(answer.kind == .facts)
    let model = Self.engine.model
    let relation = try #require(model.index.relationByID[testCase.relation], "\(testCase.relation)")
    let counting = model.index.factsByRelation[relation].filter {
      model.facts[$0].polarity == .affirmed && model.facts[$0].scenario == nil
    }
    #expect(answer.facts.map(\.index).sorted() == counting.sorted())
    let sentences = answer.facts.map(\.sentence)
    for expected in testCase.includes {
      #expect(sentences.contains { $0.hasPrefix(expected) }, "\(expected) in \(sentences)")
    }
    for fact in answer.facts {
      let paragraph = model.documents[0].paragraph(fact.paragraph) ?? ""
      #expect(paragraph.contains(fact.quote), "\(fact.quote)")
    }
    let places = answer.facts.map { [$0.paragraph, $0.index] }
    #expect(places == places.sorted { $0.lexicographicallyPrecedes($1) })
  }

  /// Circumstances narrow the pairs to the facts that have them (¶5: Rakhmon criticized
  /// Russia "at the Tashkent SCO summit", Japarov the bloc "at the summit in Astana").
  @Test(arguments: [
    ("who criticized whom at the tashkent sco summit", ["Rakhmon"]),
    ("who criticized whom at astana summit", ["Japarov"]),
    ("who invited whom to \"regional cooperation-2022\"", ["United States"]),
    ("who criticized whom at \"regional cooperation-2022\"", []),
  ])
  func circumstancesNarrowThePairs(_ query: String, _ subjects: [String]) throws {
    let answer = try Self.engine.evaluate(query)
    #expect(Set(answer.facts.map(\.subject)) == Set(subjects))
    let statements = try Self.engine.parseStatements(query)
    #expect(try Self.engine.parseStatements(Self.engine.print(statements[0])) == statements)
    let counted = try Self.engine.evaluate("count " + query)
    #expect(counted.count == answer.facts.count)
  }

  /// A scenario's facts are pairs only when it is assumed (¶13: "The inclusion of Iran in
  /// the CSTO would be a logical step").
  @Test func aScenariosFactsCountOnlyWhenAssumed() throws {
    let plain = try Self.engine.evaluate("who is a member of whom")
    let assuming = try Self.engine.evaluate("who is a member of whom assuming iran joins the csto")
    #expect(!plain.facts.contains { $0.subject == "Iran" })
    #expect(assuming.facts.contains { $0.subject == "Iran" && $0.object == "CSTO" })
    #expect(assuming.facts.count == plain.facts.count + 1)
  }

  /// `count` counts the pairs: the facts a pairs query lists.
  @Test(arguments: ["who criticized whom", "who invited whom", "who is a member of whom"])
  func countCountsThePairs(_ query: String) throws {
    let listed = try Self.engine.evaluate(query)
    let counted = try Self.engine.evaluate("count " + query)
    #expect(counted.count == listed.facts.count)
    #expect(counted.count ?? 0 > 0)
    let statements = try Self.engine.parseStatements("count " + query)
    #expect(try Self.engine.parseStatements(Self.engine.print(statements[0])) == statements)
  }

  /// The object's place as a name still asks for entities: `whom` is not taken from them.
  @Test(arguments: [
    ("who criticized russia", ["Rakhmon", "Tajikistan"]),
    ("who criticized the csto", ["Japarov", "Kyrgyzstan"]),
    ("who visited armenia", ["Nancy Pelosi"]),
    ("what did pelosi visit", ["Armenia"]),
  ])
  func whoAndWhatWithANameAreUnchanged(_ query: String, _ names: [String]) throws {
    let answer = try Self.engine.evaluate(query)
    #expect(answer.kind == .entities)
    #expect(answer.names == names)
  }

  @Test(arguments: [
    ("who criticized whom russia", "expected ';' or the end of the query, found 'russia'"),
    ("who criticized whom where", "expected ';' or the end of the query, found 'where'"),
    ("who whom", "expected"),
    ("members where criticized (who criticized whom)", "expected a name or a set, found 'whom'"),
  ])
  func wordsAfterThePairAreAnError(_ query: String, _ message: String) {
    #expect(throws: QueryError.self) { try Self.engine.evaluate(query) }
    do {
      _ = try Self.engine.evaluate(query)
    } catch {
      #expect(error.message.hasPrefix(message), "\(error.message)")
    }
  }

  /// Printed back, a pairs query parses to the same tree, for every relation both ways.
  @Test func pairsTreesPrintAndParseBack() throws {
    for relation in Self.engine.vocabulary.primaryRelationPhrases {
      for opener in ["who", "what"] {
        let query = "\(opener) \(relation) whom"
        let statements = try Self.engine.parseStatements(query)
        guard case .pairs = statements.first?.query else {
          Issue.record("\(query) is not a pairs query")
          continue
        }
        let printed = Self.engine.print(statements[0])
        #expect(try Self.engine.parseStatements(printed) == statements, "\(printed)")
      }
    }
  }
}

/// `which SET` at either end of a pairs query keeps the facts whose end is in the set.
@Suite struct PairEndsTests {
  static let engine = try! QueryEngine()

  /// Each pairs query with `which` next to the same query with `whom`: the facts are those
  /// of the wider query whose ends are in the sets, each end tested on its own.
  static let cases: [(narrow: String, wide: String, subjects: String?, objects: String?)] = [
    (
      "which countries are in conflict with which", "who is in conflict with whom", "countries",
      "countries"
    ),
    (
      "which members are in conflict with which", "who is in conflict with whom", "members",
      "members"
    ),
    (
      "who refused to participate in which exercises", "who refused to participate in whom",
      nil, "exercises"
    ),
    ("who criticized which organizations", "who criticized whom", nil, "organizations"),
    ("which people criticized what", "who criticized whom", "people", nil),
  ]

  @Test(arguments: cases)
  func whichKeepsTheFactsWhoseEndsAreInTheSets(
    _ testCase: (narrow: String, wide: String, subjects: String?, objects: String?)
  ) throws {
    let narrow = try Self.engine.evaluate(testCase.narrow)
    let wide = try Self.engine.evaluate(testCase.wide)
    let subjects = try testCase.subjects.map { Set(try Self.engine.evaluate($0).names) }
    let objects = try testCase.objects.map { Set(try Self.engine.evaluate($0).names) }
    let expected = wide.facts.filter { fact in
      (subjects?.contains(fact.subject) ?? true) && (objects?.contains(fact.object) ?? true)
    }
    #expect(narrow.facts.map(\.index) == expected.map(\.index), "\(testCase.narrow)")
    #expect(!narrow.facts.isEmpty, "\(testCase.narrow) has facts to keep")
    let counted = try Self.engine.evaluate("count " + testCase.narrow)
    #expect(counted.count == narrow.facts.count)
  }
}
