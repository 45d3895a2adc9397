/// "Did you mean" candidates: the known words closest to a misspelling by edit distance.
public enum Suggestions {
  /// Up to `limit` of `candidates` within a small edit distance of `word`, closest first,
  /// ties in alphabetical order.
  public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3)
    -> [String]
  {
    let target = Array(word.lowercased())
    guard !target.isEmpty, target.count <= 64 else { return [] }
    let allowed = max(1, min(3, target.count / 3))
    var scored: [(String, Int)] = []
    var seen: Set<String> = []
    for candidate in candidates where seen.insert(candidate).inserted {
      let letters = Array(candidate.lowercased())
      guard abs(letters.count - target.count) <= allowed else { continue }
      let distance = editDistance(target, letters, limit: allowed)
      if distance <= allowed, distance > 0 { scored.append((candidate, distance)) }
    }
    scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    return scored.prefix(limit).map(\.0)
  }

  /// The Damerau–Levenshtein distance (adjacent swaps count one), cut off above `limit`.
  static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, before[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
