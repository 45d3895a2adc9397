import ArticleModel
import ArticleQuery
import PropertyBased
import Testing

/// Qualifiers as conditions: a circumstance (`at` a summit, `to` an exercise, `when`, an
/// amount, a key the model declares) after a relation and its target, in conditions, `what
/// did` and `facts`. Expected answers are the article's (the quote in each comment).
@Suite struct QualifierTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var names: [String]
    var testDescription: String { query }
  }

  static let entityCases: [Case] = [
    // ¶5 "its President Japarov openly criticized the block at the summit in Astana"
    Case(query: "who criticized the csto at the astana summit", names: ["Japarov", "Kyrgyzstan"]),
    Case(
      query: "who criticized the csto at \"summit in astana\"", names: ["Japarov", "Kyrgyzstan"]),
    Case(query: "who criticized the csto at the tashkent sco summit", names: []),
    // ¶5 Rakhmon "criticized Russia ... at the Tashkent SCO summit"
    Case(
      query: "members where criticized russia at the tashkent sco summit", names: ["Tajikistan"]),
    Case(query: "members where criticized russia at summits", names: ["Tajikistan"]),
    Case(query: "members where criticized at summits", names: ["Kyrgyzstan", "Tajikistan"]),
    Case(query: "members where criticized russia manner personally", names: ["Tajikistan"]),
    Case(query: "members where criticized russia manner openly", names: []),
    // ¶7 "were invited by the Americans to the multilateral exercise “Regional
    // Cooperation-2022” where Kazakhstan was also invited"
    Case(
      query: "countries where invited by the americans to \"regional cooperation-2022\"",
      names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(
      query: "countries where invited to \"regional cooperation-2022\"", names: ["United States"]),
    // After `was`/`were`, `invited` is the passive without its agent.
    Case(
      query: "who was invited to \"regional cooperation-2022\"",
      names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(
      query: "which members were invited to exercises",
      names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    Case(query: "who was criticized by rakhmon at the tashkent sco summit", names: ["Russia"]),
    Case(
      query: "countries where invited by united states to exercises",
      names: ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]),
    // ¶9 "none of the CSTO countries, with the exception of Belarus, openly supported Russia"
    Case(query: "members where supported russia manner openly", names: ["Belarus"]),
    Case(
      query: "members where supported russia in the special operation manner openly",
      names: ["Belarus"]),
    Case(query: "members where supported russia manner publicly", names: []),
    // ¶3 "relatively large-scale military operations in mid-September of this year"
    Case(query: "who was in conflict with azerbaijan when september", names: ["Armenia"]),
    Case(query: "who was in conflict with azerbaijan when mid-september", names: ["Armenia"]),
    Case(
      query: "who was in conflict with azerbaijan when \"MID SEPTEMBER OF\"", names: ["Armenia"]),
    Case(query: "who was in conflict with azerbaijan when september this", names: []),
    Case(query: "who was in conflict with azerbaijan when october", names: []),
    // ¶2 "in the winter of 2022 in Kazakhstan, when the CSTO ... provide concrete assistance
    // to President Kasym Jomart Tokayev"
    Case(
      query: "what did the csto assist when \"winter of 2022\"",
      names: ["Kasym Jomart Tokayev", "Kazakhstan"]),
    Case(
      query: "what did the csto assist when 2022", names: ["Kasym Jomart Tokayev", "Kazakhstan"]),
    Case(query: "what did the csto assist when summer", names: []),
    // ¶7 "the US Department of Defense budgeted $500 million"; the Department is part of the
    // United States, which it speaks for
    Case(query: "countries where funded amount 500 million", names: ["United States"]),
    Case(query: "countries where funded amount \"$500 million\"", names: ["United States"]),
    Case(
      query: "who funded when this year amount 500",
      names: ["United States", "US Department of Defense"]),
    Case(query: "countries where funded amount 600 million", names: []),
    // Qualified conditions combine with and/or/not as any condition does.
    Case(
      query: "members where criticized at summits and not criticized russia",
      names: ["Kyrgyzstan"]),
    Case(
      query:
        "members where (criticized csto at astana summit) or (criticized russia at astana summit)",
      names: ["Kyrgyzstan"]),
  ]

  @Test(arguments: entityCases) func qualifiedConditionsAnswerAsTheArticleSays(_ testCase: Case)
    throws
  {
    let answer = try engine.evaluate(testCase.query)
    #expect(answer.names == testCase.names)
  }

  /// Each result of a qualified condition carries the fact that has the circumstance.
  @Test func evidenceIsTheQualifiedFact() throws {
    let answer = try engine.evaluate("who criticized the csto at the astana summit")
    let evidence = answer.evidence(for: "Kyrgyzstan")
    #expect(evidence.map(\.paragraph) == [5])
    #expect(evidence.first?.via == "Japarov")
    #expect(evidence.first?.fact.qualifiers.contains("at summit in Astana") == true)
  }

  /// ¶9 "At the moment, it is obvious that all members of the bloc are striving to achieve
  /// maximum loyalty from Moscow": five members (Russia aside), dated. A text with a key in it
  /// (`at`) is quoted.
  @Test func aDatedAssessmentCounts() throws {
    let query = "count members where seeks loyalty from moscow when \"at the moment\""
    #expect(try engine.evaluate(query).count == 5)
    #expect(
      try engine.evaluate("count members where seeks loyalty from moscow when moment").count == 5)
    #expect(throws: QueryError.self) {
      try engine.evaluate("count members where seeks loyalty from moscow when at the moment")
    }
  }

  struct FactsCase: Sendable, CustomTestStringConvertible {
    var query: String
    var sentences: [String]
    var testDescription: String { query }
  }

  static let factsCases: [FactsCase] = [
    FactsCase(
      query: "facts at the tashkent sco summit",
      sentences: [
        "Rakhmon criticized Russia at Tashkent SCO summit personally",
        "Rakhmon did not criticize CSTO at Tashkent SCO summit",
      ]),
    FactsCase(
      query: "facts at the astana summit",
      sentences: ["Japarov criticized CSTO at summit in Astana openly"]),
    FactsCase(
      query: "facts to \"regional cooperation-2022\" when this year", sentences: []),
    FactsCase(
      query: "facts amount million",
      sentences: [
        "US Department of Defense funded post-Soviet countries of Central Asia ($500 million) this year",
        "US Department of Defense funded programs of military cooperation with the post-Soviet countries of Central Asia ($500 million) this year",
      ]),
    FactsCase(
      query: "facts in the mid-september events",
      sentences: [
        "Armenia is in conflict with Azerbaijan in mid-September events in mid-September of this year"
      ]),
  ]

  @Test(arguments: factsCases) func factsWithCircumstances(_ testCase: FactsCase) throws {
    let answer = try engine.evaluate(testCase.query)
    #expect(answer.kind == .facts)
    #expect(answer.facts.map(\.sentence) == testCase.sentences)
  }

  /// `why` proves a qualified condition through the office holder; `why not` shows the same
  /// fact with other circumstances (¶5: Japarov criticized the CSTO at the summit in Astana).
  @Test func whyKnowsCircumstances() throws {
    let proof = try engine.evaluate("why tajikistan criticized russia at the tashkent sco summit")
    guard case .explanation(let holds) = proof.body else {
      Issue.record("not an explanation")
      return
    }
    #expect(holds.holds)
    #expect(proof.paragraphs == [5])
    let answer = try engine.evaluate("why not kyrgyzstan criticized csto at tashkent sco summit")
    guard case .nearMisses(let misses) = answer.body else {
      Issue.record("not near misses")
      return
    }
    let other = misses.misses.filter { $0.reason == "other circumstances" }
    #expect(other.map(\.paragraph) == [5])
    #expect(other.first?.fact?.qualifiers.contains("at summit in Astana") == true)
  }

  /// `in` before `paragraph` or a number is still a paragraph.
  @Test func inParagraphIsStillAParagraph() throws {
    #expect(try engine.evaluate("facts in paragraph 5").facts.allSatisfy { $0.paragraph == 5 })
    let error = #expect(throws: QueryError.self) { try engine.evaluate("facts in paragrph 5") }
    #expect(error?.diagnostic.suggestions == ["paragraph"])
  }

  @Test(arguments: [
    (["september"], "mid-September of this year", true),
    (["mid", "september"], "mid-September of this year", true),
    (["september", "of"], "mid-September of this year", true),
    (["september", "year"], "mid-September of this year", false),
    (["sept"], "mid-September of this year", false),
    (["500", "million"], "$500 million", true),
    ([], "anything", false),
  ])
  func textMatchesWholeWordsInOrderAndTogether(typed: [String], value: String, matches: Bool) {
    let words = QualifierCondition.words(of: value)
    let typedWords = typed.flatMap(QualifierCondition.words(of:))
    #expect(
      (try? engine.evaluate("facts when \"\(typed.joined(separator: " "))\"")) != nil
        || typed.isEmpty)
    #expect(Self.contains(words, typedWords) == matches)
  }

  /// The same rule as the evaluator's, stated on its own.
  static func contains(_ words: [String], _ typed: [String]) -> Bool {
    guard !typed.isEmpty, typed.count <= words.count else { return false }
    return (0...(words.count - typed.count)).contains {
      Array(words[$0..<($0 + typed.count)]) == typed
    }
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var query: String
    var message: String
    var suggestions: [String]
    var testDescription: String { query }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      query: "facts at summit",
      message:
        "'summit' after 'at' is ambiguous: it may be 'summit in astana', 'tashkent sco summit'",
      suggestions: ["summit in astana", "tashkent sco summit"]),
    ErrorCase(
      query: "who criticized the csto at astna summit", message: "unknown name 'astna'",
      suggestions: ["astana summit"]),
    ErrorCase(
      query: "who criticized the csto when",
      message: "expected words of the when (as in: when \"…\"), found end of input",
      suggestions: []),
    ErrorCase(
      query: "who criticized the csto at", message: "expected a name or a set, found end of input",
      suggestions: []),
    ErrorCase(
      query: "who criticized the csto when and",
      message: "expected words of the when (as in: when \"…\"), found 'and'",
      suggestions: []),
  ]

  @Test(arguments: errorCases) func aQualifierThatAlmostFitsIsAPositionedError(
    _ testCase: ErrorCase
  ) throws {
    let error = #expect(throws: QueryError.self) { try engine.evaluate(testCase.query) }
    #expect(error?.diagnostic.message == testCase.message)
    let offered = error?.diagnostic.suggestions ?? []
    #expect(
      testCase.suggestions.isEmpty
        ? offered.isEmpty : testCase.suggestions.allSatisfy(offered.contains), "\(offered)")
    #expect((error?.diagnostic.range.upperBound ?? .max) <= testCase.query.utf8.count)
  }

  /// The keys are the model's: a model that declares `mood` may be asked about it, and a
  /// model that does not declare it reads `mood` as an unknown word.
  @Test func declaredKeysComeFromTheModel() throws {
    let text = """
      document d
        paragraph "Rakhmon angrily criticized Russia at the summit."
      kind country plural "countries"
      kind person plural "people"
      kind summit plural "summits"
      qualifier mood string "how the subject felt"
      relation criticized "criticized" passive "criticized by" cameo "111"
      entity russia "Russia" country
      entity rakhmon "Rakhmon" person
      entity summit "the summit" summit
      fact rakhmon criticized russia
        at summit
        mood "angrily"
        evidence 1 "Rakhmon angrily criticized Russia"
      """
    let model = try ModelLoader.load(text: text, name: "mood.model") { _ in "" }
    let small = try QueryEngine(model: model)
    #expect(try small.evaluate("who criticized russia mood angrily").names == ["Rakhmon"])
    #expect(try small.evaluate("who criticized russia mood calmly").names == [])
    #expect(try small.evaluate("who criticized russia at the summit").names == ["Rakhmon"])
    #expect(throws: QueryError.self) { try engine.evaluate("who criticized russia mood angrily") }
  }

  /// Tab completion offers the keys after a target, and the questions' openers at the start.
  @Test(arguments: [
    ("who criticized the csto ", ["at", "when", "manner"]),
    ("facts ", ["at", "about", "in"]),
    ("whe", ["when did", "where did"]),
    ("how m", ["how much did"]),
  ])
  func completionKnowsTheNewWords(line: String, offered: [String]) {
    let candidates = engine.completions(in: line, cursor: line.count).candidates
    for word in offered {
      #expect(candidates.contains(word), "\(line): \(candidates.prefix(20))")
    }
  }

  /// Qualified queries print back as text that parses to the same tree.
  @Test(arguments: [
    "who criticized the csto at the astana summit",
    "countries where invited to \"regional cooperation-2022\"",
    "facts at the tashkent sco summit when 2022",
    "what did the csto assist when \"winter of 2022\" in kazakhstan",
    "members where not criticized russia at (summits where summit of sco) or supported russia manner openly",
  ])
  func qualifiedQueriesPrintBack(_ query: String) throws {
    let statements = try engine.parseStatements(query)
    let printed = statements.map(engine.print).joined(separator: "; ")
    #expect(try engine.parseStatements(printed) == statements, "\(printed)")
  }

  /// `at events` followed by `in armenia` reads as the alias `events in armenia` (the
  /// mid-September events): printed back, the set is quoted so that the text keeps its tree;
  /// where nothing runs on, nothing is quoted.
  @Test func aSetThatWordsAfterItWouldExtendIsPrintedQuoted() throws {
    let quoted = try engine.parseStatements("what happened at \"events\" in armenia")
    let plain = try engine.parseStatements("what happened at events in armenia")
    #expect(quoted != plain, "unquoted, the words are the alias")
    let printed = engine.print(quoted[0])
    #expect(printed.contains("\"events\""), "\(printed)")
    #expect(try engine.parseStatements(printed) == quoted)
    let typed = try engine.parseStatements("what happened at astana_summit in kazakhstan")
    #expect(engine.print(typed[0]) == "what happened at astana_summit in kazakhstan")
  }

  /// A quoted set name is the set, as a quoted name is the entity.
  @Test func aQuotedSetNameIsTheSet() throws {
    #expect(
      try engine.parseStatements("who criticized \"members\"")
        == engine.parseStatements("who criticized members"))
    #expect(throws: QueryError.self) { try engine.parseStatements("who criticized \"memberz\"") }
    let error = engine.run("who criticized \"memberz\"").first.flatMap { result in
      if case .failure(let error) = result { error } else { nil }
    }
    #expect(error?.diagnostic.suggestions.contains("members") == true, "a set is suggested too")
  }

  static let templates = [
    "who criticized the csto at the astana summit when \"winter of 2022\"",
    "where was unbreakable brotherhood supposed to take place",
    "how much did the pentagon spend",
    "is iran a member of the csto assuming iran joins the csto",
    "facts at summit in astana; what happened in \"mid-september events\"",
  ]

  /// A query of the new forms with a random edit (a character deleted, inserted or replaced)
  /// gives answers or an error whose position lies inside the text: never a crash.
  @Test func mutatedQuestionsAnswerOrErrInsideTheText() async {
    let engine = self.engine
    let edits = zip(
      Gen.int(in: 0...(Self.templates.count - 1)), Gen.int(in: 0...500), Gen.int(in: 0...2),
      Gen.character(in: " "..."~"))
    await propertyCheck(count: 500, input: edits) { template, place, kind, character in
      var text = Array(Self.templates[template])
      let index = place % (text.count + 1)
      switch kind {
      case 0 where index < text.count: text.remove(at: index)
      case 1: text.insert(character, at: index)
      default: if index < text.count { text[index] = character }
      }
      let query = String(text)
      for result in engine.run(query) {
        if case .failure(let error) = result {
          #expect(error.diagnostic.range.upperBound <= query.utf8.count, "\(query)")
        }
      }
    }
  }

  /// Random trees with qualified conditions, questions and verdicts print and parse back.
  @Test func randomQualifiedTreesPrintAndParseBack() async {
    let engine = self.engine
    await propertyCheck(count: 300, input: Gen.int(in: 0...1_000).array(of: 1...40)) { choices in
      var builder = TreeBuilder(choices: choices, engine: engine)
      let statement = Statement(query: builder.questionQuery(engine: engine))
      let printed = engine.print(statement)
      #expect((try? engine.parseStatements(printed)) == [statement], "\(printed)")
    }
  }
}

extension TreeBuilder {
  /// A query of the new forms: a qualified condition, `what did` with circumstances, facts
  /// with circumstances, a verdict, a wh-question or `what happened`.
  mutating func questionQuery(engine: QueryEngine) -> Query {
    let keys = engine.vocabulary.qualifierKeys
    let entityKeys = keys.filter { engine.vocabulary.qualifierTakesEntity[$0] == true }
    let textKeys = keys.filter { engine.vocabulary.qualifierTakesEntity[$0] == false }
    let texts = [["september"], ["winter", "of", "2022"], ["500", "million"], ["openly"]]
    func qualifiers(_ builder: inout TreeBuilder, atLeast: Int) -> [QualifierCondition] {
      (0..<(atLeast + builder.pick(3))).map { _ in
        builder.pick(2) == 0
          ? QualifierCondition(
            key: entityKeys[builder.pick(entityKeys.count)], value: .target(builder.target()))
          : QualifierCondition(
            key: textKeys[builder.pick(textKeys.count)],
            value: .words(texts[builder.pick(texts.count)]))
      }
    }
    func claim(_ builder: inout TreeBuilder, needsSomething: Bool) -> QualifiedPredicate {
      let relation = builder.relations[builder.pick(builder.relations.count)]
      let object = builder.pick(2) == 0 ? builder.target() : nil
      return QualifiedPredicate(
        relation: relation, object: object,
        qualifiers: qualifiers(&builder, atLeast: needsSomething ? 1 : 0))
    }
    let subject = entities[pick(entities.count)]
    switch pick(6) {
    case 1:
      let condition = Condition.qualified(claim(&self, needsSomething: true))
      return .who(pick(2) == 0 ? condition : .and([condition, self.condition()]))
    case 2:
      return .qualifiedWhat(
        subject: target(), relation: relations[pick(relations.count)],
        qualifiers: qualifiers(&self, atLeast: 1))
    case 3: return .facts(.qualified(qualifiers(&self, atLeast: 1)))
    case 4:
      let asked: [WhQuestion.Asked] = [.place, .time, .amount]
      return .wh(
        WhQuestion(
          asked: asked[pick(3)], subject: subject,
          predicate: claim(&self, needsSomething: false)))
    case 5:
      let keys = ["at", "in", "to", "with", "during", "between"]
      let key = keys[pick(keys.count)]
      let between = key == "between" ? subject : nil
      return .happened(
        key: key, target(), between: between, qualifiers: qualifiers(&self, atLeast: 0))
    default: return .verdict(subject: subject, claim(&self, needsSomething: false))
    }
  }
}
