import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// `how is X connected to Y`: the shortest chains of facts, each hop with its quote, checked
/// against a plain breadth-first search of the model written here.
@Suite struct ConnectionTests {
  static let engine = try! QueryEngine()

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    /// Facts in the shortest chains; nil when none of up to four facts links them.
    var length: Int?
    /// One chain the article gives, as the entities it passes through.
    var path: [String]
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    // ¶6 "Nancy Pelosi visited the country"; ¶1 "six post-Soviet states: Armenia, ... Tajikistan"
    Case(
      query: "how is pelosi connected to tajikistan", length: 3,
      path: ["Nancy Pelosi", "Armenia", "CSTO", "Tajikistan"]),
    Case(
      query: "how are nancy pelosi and tajikistan connected", length: 3,
      path: ["Nancy Pelosi", "Armenia", "CSTO", "Tajikistan"]),
    // ¶5 "its President Japarov openly criticized the block"; ¶1 Russia is a member
    Case(
      query: "how is japarov connected to russia", length: 2, path: ["Japarov", "CSTO", "Russia"]),
    // ¶5: the office is a link like any other.
    Case(
      query: "How is Rakhmon linked to Tajikistan?", length: 1, path: ["Rakhmon", "Tajikistan"]),
    // ¶5: "criticized Russia ... at the Tashkent SCO summit": a qualifier links.
    Case(
      query: "how is the sco related to russia", length: 2,
      path: ["SCO", "Tashkent SCO summit", "Russia"]),
    // ¶12 "Russian-Iranian military and economic cooperation"
    Case(query: "how are iran and russia connected", length: 1, path: ["Iran", "Russia"]),
    Case(query: "what links iran and russia", length: 1, path: ["Iran", "Russia"]),
    // ¶6: the US "readiness to provide military assistance to Armenia’s enemy, Azerbaijan"
    Case(
      query: "what connects azerbaijan and the united states", length: 1,
      path: ["Azerbaijan", "United States"]),
    // ¶13: only as a scenario; without it, through Russia.
    Case(
      query: "how is iran connected to the csto assuming iran joins the csto", length: 1,
      path: ["Iran", "CSTO"]),
    Case(query: "how is iran connected to csto", length: 2, path: ["Iran", "Russia", "CSTO"]),
    // ¶5 the Astana summit is named only as where Japarov criticized the CSTO.
    Case(
      query: "how is the astana summit connected to russia", length: 2,
      path: ["summit in Astana", "CSTO", "Russia"]),
  ]

  @Test(arguments: cases) func theShortestChainsWithTheirQuotes(_ testCase: Case) throws {
    let answer = try Self.engine.evaluate(testCase.query)
    #expect(answer.kind == .connections)
    guard case .connections(let connections) = answer.body else { return }
    let lengths = Set(connections.chains.map(\.steps.count))
    #expect(lengths == (testCase.length.map { [$0] } ?? []), "\(answer.chains.map(\.path))")
    #expect(answer.chains.contains { $0.path == testCase.path }, "\(answer.chains.map(\.path))")
    for chain in connections.chains {
      #expect(chain.path.first == connections.from.name)
      #expect(chain.path.last == connections.to.name)
      #expect(chain.path.count == chain.steps.count + 1)
      #expect(Set(chain.path).count == chain.path.count, "a chain passes each entity once")
      for (offset, step) in chain.steps.enumerated() {
        let ends = Self.ends(of: step.index)
        #expect(ends.contains(chain.path[offset]) && ends.contains(chain.path[offset + 1]))
        #expect(step.polarity == .affirmed)
        let paragraph = Self.engine.model.documents[0].paragraph(step.paragraph) ?? ""
        #expect(paragraph.contains(step.quote), "\(step.quote)")
      }
      #expect(chain.alternatives.count == chain.steps.count)
      for (offset, others) in chain.alternatives.enumerated() {
        for other in others {
          #expect(
            Self.ends(of: other.index) == Self.ends(of: chain.steps[offset].index)
              || (Self.ends(of: other.index).contains(chain.path[offset])
                && Self.ends(of: other.index).contains(chain.path[offset + 1]))
          )
          #expect(other.polarity == .affirmed)
          #expect(other.scenario.map(answer.assumptions.contains) ?? true)
        }
      }
    }
  }

  /// ¶6 "American and Western diplomacy in and around these countries", ¶7 the invitation
  /// to "Regional Cooperation-2022": two facts join the United States and Kyrgyzstan; the
  /// step is the earlier report, the invitation its alternative.
  @Test func otherFactsJoiningTheSameTwoAreTheStepsAlternatives() throws {
    let answer = try Self.engine.evaluate("how is the united states connected to kyrgyzstan")
    let chain = try #require(answer.chains.first)
    #expect(chain.path == ["United States", "Kyrgyzstan"])
    #expect(answer.chains.count == 1)
    let step = chain.steps[0]
    let others = chain.alternatives[0]
    #expect(others.contains { $0.relation == "invited" && $0.paragraph == 7 })
    for other in others {
      #expect(
        (step.isAssessment ? 1 : 0, step.paragraph) <= (other.isAssessment ? 1 : 0, other.paragraph)
      )
    }
    #expect(Renderer.render(answer).contains("also ¶7  United States invited Kyrgyzstan"))
  }

  /// The names a fact joins: its subject, its object and the entities of its qualifiers.
  static func ends(of fact: Int) -> Set<String> {
    let model = engine.model
    let record = model.facts[fact]
    var ends = [record.subject, record.object]
    for qualifier in record.qualifiers {
      if case .entity(let entity) = qualifier.value { ends.append(entity) }
    }
    return Set(ends.map { model.entities[$0].name })
  }

  /// Entity pairs across the model, picked by a fixed stride.
  static let pairs: [(Int, Int)] = {
    let count = engine.model.entities.count
    return (0..<40).map { ($0 * 7 % count, ($0 * 31 + 11) % count) }.filter { $0.0 != $0.1 }
  }()

  /// The distance in facts and the number of distinct entity paths of that length, from a
  /// breadth-first search that enumerates paths outright (fine for an article).
  static func reference(_ from: Int, _ to: Int) -> (length: Int, paths: Int)? {
    let model = engine.model
    var neighbours = [Set<Int>](repeating: [], count: model.entities.count)
    for fact in model.facts where fact.polarity == .affirmed && fact.scenario == nil {
      var ends = [fact.subject, fact.object]
      for qualifier in fact.qualifiers {
        if case .entity(let entity) = qualifier.value { ends.append(entity) }
      }
      for a in ends {
        for b in ends where a != b { neighbours[a].insert(b) }
      }
    }
    var paths: [[Int]] = [[from]]
    for length in 1...Connections.maximumLength {
      paths = paths.flatMap { path in
        neighbours[path.last!].filter { !path.contains($0) }.map { path + [$0] }
      }
      let arriving = paths.filter { $0.last == to }.count
      if arriving > 0 { return (length, arriving) }
      paths = paths.filter { $0.last != to }
      if paths.count > 2_000_000 { return nil }
    }
    return nil
  }

  @Test func theSearchAgreesWithAPlainEnumeration() throws {
    let model = Self.engine.model
    var compared = 0
    for (from, to) in Self.pairs {
      let (a, b) = (model.entities[from].id, model.entities[to].id)
      let answer = try Self.engine.evaluate("how is \(a) connected to \(b)")
      guard case .connections(let connections) = answer.body else {
        Issue.record("\(a), \(b): \(answer.kind)")
        continue
      }
      guard let expected = Self.reference(from, to) else {
        #expect(connections.chains.isEmpty, "\(a) → \(b)")
        continue
      }
      compared += 1
      #expect(connections.chains.first?.steps.count == expected.length, "\(a) → \(b)")
      #expect(connections.chains.count + connections.more == expected.paths, "\(a) → \(b)")
      #expect(connections.chains.count == min(expected.paths, Connections.maximumShown))
      let paths = connections.chains.map(\.path)
      #expect(Set(paths).count == paths.count, "each chain once")
    }
    #expect(compared >= 10)
  }

  @Test func noChainWithinFourFactsIsAnEmptyAnswerThatSaysSo() throws {
    let text = """
      document d
        paragraph "A met B. B met C. C met D. D met E. E met F."
      kind person plural "people"
      relation met "met" symmetric
      entity a "A" person
      entity b "B" person
      entity c "C" person
      entity d "D" person
      entity e "E" person
      entity f "F" person
      fact a met b
        evidence 1 "A met B"
      fact b met c
        evidence 1 "B met C"
      fact c met d
        evidence 1 "C met D"
      fact d met e
        evidence 1 "D met E"
      fact e met f
        evidence 1 "E met F"
      end
      """
    let engine = try QueryEngine(
      model: try ModelLoader.load(text: text, name: "line.model") { _ in "" })
    let four = try engine.evaluate("how is a connected to e")
    #expect(four.chains.map(\.path) == [["A", "B", "C", "D", "E"]])
    let five = try engine.evaluate("how is a connected to f")
    #expect(five.chains.isEmpty)
    #expect(five.resultCount == 0)
    let table = Renderer.render(five)
    #expect(table.contains("No chain of up to 4 facts links A and F."))
    #expect(Renderer.render(five, options: RenderOptions(format: .markdown)).contains("No chain"))
  }

  /// The accessor as its documentation shows it.
  @Test func chainsGivesThePathsInAnswerOrder() throws {
    let answer = try Self.engine.evaluate("how is pelosi connected to tajikistan")
    #expect(answer.chains.first?.path == ["Nancy Pelosi", "Armenia", "CSTO", "Tajikistan"])
    #expect(answer.names.first == "Nancy Pelosi")
    #expect(try Self.engine.evaluate("members").chains.isEmpty)
  }

  @Test func oneEntityByTwoNamesHasNoChain() throws {
    let answer = try Self.engine.evaluate("how is russia connected to moscow")
    #expect(answer.chains.isEmpty)
    #expect(Renderer.render(answer).contains("Russia and Russia are one entity"))
  }

  /// Layers of `width` entities, every one linked to every one of the next: width³ shortest
  /// chains from one end to the other, counted without being listed.
  @Test func manyChainsAreCountedAndTenShown() throws {
    let width = 30
    var text = """
      document d
        paragraph "X knows Y."
      kind person plural "people"
      relation knows "knows"
      entity start "Start" person
      entity goal "Goal" person

      """
    for layer in 1...3 {
      for index in 0..<width { text += "entity p\(layer)_\(index) \"P\(layer) \(index)\" person\n" }
    }
    let evidence = "  evidence 1 \"X knows Y\"\n"
    for index in 0..<width {
      text += "fact start knows p1_\(index)\n" + evidence
      text += "fact p3_\(index) knows goal\n" + evidence
    }
    for layer in 1...2 {
      for a in 0..<width {
        for b in 0..<width { text += "fact p\(layer)_\(a) knows p\(layer + 1)_\(b)\n" + evidence }
      }
    }
    let engine = try QueryEngine(
      model: try ModelLoader.load(text: text + "end\n", name: "layers.model") { _ in "" })
    let answer = try engine.evaluate("how is start connected to goal")
    guard case .connections(let connections) = answer.body else {
      Issue.record("\(answer.kind)")
      return
    }
    #expect(connections.chains.count == Connections.maximumShown)
    #expect(connections.more == width * width * width - Connections.maximumShown)
    #expect(connections.chains.allSatisfy { $0.steps.count == 4 })
    #expect(connections.chains.first?.path == ["Start", "P1 0", "P2 0", "P3 0", "Goal"])
    #expect(Renderer.render(answer).contains("26990 more not shown"))
  }

  /// A random graph of 20,000 facts among 2,000 people, a few of them hubs: each answer's
  /// length is the distance a plain search finds, and at most ten chains are listed.
  @Test func aLargeGraphAnswersWithTheShortestLength() throws {
    let people = 2_000
    var text = """
      document d
        paragraph "X knows Y."
      kind person plural "people"
      relation knows "knows"

      """
    for index in 0..<people { text += "entity p\(index) \"P\(index)\" person\n" }
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var neighbours = [Set<Int>](repeating: [], count: people)
    for _ in 0..<20_000 {
      // One end in ten is one of the first twenty: hubs, as an article's Russia and CSTO.
      let a = next(10) == 0 ? next(20) : next(people)
      let b = next(people)
      guard a != b else { continue }
      text += "fact p\(a) knows p\(b)\n  evidence 1 \"X knows Y\"\n"
      neighbours[a].insert(b)
      neighbours[b].insert(a)
    }
    let engine = try QueryEngine(
      model: try ModelLoader.load(text: text + "end\n", name: "random.model") { _ in "" })
    for trial in 0..<10 {
      let (from, to) = (people - 1 - trial, 100 + trial * 37)
      var distance = [from: 0]
      var frontier = [from]
      while !frontier.isEmpty, distance[to] == nil {
        var next: [Int] = []
        for here in frontier {
          for there in neighbours[here] where distance[there] == nil {
            distance[there] = distance[here]! + 1
            next.append(there)
          }
        }
        frontier = next
      }
      let answer = try engine.evaluate("how is p\(from) connected to p\(to)")
      let expected = distance[to].flatMap { $0 <= Connections.maximumLength ? $0 : nil }
      #expect(answer.chains.first?.steps.count == expected, "p\(from) → p\(to)")
      #expect(answer.chains.count <= Connections.maximumShown)
    }
  }

  /// Tab completes the question: names after `how is` and `what if`, the link word after a
  /// name, `to` after it, a relation after the subject of a scenario's fact.
  @Test(arguments: [
    ("how is nancy pe", "nancy pelosi"),
    ("how is russia con", "connected"),
    ("how is russia connected ", "to"),
    ("how are russia and tajik", "tajikistan"),
    ("what if ir", "iran joins the csto"),
    ("what if iran jo", "joins"),
    ("what if iran ", "joins"),
  ])
  func completionKnowsTheNewWords(_ line: String, _ candidate: String) {
    let completions = Self.engine.completions(in: line, cursor: line.count)
    #expect(completions.candidates.contains(candidate), "\(completions.candidates.prefix(10))")
  }

  @Test func aCancelledSearchStopsAsInterrupted() throws {
    let cancellation = Cancellation()
    cancellation.cancel()
    #expect(throws: QueryError.self) {
      try Self.engine.evaluate("how is pelosi connected to tajikistan", cancellation: cancellation)
    }
  }

  struct Failure: Sendable, CustomTestStringConvertible {
    var query: String
    var message: String
    var testDescription: String { query }
  }

  static let failures: [Failure] = [
    Failure(query: "how is pelosi connected to", message: "expected a name, found end of input"),
    Failure(query: "how is pelosi connected tajikistan", message: "expected 'to'"),
    Failure(query: "how is pelosi tajikistan", message: "expected 'connected'"),
    Failure(query: "how pelosi", message: "expected 'is' or 'are'"),
    Failure(query: "how are pelosi tajikistan connected", message: "expected 'and'"),
    Failure(query: "what links pelosi", message: "expected 'and'"),
    Failure(query: "what links pelosi and", message: "expected a name, found end of input"),
    Failure(query: "how is pelosy connected to russia", message: "unknown name 'pelosy'"),
  ]

  @Test(arguments: failures) func anIncompleteQuestionIsAPositionedError(_ failure: Failure) {
    do {
      _ = try Self.engine.evaluate(failure.query)
      Issue.record("\(failure.query) gave an answer")
    } catch {
      #expect(error.message.hasPrefix(failure.message), "\(error.message)")
      #expect(error.diagnostic.range.upperBound <= failure.query.utf8.count)
    }
    if failure.query.hasSuffix(" to") {
      let error = try? #require(throws: QueryError.self) { try Self.engine.evaluate(failure.query) }
      #expect(error?.diagnostic.range.lowerBound == failure.query.utf8.count)
    }
  }

  @Test func theAnswerRoundTripsThroughJSONWithItsKind() throws {
    let answer = try Self.engine.evaluate("how is pelosi connected to tajikistan")
    let json = Renderer.json(answer)
    #expect(json.contains("\"kind\":\"connections\""))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let chains = try #require(object["chains"] as? [[String: Any]])
    #expect(chains.count == answer.chains.count)
    #expect((chains.first?["steps"] as? [[String: Any]])?.first?["quote"] is String)
    let decoded = try JSONDecoder().decode(Answer.self, from: Data(json.utf8))
    #expect(decoded == answer)
  }

  @Test(arguments: OutputFormat.allCases) func everyFormatShowsEachHopWithItsQuote(
    _ format: OutputFormat
  ) throws {
    let answer = try Self.engine.evaluate("how is japarov connected to russia")
    let text = Renderer.render(
      answer, options: RenderOptions(format: format, evidence: .full), model: Self.engine.model)
    for step in answer.chains.flatMap(\.steps) {
      #expect(text.contains(format == .dot ? "¶\(step.paragraph)" : step.quote))
    }
    switch format {
    case .table: #expect(text.contains("Japarov → CSTO → Russia"))
    case .markdown: #expect(text.contains("### Japarov → CSTO → Russia"))
    case .csv: #expect(text.hasPrefix("chain,step,alternative,paragraph,subject"))
    case .json: #expect(text.contains("\"path\":[\"Japarov\",\"CSTO\",\"Russia\"]"))
    case .dot:
      #expect(text.contains("\"Japarov\" -> \"CSTO\""))
      let output = try ExternalTool.dot.run(["-Tsvg"], input: text)
      #expect(output.status == 0, "\(output.stderr)")
      #expect(output.stdout.contains("<svg"))
    }
  }

  /// A step through an entity a qualifier names is drawn as a dotted link between the two,
  /// so that the picture's chain is unbroken: ¶5 Rakhmon criticized Russia "at the Tashkent
  /// SCO summit".
  @Test func aStepThroughAQualifierIsDrawnAsALink() throws {
    let answer = try Self.engine.evaluate("how is the sco connected to russia")
    let text = Renderer.render(
      answer, options: RenderOptions(format: .dot), model: Self.engine.model)
    #expect(
      text.contains(
        "\"Tashkent SCO summit\" -> \"Russia\" "
          + "[label=\"at Tashkent SCO summit\\n¶5\", style=dotted"
      ))
    let output = try ExternalTool.dot.run(["-Tsvg"], input: text)
    #expect(output.status == 0, "\(output.stderr)")
  }

  /// Printed back, a connection parses to the same tree, for pairs of entities by id.
  @Test func connectionTreesPrintAndParseBack() throws {
    let model = Self.engine.model
    for (from, to) in Self.pairs {
      for query in [
        "how is \(model.entities[from].id) connected to \(model.entities[to].id)",
        "how are \(model.entities[from].id) and \(model.entities[to].id) linked",
      ] {
        let statements = try Self.engine.parseStatements(query)
        #expect(statements.first?.query == .connection(EntityRef(from), EntityRef(to)))
        let printed = Self.engine.print(statements[0])
        #expect(try Self.engine.parseStatements(printed) == statements, "\(printed)")
      }
    }
  }
}
