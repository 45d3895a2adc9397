extension Array where Element == String {
  /// The strings one after another with `separator` between them: the standard library's
  /// `joined(separator:)`, which this module's calls on `[String]` take instead (an array is a
  /// more specific type than its `BidirectionalCollection`). The standard library's is not
  /// specialized for the array: run as generic code, it looks its collection's associated
  /// types up at run time the first time, 0.18M instructions of a one-shot query (its table's
  /// lines are joined with it).
  func joined(separator: String = "") -> String {
    var text = ""
    var length = separator.utf8.count * Swift.max(0, count - 1)
    for string in self { length += string.utf8.count }
    text.reserveCapacity(length)
    var first = true
    for string in self {
      if first {
        first = false
      } else {
        text += separator
      }
      text += string
    }
    return text
  }
}
