/// Lists of facts in place in a snapshot's part (`SnapshotPart.bySubject` and the other index
/// parts): lists `first..<first + count` of the part's `lists`. The blocks a list is in are
/// checked (their checksums, every number in range) the first time they are read, and the
/// list's starts in order; a list in a damaged block comes from the model loaded again from
/// its file.
struct MappedLists: Sendable {
  let store: SnapshotStore
  let part: SnapshotPart
  /// How many lists the whole part holds.
  let lists: Int
  let first: Int
  let count: Int

  /// List `position` (of these `count`).
  func list(_ position: Int) -> [Int] {
    store.list(part, lists: lists, first + position) ?? replaced?[position] ?? []
  }

  func count(at position: Int) -> Int {
    guard let range = store.listRange(part, lists: lists, first + position) else {
      return replaced?.count(at: position) ?? 0
    }
    return range.count / 4
  }

  /// These lists in the model loaded again from its file.
  private var replaced: FactLists? {
    guard let index = store.replacement()?.index else { return nil }
    switch part {
    case .bySubject: return index.factsBySubject
    case .byObject: return index.factsByObject
    case .byRelation: return index.factsByRelation
    case .byQualifier: return index.factsByQualifier
    default:
      // The paragraph lists: document by document, found by where the document's lists
      // begin (`first`), which the replacement's shape must match.
      var begin = 0
      for lists in index.factsByParagraph {
        if begin == first, lists.count == count { return lists }
        begin += lists.count
      }
      return nil
    }
  }
}
