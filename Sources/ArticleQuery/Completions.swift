import ArticleModel

/// What may complete the word under the cursor: where that word begins and the candidates
/// that fit there, sorted.
public struct Completions: Sendable, Equatable {
  /// The character offset in the line where the text being completed begins.
  public var start: Int
  /// Whole replacements for the text from `start` to the cursor, sorted; at most
  /// `Completions.limit` of them: the first ones and the last, so that they have the common
  /// prefix all of them have.
  public var candidates: [String]
  /// How many candidates fit, when more than `candidates` holds.
  public var total: Int

  public init(start: Int, candidates: [String], total: Int? = nil) {
    self.start = start
    self.candidates = candidates
    self.total = total ?? candidates.count
  }

  /// The most candidates given: more than a screen shows.
  public static let limit = 1_000
}

extension QueryEngine {
  /// Candidates for the text before `cursor` (a character offset) in `line`: at the start,
  /// sets and question words; after `where`, `and`, `or`, `not`, relation phrases; after a
  /// relation, entity names and sets. The text being completed may be several words long
  /// (`nancy pe` → `nancy pelosi`).
  public func completions(in line: String, cursor: Int) -> Completions {
    let before = String(line.prefix(cursor))
    let vocabulary = context.vocabulary
    let endsInSpace = before.last.map { $0 == " " || $0 == "(" || $0 == "\"" } ?? true
    let wordStarts = Completions.wordStarts(in: before)
    var best = Completions(start: before.count, candidates: [])
    let tries = endsInSpace ? [before.count] : Array(wordStarts.suffix(4).reversed())
    for start in tries {
      let prefix = String(before.prefix(start))
      let partial = String(before.dropFirst(start)).lowercased()
      let expected = Parser.expectations(after: prefix, vocabulary: vocabulary)
      let pool = Completions.pool(for: expected, vocabulary: vocabulary, typed: partial)
      let fitting = Set(pool.filter { $0.hasPrefix(partial) })
      let names =
        expected.contains(.entity) ? context.nameIndex.names(startingWith: partial) : []
      let others = fitting.filter { !NameIndex.contains($0, in: names) }
      if names.count + others.count > 0 {
        var shown = others.union(names.prefix(Completions.limit))
        if let last = names.last { shown.insert(last) }
        best = Completions.capped(
          shown.sorted(), total: names.count + others.count, start: start)
        break
      }
    }
    return best
  }
}

extension Completions {
  /// At most `limit` of `sorted`: the first ones and the last.
  static func capped(_ sorted: [String], total: Int, start: Int) -> Completions {
    guard sorted.count > limit else {
      return Completions(start: start, candidates: sorted, total: total)
    }
    return Completions(
      start: start, candidates: Array(sorted.prefix(limit - 1)) + [sorted.last!], total: total)
  }

  /// Character offsets where words begin.
  static func wordStarts(in text: String) -> [Int] {
    var starts: [Int] = []
    var previous: Character = " "
    for (offset, character) in text.enumerated() {
      let isWord = !(character == " " || character == "(" || character == ")" || character == ";")
      let wasWord = !(previous == " " || previous == "(" || previous == ")" || previous == ";")
      if isWord, !wasWord { starts.append(offset) }
      previous = character
    }
    return starts
  }

  /// The words that can stand where the parser met the end of the text.
  static func pool(for expected: Set<Parser.Expectation>, vocabulary: Vocabulary, typed: String)
    -> [String]
  {
    var pool: [String] = []
    for expectation in expected {
      switch expectation {
      case .keyword(let word): pool.append(word)
      case .opener: pool += Vocabulary.openers
      case .relation:
        pool += typed.isEmpty ? vocabulary.primaryRelationPhrases : vocabulary.relationPhrases
      case .entity: break  // from the engine's `NameIndex`
      case .set: pool += vocabulary.setNames
      case .number: break
      case .document: pool += vocabulary.documentIDs
      }
    }
    return pool
  }
}
