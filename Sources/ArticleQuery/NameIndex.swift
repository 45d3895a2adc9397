import Synchronization

/// The entity names Tab offers, sorted once, on the first completion, and kept: a completion
/// is then a binary search for the typed prefix, not a filter over every name (200,000 at a
/// million facts).
final class NameIndex: Sendable {
  private let names: [String]
  private let sorted = Mutex<[String]?>(nil)

  init(names: [String]) {
    self.names = names
  }

  /// The names that start with `prefix`, sorted.
  func names(startingWith prefix: String) -> ArraySlice<String> {
    let all = sorted.withLock { sorted in
      if sorted == nil { sorted = Array(Set(names.filter { !$0.contains("_") })).sorted() }
      return sorted!
    }
    guard !prefix.isEmpty else { return all[...] }
    let scalars = prefix.unicodeScalars
    // Names that start with the prefix's scalars are contiguous in the sorted order; the
    // range is then narrowed to those that start with it as characters.
    let lower = Self.firstIndex(in: all[...]) { $0 >= prefix }
    let upper = Self.firstIndex(in: all[lower...]) {
      $0 > prefix && !$0.unicodeScalars.starts(with: scalars)
    }
    let range = all[lower..<upper]
    return range.allSatisfy { $0.hasPrefix(prefix) }
      ? range : range.filter { $0.hasPrefix(prefix) }[...]
  }

  /// Whether the sorted `names` holds `name`.
  static func contains(_ name: String, in names: ArraySlice<String>) -> Bool {
    let index = firstIndex(in: names) { $0 >= name }
    return index < names.endIndex && names[index] == name
  }

  /// The first index of `names` (sorted) where `isAtOrAfter` holds, which holds from there on.
  private static func firstIndex(
    in names: ArraySlice<String>, where isAtOrAfter: (String) -> Bool
  ) -> Int {
    var low = names.startIndex
    var high = names.endIndex
    while low < high {
      let middle = low + (high - low) / 2
      if isAtOrAfter(names[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
