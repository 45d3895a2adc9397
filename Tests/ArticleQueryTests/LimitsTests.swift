import ArticleModel
import ArticleQuery
import Syntax
import Testing

/// Inputs at and past the limits: each gets its answer or one positioned error, never a
/// crash or a hang.
@Suite struct LimitsTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  @Test func tenThousandNestedParenthesesAreAnErrorNotACrash() {
    let deep =
      "members where " + String(repeating: "(", count: 10_000) + "criticized russia"
      + String(repeating: ")", count: 10_000)
    guard case .failure(let error) = engine.run(deep).first else {
      Issue.record("answered")
      return
    }
    #expect(error.message == "query nested more than \(Parser.maximumDepth) levels deep")
    let deepTarget =
      "people where president of " + String(repeating: "(", count: 10_000) + "members"
    guard case .failure(let second) = engine.run(deepTarget).first else {
      Issue.record("the answer is not of the kind this test checks")
      return
    }
    #expect(second.message.hasPrefix("query nested more than"))
  }

  @Test func tenThousandNotsAreAnErrorNotACrash() {
    let deep = "members where " + String(repeating: "not ", count: 10_000) + "criticized russia"
    guard case .failure(let error) = engine.run(deep).first else {
      Issue.record("answered")
      return
    }
    #expect(error.message.hasPrefix("query nested more than"))
  }

  @Test func nestingWithinTheLimitIsAnswered() throws {
    let depth = Parser.maximumDepth - 1
    let query =
      "members where " + String(repeating: "(", count: depth) + "criticized russia"
      + String(repeating: ")", count: depth)
    #expect(try engine.evaluate(query).names == ["Tajikistan"])
  }

  @Test func aOneMebibyteQueryIsAnswered() throws {
    let clause = " or criticized russia"
    let count = (1 << 20) / clause.utf8.count
    let query = "members where supported russia" + String(repeating: clause, count: count)
    #expect(query.utf8.count > 1_000_000)
    #expect(try engine.evaluate(query).names == ["Belarus", "Tajikistan"])
  }

  @Test func aOneMebibyteWordIsAnError() {
    let word = String(repeating: "x", count: 1 << 20)
    guard case .failure(let error) = engine.run(word).first else {
      Issue.record("answered")
      return
    }
    #expect(error.location == SourceLocation(line: 1, column: 1))
  }

  @Test func aQueryPastTheLengthLimitIsAnError() {
    let query = String(repeating: "members; ", count: Parser.maximumLength / 9 + 1)
    guard case .failure(let error) = engine.run(query).first else {
      Issue.record("answered")
      return
    }
    #expect(error.message.contains("the limit is \(Parser.maximumLength)"))
  }

  @Test(arguments: ["", "   ", "# only a comment", ";;", "\n\n# two lines\n"])
  func emptyInputGivesNoAnswers(_ text: String) {
    #expect(engine.run(text).isEmpty)
    #expect(throws: QueryError.self) { _ = try engine.evaluate(text) }
  }

  static let templates = [
    "members where criticized russia",
    "people where president of (members where criticized russia)",
    "why not belarus criticized russia",
    "what did pelosi visit",
    "show belarus",
    "facts about kyrgyzstan",
    "members assuming iran joins the csto",
    "count members where not supported russia",
  ]

  /// Each word of each template replaced in turn by a name nobody has: an error whose
  /// position lies inside the text.
  @Test(arguments: templates) func anInvalidNameInEveryPosition(_ template: String) {
    let words = template.split(separator: " ", omittingEmptySubsequences: false)
    for index in words.indices {
      var broken = words
      broken[index] = "zzqx"
      let text = broken.joined(separator: " ")
      guard case .failure(let error) = engine.run(text).last else {
        Issue.record("no error for: \(text)")
        continue
      }
      #expect(error.diagnostic.range.lowerBound <= text.utf8.count, "\(text)")
      #expect(error.diagnostic.range.upperBound <= text.utf8.count, "\(text)")
      #expect(!error.rendered().isEmpty)
    }
  }

  @Test(arguments: ["\u{0}", "members\u{7}", "members where criticized \u{FFFD}", "🙂", "members “"])
  func strangeCharactersAreErrors(_ text: String) {
    guard case .failure(let error) = engine.run(text).last else {
      Issue.record("no error for: \(text)")
      return
    }
    #expect(error.diagnostic.range.upperBound <= text.utf8.count)
  }

  @Test func incompleteInputWaitsForMoreLines() {
    #expect(!engine.isComplete("people where president of (members"))
    #expect(!engine.isComplete("countries where visited by \"nancy"))
    #expect(engine.isComplete("members where criticized russia"))
    #expect(engine.isComplete("members)"))
  }
}

/// Completion knows where the cursor is.
@Suite struct CompletionTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  @Test func atTheStartSetsAndQuestionWords() {
    let all = engine.completions(in: "", cursor: 0).candidates
    for word in ["members", "countries", "who", "show", "facts", "why", "count", "everything"] {
      #expect(all.contains(word), "\(word)")
    }
    #expect(
      engine.completions(in: "mem", cursor: 3) == Completions(start: 0, candidates: ["members"]))
  }

  @Test func afterWhereRelationPhrases() {
    let after = engine.completions(in: "members where ", cursor: 14)
    #expect(after.start == 14)
    #expect(after.candidates.contains("criticized"))
    #expect(after.candidates.contains("led by"))
    #expect(!after.candidates.contains("russia"))
    let typed = engine.completions(in: "members where crit", cursor: 18)
    #expect(typed.candidates.contains("criticized"))
    #expect(typed.candidates.contains("criticizes"))
  }

  @Test func afterARelationNamesAndSets() {
    let line = "members where criticized "
    let after = engine.completions(in: line, cursor: line.count)
    #expect(after.candidates.contains("russia"))
    #expect(after.candidates.contains("members"))
    let partial = engine.completions(in: "countries where visited by nancy pe", cursor: 35)
    #expect(partial.candidates == ["nancy pelosi"])
    #expect(partial.start == 27)
  }

  @Test func afterASetWhereOrAssuming() {
    let after = engine.completions(in: "members wh", cursor: 10)
    #expect(after == Completions(start: 8, candidates: ["where"]))
  }
}

/// A cancelled evaluation stops with an error and the engine answers the next query.
@Test func aCancelledEvaluationIsInterruptedAndTheEngineGoesOn() throws {
  let engine = try QueryEngine()
  let cancellation = Cancellation()
  cancellation.cancel()
  guard
    case .failure(let error) = engine.run(
      "members where criticized russia", cancellation: cancellation
    ).first
  else {
    Issue.record("not interrupted")
    return
  }
  #expect(error.message == "interrupted")
  cancellation.reset()
  #expect(
    try engine.evaluate("members where criticized russia", cancellation: cancellation).names == [
      "Tajikistan"
    ])
}

/// An error deep in a very long line shows a window of the line around the caret, not the
/// whole line.
@Test func anErrorInALongLineShowsAWindowAroundIt() throws {
  let engine = try QueryEngine()
  let query =
    "members where supported russia" + String(repeating: " or criticized russia", count: 5_000)
    + " or pelosy"
  guard case .failure(let error) = engine.run(query).first else {
    Issue.record("no error")
    return
  }
  let lines = error.rendered().split(separator: "\n", omittingEmptySubsequences: false)
  #expect(lines[1].count <= DiagnosticRenderer.maximumLineWidth + 2)
  #expect(lines[1].hasPrefix("…"))
  #expect(lines[1].hasSuffix("or criticized russia or pelosy"))
  let caret = lines[2]
  let column = caret.prefix { $0 == " " }.count
  #expect(Array(lines[1])[column...].starts(with: "pelosy"))
  #expect(caret.hasSuffix("^~~~~~"))
}
