/// Lists of fact indices, one per entity, relation or paragraph, kept as one flat array of
/// 32-bit numbers and where each list begins: the model's index at a million facts was 300,000
/// arrays (issue 14). A model read from a snapshot keeps them in place in the snapshot's bytes
/// (`MappedLists`). A list is given as an array when asked for.
public struct FactLists: RandomAccessCollection, Sendable, Equatable {
  /// List `i` is `facts[starts[i]..<starts[i + 1]]`, unless the lists are `mapped`.
  private let starts: [Int32]
  private let facts: [Int32]
  /// The lists in place in a snapshot; nil for lists built in memory.
  private let mapped: MappedLists?

  /// Lists of `facts` beginning at `starts` (one more than the lists, the last the end).
  init(starts: [Int32], facts: [Int32]) {
    self.starts = starts
    self.facts = facts
    mapped = nil
  }

  /// Lists in place in a snapshot.
  init(mapped: MappedLists) {
    starts = [0]
    facts = []
    self.mapped = mapped
  }

  /// The lists of `lists`.
  public init(_ lists: [[Int]]) {
    var starts: [Int32] = [0]
    var facts: [Int32] = []
    for list in lists {
      facts += list.map { Int32(truncatingIfNeeded: $0) }
      starts.append(Int32(truncatingIfNeeded: facts.count))
    }
    self.init(starts: starts, facts: facts)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { mapped?.count ?? starts.count - 1 }

  public subscript(position: Int) -> [Int] {
    if let mapped { return mapped.list(position) }
    return facts[Int(starts[position])..<Int(starts[position + 1])].map(Int.init)
  }

  /// Lists `range` of these, as lists of their own.
  func lists(_ range: Range<Int>) -> FactLists {
    if mapped != nil { return FactLists(range.map { self[$0] }) }
    let (first, last) = (Int(starts[range.lowerBound]), Int(starts[range.upperBound]))
    return FactLists(
      starts: starts[range.lowerBound...range.upperBound].map { $0 - Int32(first) },
      facts: Array(facts[first..<last]))
  }

  /// How many facts list `position` holds, without making it.
  public func count(at position: Int) -> Int {
    if let mapped { return mapped.count(at: position) }
    return Int(starts[position + 1] - starts[position])
  }

  /// The lists as one flat array and where each begins (for writing a snapshot).
  var flat: (starts: [Int32], facts: [Int32]) {
    guard mapped != nil else { return (starts, facts) }
    var starts: [Int32] = [0]
    var facts: [Int32] = []
    for list in self {
      facts += list.map { Int32(truncatingIfNeeded: $0) }
      starts.append(Int32(truncatingIfNeeded: facts.count))
    }
    return (starts, facts)
  }

  public static func == (lhs: FactLists, rhs: FactLists) -> Bool {
    lhs.elementsEqual(rhs)
  }
}
