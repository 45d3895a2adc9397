/// Completion candidates as the prompt shows them: their common prefix, and a listing in
/// columns.
enum CandidateList {
  /// The longest prefix all candidates share, compared without case; spelled as the first
  /// candidate spells it.
  static func commonPrefix(of candidates: [String]) -> String {
    guard var prefix = candidates.first.map(Array.init) else { return "" }
    for candidate in candidates.dropFirst() {
      let letters = Array(candidate)
      var shared = 0
      while shared < min(prefix.count, letters.count),
        prefix[shared].lowercased() == letters[shared].lowercased()
      {
        shared += 1
      }
      prefix = Array(prefix[..<shared])
    }
    return String(prefix)
  }

  /// The candidates in as many columns as fit in `width`, filled down first as `ls` does,
  /// each line ending in a line break. When they need more than `rows` lines, the first ones
  /// fill `rows - 1` lines and a last line says how many more there are.
  static func columns(_ all: [String], width: Int, rows: Int = .max) -> String {
    let cell = (all.map(\.count).max() ?? 0) + 2
    let columnCount = max(1, width / cell)
    let needed = (all.count + columnCount - 1) / columnCount
    let candidates = needed > rows ? Array(all.prefix(max(1, rows - 1) * columnCount)) : all
    let rowCount = (candidates.count + columnCount - 1) / columnCount
    var lines: [String] = []
    for row in 0..<rowCount {
      var line = ""
      for column in 0..<columnCount {
        let index = column * rowCount + row
        guard index < candidates.count else { break }
        let item = candidates[index]
        let isLast = (column + 1) * rowCount + row >= candidates.count
        line += isLast ? item : item + String(repeating: " ", count: cell - item.count)
      }
      lines.append(line)
    }
    if candidates.count < all.count {
      lines.append("… and \(all.count - candidates.count) more: type a letter or two and Tab again")
    }
    return lines.map { $0 + "\n" }.joined()
  }
}
