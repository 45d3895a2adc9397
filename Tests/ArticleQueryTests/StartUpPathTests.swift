import ArticleModel
import Testing

@testable import ArticleQuery

/// The start-up path's stand-ins for generic types that the runtime would otherwise make, and
/// look conformances up for, at run time (Tests/Benchmarks/README.md, round 6, start): each
/// does what the code it replaced did.
@Suite struct StartUpPathTests {
  static let texts = [
    "count members",
    "members; count members; count countries",
    "members; memebrs; count members",
    "members where",
    "count members; members where criticized russia and (",
    "",
    "# only a comment",
    "members ¤",
  ]

  @Test(arguments: texts)
  func answersAreWhatRunGives(_ text: String) throws {
    let engine = try QueryEngine()
    let (answers, error) = engine.answers(text)
    let results = engine.run(text)
    let expected = results.compactMap { try? $0.get() }
    #expect(answers == expected)
    var failure: QueryError?
    if case .failure(let last) = results.last { failure = last }
    #expect(error == failure)
    #expect((error == nil) == (results.count == answers.count))
  }

  @Test func aSupportAddedTwiceIsKeptOnceAtAnyCount() {
    // Around the count at which the collector moves an entity's supports into its set.
    for count in [1, MatchCollector.listed - 1, MatchCollector.listed, 3 * MatchCollector.listed] {
      var collector = MatchCollector()
      var expected: [Int: [Support]] = [:]
      for round in 0..<3 {
        for number in 0..<count {
          for entity in [4, 9] {
            let support = Support(
              fact: number, via: number % 3 == 0 ? nil : 7, chain: number % 2 == 0 ? [] : [1, 2])
            collector.add(entity, support)
            if round == 0 { expected[entity, default: []].append(support) }
          }
        }
      }
      #expect(collector.matches == expected, "\(count) supports an entity")
    }
  }

  @Test(arguments: [[], [""], ["a"], ["a", "b"], ["", "", ""], ["Armenia", "¶1", "“é”"]])
  func joinedIsTheStandardLibrarys(_ strings: [String]) {
    for separator in ["", "\n", "; ", "→"] {
      #expect(strings.joined(separator: separator) == strings[...].joined(separator: separator))
    }
    #expect(strings.joined() == strings[...].joined())
  }

  @Test func completionStillSeesWhatMayFollow() throws {
    let engine = try QueryEngine()
    let expected = Parser.expectations(after: "count members ", vocabulary: engine.vocabulary)
    #expect(expected.contains(.keyword("where")))
    #expect(Parser.expectations(after: "", vocabulary: engine.vocabulary).contains(.opener))
  }
}
