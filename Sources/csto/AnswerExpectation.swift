import ArticleQuery

/// What `.expect` says the previous query gave: exactly these names, a count, nothing, an
/// error, or a yes/no question's verdict. A script of queries each followed by `.expect` is
/// a test.
enum AnswerExpectation: Equatable {
  case names([String])
  case count(Int)
  case empty
  case error
  case verdict(Verdict.Value)

  /// Reads the arguments of `.expect` (`Tajikistan`, `Armenia, "Kyrgyzstan"`, `count 6`,
  /// `empty`, `error`, `yes`, `no`, `not stated`); nil when they fit none of its forms.
  static func parse(_ arguments: String) -> AnswerExpectation? {
    let words = arguments.split(whereSeparator: { $0 == " " || $0 == "\t" })
    let phrase = words.joined(separator: " ").lowercased()
    if let verdict = Verdict.Value(rawValue: phrase) { return .verdict(verdict) }
    switch words.first?.lowercased() {
    case nil:
      return nil
    case "empty" where words.count == 1:
      return .empty
    case "error" where words.count == 1:
      return .error
    case "count":
      guard words.count == 2, let number = Int(words[1]), number >= 0 else { return nil }
      return .count(number)
    default:
      return names(in: arguments).map(AnswerExpectation.names)
    }
  }

  /// Whether `outcome` is what was expected: nil when it is, else what was wrong.
  func mismatch(with outcome: Shell.Outcome) -> String? {
    let answer: Answer
    switch (self, outcome) {
    case (.error, .failure):
      return nil
    case (_, .failure(let error)):
      return "expected \(description), but the query failed: \(error.message)"
    case (.error, .answer(let given)):
      return "expected an error, but the query succeeded with \(Self.summary(of: given))"
    case (_, .answer(let given)):
      answer = given
    }
    switch self {
    case .empty:
      return answer.resultCount == 0 ? nil : "expected no results, got \(Self.summary(of: answer))"
    case .count(let number):
      let actual = answer.count ?? answer.resultCount
      return actual == number ? nil : "expected count \(number), got \(actual)"
    case .names(let expected):
      return Self.difference(expected: expected, actual: answer.names)
    case .error:
      return nil
    case .verdict(let expected):
      guard let actual = answer.verdict else {
        return
          "expected \(expected.rawValue), but the answer is not a verdict (\(answer.kind.rawValue))"
      }
      return actual == expected ? nil : "expected \(expected.rawValue), got \(actual.rawValue)"
    }
  }

  private var description: String {
    switch self {
    case .names(let names): names.joined(separator: ", ")
    case .count(let number): "count \(number)"
    case .empty: "no results"
    case .error: "an error"
    case .verdict(let verdict): verdict.rawValue
    }
  }

  private static func summary(of answer: Answer) -> String {
    let count = answer.resultCount
    let noun = count == 1 ? "1 result" : "\(count) results"
    return answer.names.isEmpty ? noun : "\(noun): \(answer.names.joined(separator: ", "))"
  }

  /// Compares names as sets, without case.
  private static func difference(expected: [String], actual: [String]) -> String? {
    let wanted = Set(expected.map { $0.lowercased() })
    let got = Set(actual.map { $0.lowercased() })
    guard wanted != got else { return nil }
    var parts: [String] = []
    let missing = expected.filter { !got.contains($0.lowercased()) }
    let unexpected = actual.filter { !wanted.contains($0.lowercased()) }
    if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
    if !unexpected.isEmpty { parts.append("unexpected \(unexpected.joined(separator: ", "))") }
    let shown = actual.isEmpty ? "no results" : actual.joined(separator: ", ")
    return
      "expected \(expected.joined(separator: ", ")), got \(shown) (\(parts.joined(separator: "; ")))"
  }

  /// Names separated by commas; a name may be quoted to hold a comma. Nil if one is empty.
  private static func names(in text: String) -> [String]? {
    var names: [String] = []
    var current = ""
    var quoted = false
    for character in text {
      switch character {
      case "\"": quoted.toggle()
      case "," where !quoted:
        names.append(current.trimmed)
        current = ""
      default: current.append(character)
      }
    }
    names.append(current.trimmed)
    return quoted || names.contains(where: \.isEmpty) ? nil : names
  }
}
