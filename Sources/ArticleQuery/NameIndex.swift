import Synchronization

/// The entity names Tab offers, sorted once, on the first completion of an empty word, and
/// kept: a completion is then a binary search for the typed prefix, not a filter over every
/// name (200,000 at a million facts). Until then, a typed prefix is completed by one pass over
/// the names' bytes that sorts only those that fit: sorting every name took 290 ms on the first
/// Tab at a million facts (issue 14).
final class NameIndex: Sendable {
  private let names: NameList
  private let sorted = Mutex<[String]?>(nil)

  init(names: NameList) {
    self.names = names
  }

  /// The names that start with `prefix`, sorted.
  func names(startingWith prefix: String) -> ArraySlice<String> {
    let all = sorted.withLock { sorted -> [String]? in
      if sorted == nil, prefix.isEmpty {
        sorted = Array(Set(names.filter(Self.isOffered))).sorted()
      }
      return sorted
    }
    guard let all else { return scan(for: prefix) }
    guard !prefix.isEmpty else { return all[...] }
    // A prefix with letters beyond ASCII may be written composed or not (`é`, `e` and an
    // accent): the names that start with it as characters need not be contiguous.
    guard prefix.utf8.allSatisfy({ $0 < 0x80 }) else {
      return all.filter { $0.hasPrefix(prefix) }[...]
    }
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

  /// The names that start with `prefix` (not empty) as `names(startingWith:)` gives them,
  /// found by one pass over every name, each once, sorted. A name that starts with an ASCII
  /// prefix as characters starts with its bytes, which are compared first; a prefix with other
  /// letters may be written composed or not (`é`, `e` and an accent), so every name is then
  /// compared as characters.
  private func scan(for prefix: String) -> ArraySlice<String> {
    let bytes = Array(prefix.utf8)
    let ascii = bytes.allSatisfy { $0 < 0x80 }
    var found: Set<String> = []
    // A name read from a snapshot is made only when its bytes start with an ASCII prefix.
    for index in names.indices where !ascii || names.bytes(at: index, startWith: bytes) {
      let name = names[index]
      if Self.isOffered(name), name.hasPrefix(prefix) { found.insert(name) }
    }
    return found.sorted()[...]
  }

  /// Whether Tab offers a name: not an id with an underscore, which is typed as words.
  private static func isOffered(_ name: String) -> Bool {
    !name.utf8.contains(UInt8(ascii: "_"))
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
