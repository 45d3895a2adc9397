import Foundation
import Testing

@testable import ArticleQuery

/// Readers' questions, written from the article by a reader who never saw the code
/// (`Questions/questions.tsv`), each with the answer the article supports and the paragraphs
/// that support it. Every question must get that answer, citing one of those paragraphs.
/// The expected names are resolved through the model's names and aliases, so a name the
/// model does not know is a failure too.
@Suite struct QuestionTableTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Questions")
  static let questions: [Question] = (try? Question.table(at: folder)) ?? []
  static let engine = try? QueryEngine()
  /// Questions the language or the model cannot answer yet, each with the reason
  /// (`Questions/known-gaps.tsv`). A gap that starts passing fails the test: take it out.
  static let gaps: [String: String] = (try? Question.gaps(at: folder)) ?? [:]

  /// Number words, each at its value, for an expected value that a count answers.
  static let numberWords = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  ]

  @Test func theTableHasEnoughQuestionsOfEveryForm() throws {
    let questions = Self.questions
    #expect(questions.count >= 120)
    let forms = Dictionary(grouping: questions, by: \.form)
    for form in Question.forms {
      #expect((forms[form]?.count ?? 0) >= 5, "questions of the form \(form)")
    }
    #expect(Set(forms.keys).isSubset(of: Question.forms), "forms: \(forms.keys.sorted())")
    let silent = questions.filter { $0.expect == .empty || $0.expect == .verdict("not stated") }
    #expect(silent.count >= 10, "questions whose answer is empty or not stated")
    #expect(Set(questions.map(\.id)).count == questions.count, "ids are unique")
  }

  @Test(arguments: questions)
  func eachQuestionGetsTheArticlesAnswer(_ question: Question) throws {
    if let reason = Self.gaps[question.id] {
      withKnownIssue("\(question.id): \(reason)") { try check(question) }
    } else {
      try check(question)
    }
  }

  @Test func everyKnownGapIsAQuestionOfTheTable() {
    #expect(Set(Self.gaps.keys).isSubset(of: Self.questions.map(\.id)))
  }

  private func check(_ question: Question) throws {
    let engine = try #require(Self.engine)
    let answer: Answer
    do {
      answer = try engine.evaluate(question.text)
    } catch {
      Issue.record("\(question.id) '\(question.text)' is refused: \(error.message)")
      return
    }
    let json = try AnswerJSON(answer)
    switch question.expect {
    case .names(let names):
      let expected = try Set(names.map { try displayName($0, engine) })
      // A state that holds through the person the reader named (Kyrgyzstan through Japarov,
      // its president) is the same answer, said for the state too.
      let through = Set(
        answer.results.filter { result in
          !result.evidence.isEmpty
            && result.evidence.allSatisfy { expected.contains($0.via?.lowercased() ?? "") }
        }.map { $0.name.lowercased() })
      let given = Set(json.names.map { $0.lowercased() })
      #expect(given.subtracting(through) == expected, "\(question): \(json.names)")
    case .includes(let names):
      let expected = try Set(names.map { try displayName($0, engine) })
      let missing = expected.subtracting(json.names.map { $0.lowercased() })
      #expect(missing.isEmpty, "\(question): missing \(missing.sorted())")
    case .empty:
      #expect(answer.resultCount == 0 && json.names.isEmpty, "\(question): \(json.names)")
    case .verdict(let verdict):
      #expect(json.verdict == verdict, "\(question): \(json.verdict ?? answer.kind.rawValue)")
    case .verdictAssuming(let verdict, let scenario):
      #expect(json.verdict == verdict, "\(question): \(json.verdict ?? answer.kind.rawValue)")
      let name = try displayName(scenario, engine)
      #expect(json.scenarios.contains { $0.lowercased() == name }, "\(question): \(json.scenarios)")
    case .values(let values):
      for value in values {
        // A number word (six) is also the count a `how many` answer gives.
        if let number = Self.numberWords.firstIndex(of: value.lowercased()),
          answer.count == number
        {
          continue
        }
        #expect(json.text.lowercased().contains(value.lowercased()), "\(question): no '\(value)'")
      }
    case .count(let number):
      #expect((answer.count ?? answer.resultCount) == number, "\(question)")
    case .mentions(let names):
      for name in names {
        let display = try displayName(name, engine)
        #expect(json.text.lowercased().contains(display), "\(question): no '\(display)'")
      }
    case .linked(let via):
      #expect(json.chainCount > 0, "\(question): no chain")
      if let via {
        let display = try displayName(via, engine)
        #expect(json.text.lowercased().contains(display), "\(question): not via '\(display)'")
      }
    case .notLinked:
      #expect(json.chainCount == 0, "\(question)")
    }
    if question.expect.citesEvidence, !question.paragraphs.isEmpty {
      #expect(
        !json.paragraphs.isDisjoint(with: question.paragraphs),
        "\(question): cites ¶\(json.paragraphs.sorted()), not ¶\(question.paragraphs.sorted())")
    }
  }

  /// The display name, folded, of the entity a reader wrote: by its name or an alias, with
  /// a leading article ignored.
  private func displayName(_ written: String, _ engine: QueryEngine) throws -> String {
    var words = written.split(separator: " ")
    if ["the", "a", "an"].contains(words.first?.lowercased()) { words.removeFirst() }
    let index =
      engine.vocabulary.entity(named: written)
      ?? engine.vocabulary.entity(named: words.joined(separator: " "))
    guard let index else {
      Issue.record("the model has no entity named '\(written)'")
      return written.lowercased()
    }
    return engine.model.entities[index].name.lowercased()
  }
}

/// One row of the question table.
struct Question: Sendable, CustomTestStringConvertible, CustomStringConvertible {
  /// The forms of the language the table covers, each at least five times.
  static let forms: Set<String> = [
    "qualifier", "where", "when", "howmuch", "happened", "yesno", "which", "dosupport",
    "words", "negation", "scenario", "whatif", "pairs", "connection", "basic",
  ]

  /// What the article's answer is.
  enum Expectation: Sendable, Equatable {
    case names([String])
    case includes([String])
    case empty
    case verdict(String)
    case verdictAssuming(String, scenario: String)
    case values([String])
    case count(Int)
    case mentions([String])
    case linked(via: String?)
    case notLinked

    /// Whether the answer should cite one of the row's paragraphs.
    var citesEvidence: Bool {
      switch self {
      case .empty, .notLinked, .count: false
      case .verdict(let verdict): verdict != "not stated"
      case .verdictAssuming: false
      default: true
      }
    }

    init(_ text: String) throws {
      func list(_ rest: Substring) -> [String] {
        rest.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty }
      }
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      let (head, rest) =
        trimmed.firstIndex(of: ":").map {
          (trimmed[..<$0].lowercased(), trimmed[trimmed.index(after: $0)...])
        } ?? (trimmed.lowercased(), "")
      switch head {
      case "names": self = .names(list(rest))
      case "includes": self = .includes(list(rest))
      case "empty": self = .empty
      case "yes", "no", "not stated": self = .verdict(head)
      case "values": self = .values(list(rest))
      case "count": self = .count(Int(rest.trimmingCharacters(in: .whitespaces)) ?? -1)
      case "mentions": self = .mentions(list(rest))
      case "linked": self = .linked(via: nil)
      case "linked via": self = .linked(via: list(rest).first)
      case "not linked": self = .notLinked
      default:
        let parts = list(trimmed[...])
        guard parts.count == 2, ["yes", "no", "not stated"].contains(parts[0].lowercased()),
          parts[1].lowercased().hasPrefix("yes assuming ")
        else { throw TableError(text: text) }
        self = .verdictAssuming(
          parts[0].lowercased(), scenario: String(parts[1].dropFirst("yes assuming ".count)))
      }
    }
  }

  struct TableError: Error, CustomStringConvertible {
    var text: String
    var description: String { "not an expectation: \(text)" }
  }

  var id: String
  var form: String
  var text: String
  var expect: Expectation
  var paragraphs: Set<Int>

  var description: String { "\(id) [\(form)] '\(text)'" }
  var testDescription: String { "\(id) \(text)" }

  /// The ids and reasons of `known-gaps.tsv` in `folder`, past its header.
  static func gaps(at folder: URL) throws -> [String: String] {
    let text = try String(
      contentsOf: folder.appendingPathComponent("known-gaps.tsv"), encoding: .utf8)
    return Dictionary(
      text.split(separator: "\n").dropFirst().map { line in
        let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
        return (fields[0], fields.count > 1 ? fields[1] : "")
      }, uniquingKeysWith: { first, _ in first })
  }

  /// The rows of `questions.tsv` in `folder`, past its header.
  static func table(at folder: URL) throws -> [Question] {
    let text = try String(
      contentsOf: folder.appendingPathComponent("questions.tsv"), encoding: .utf8)
    return try text.split(separator: "\n").dropFirst().map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 5 else { throw TableError(text: String(line)) }
      return Question(
        id: fields[0], form: fields[1], text: fields[2], expect: try Expectation(fields[3]),
        paragraphs: Set(
          fields[4].split(separator: ";").compactMap {
            Int($0.trimmingCharacters(in: .whitespaces))
          }))
    }
  }
}

/// An answer as its JSON has it, for checks that hold whatever the answer's kind: the names
/// it gives, its verdict, the paragraphs it cites, its text.
struct AnswerJSON {
  var text: String
  var names: [String] = []
  var verdict: String?
  var scenarios: [String] = []
  var paragraphs: Set<Int> = []
  var chainCount = 0

  init(_ answer: Answer) throws {
    let data = try JSONEncoder().encode(answer)
    text = String(decoding: data, as: UTF8.self)
    let object = try JSONSerialization.jsonObject(with: data)
    guard let top = object as? [String: Any] else { return }
    verdict = top["verdict"] as? String
    // A where/when/how much question the article does not answer reads "not stated".
    if top["kind"] as? String == "values", (top["results"] as? [Any])?.isEmpty == true {
      verdict = "not stated"
    }
    scenarios = (top["scenarios"] as? [Any] ?? []).compactMap {
      ($0 as? String) ?? (($0 as? [String: Any])?["name"] as? String)
    }
    chainCount = (top["chains"] as? [Any])?.count ?? 0
    for key in ["results", "values"] {
      for case let item as [String: Any] in top[key] as? [Any] ?? [] {
        if let name = (item["name"] as? String) ?? (item["value"] as? String) {
          names.append(name)
        }
      }
    }
    collectParagraphs(object)
  }

  private mutating func collectParagraphs(_ value: Any) {
    if let object = value as? [String: Any] {
      for (key, inner) in object {
        if key == "paragraph", let number = inner as? Int { paragraphs.insert(number) }
        collectParagraphs(inner)
      }
    } else if let array = value as? [Any] {
      for inner in array { collectParagraphs(inner) }
    }
  }
}
