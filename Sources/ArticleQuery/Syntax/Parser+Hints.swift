import Syntax

/// Hints that lead somewhere: for a question outside the language, the nearest whole query
/// that is in it, made from the words typed (`what criticized russia` → `who criticized
/// russia`; `list members` → `members`), found by trying small edits and keeping the first
/// that parses. It only adds a note; it never runs the query it offers.
extension Parser {
  /// The longest query, in tokens, that hints are looked for in (each try is a parse).
  static let hintTokenLimit = 32

  /// `error` with a note `try: QUERY` when a small edit of `text` parses; the error as it
  /// was otherwise, or when the edit is only the suggestion the error offers already.
  static func hinted(_ error: Diagnostic, for text: String, vocabulary: Vocabulary) -> Diagnostic {
    guard
      let query = nearestQuery(
        to: text, failingAt: error.range, offered: error.suggestions.first,
        vocabulary: vocabulary)
    else { return error }
    if error.notes.contains(where: { $0.hasSuffix(query) }) { return error }
    return error.noting("try: \(query)")
  }

  /// The first of the edits of `text` that parses as one statement: the word at the error
  /// replaced by a suggestion, `where` put before it, the word left out, the first words
  /// left out, the question word changed.
  static func nearestQuery(
    to text: String, failingAt range: Range<Int>, offered: String? = nil,
    vocabulary: Vocabulary
  ) -> String? {
    guard text.utf8.count <= 2_000, !text.contains(";"), let tokens = try? Lexer.tokenize(text),
      tokens.count - 1 <= hintTokenLimit, tokens.count > 1
    else { return nil }
    let words = tokens.dropLast().map { $0.kind == .string ? "\"\($0.text)\"" : $0.text }
    let failing =
      tokens.firstIndex { $0.range.upperBound > range.lowerBound } ?? tokens.count - 1
    var tries: [[String]] = []
    let folded = words.map { $0.lowercased() }
    if failing < words.count, let offered {
      let fixed = Array(words[..<failing]) + [offered] + words[(failing + 1)...]
      if parses(fixed.joined(separator: " "), vocabulary: vocabulary) { return nil }
    }
    if failing < words.count {
      let typed = folded[failing]
      var replacements =
        Suggestions.closest(to: typed, in: vocabulary.setNames + Self.hintWords)
      if let plural = vocabulary.setNames.first(where: { $0.hasPrefix(String(typed.prefix(4))) }) {
        replacements.append(plural)
      }
      for replacement in replacements {
        tries.append(Array(words[..<failing]) + [replacement] + words[(failing + 1)...])
      }
      tries.append(Array(words[..<failing]) + ["where"] + words[failing...])
      tries.append(Array(words[..<failing]) + words[(failing + 1)...])
      tries.append(["show"] + words[failing...])
      if typed == "whom" || typed == "what", failing > 0 {
        tries.append(Array(words[..<failing]))
      }
    }
    for dropped in 1...min(3, max(1, words.count - 1)) where dropped < words.count {
      tries.append(Array(words.dropFirst(dropped)))
    }
    if let first = folded.first {
      let rest = Array(words.dropFirst())
      for opener in ["who", "which", "what did", "who did", "show", "facts about"]
      where opener != first {
        tries.append([opener] + rest)
        tries.append([opener] + words)
      }
      if first == "what", rest.first.map({ $0.lowercased() }) == "did" {
        tries.append(["who did"] + rest.dropFirst())
      }
    }
    for attempt in tries {
      let candidate = attempt.joined(separator: " ")
      if candidate.lowercased() != text.lowercased(), parses(candidate, vocabulary: vocabulary) {
        return candidate
      }
    }
    return nil
  }

  /// True when `text` is one statement of the language.
  private static func parses(_ text: String, vocabulary: Vocabulary) -> Bool {
    guard let statements = try? parse(text, vocabulary: vocabulary, hinting: false) else {
      return false
    }
    return statements.count == 1
  }

  /// The language's own words a misspelt or misplaced word may be meant as.
  static let hintWords = [
    "where", "who", "what", "which", "did", "does", "not", "and", "or", "about", "show", "facts",
    "count", "why", "assuming",
  ]
}
