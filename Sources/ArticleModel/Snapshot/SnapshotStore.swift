import Synchronization

/// A format-5 snapshot's parts as a model read from it uses them, in place in the mapped
/// bytes: strings, fact columns, each fact's details and the index's lists. Every number is
/// checked before it is used, and each part's checksum the first time the part is used; a part
/// that is damaged is never read, and what it held comes from the model loaded again from its
/// file (`reload`, given by the cache), so that a damaged snapshot is never a wrong answer.
final class SnapshotStore: Sendable {
  let owner: SnapshotBytes
  let parts: SnapshotParts
  let entityCount: Int
  let relationCount: Int
  let factCount: Int
  let paragraphCounts: [Int]
  /// How many paragraph lists the index holds, for all documents.
  let paragraphLists: Int
  let strings: MappedStrings
  let reload: SnapshotReload

  var bytes: UnsafeRawBufferPointer { owner.bytes }

  init(
    owner: SnapshotBytes, parts: SnapshotParts, entities: Int, relations: Int, facts: Int,
    paragraphCounts: [Int], paragraphLists: Int, strings: MappedStrings, reload: SnapshotReload
  ) {
    self.paragraphLists = paragraphLists
    self.owner = owner
    self.parts = parts
    entityCount = entities
    relationCount = relations
    factCount = facts
    self.paragraphCounts = paragraphCounts
    self.strings = strings
    self.reload = reload
  }

  /// The model loaded again from its file (`SnapshotReload`).
  func replacement() -> Model? { reload.replacement() }

  /// The u64 at `offset` in `part` (checked to be in it by the caller).
  private func uint64(_ part: SnapshotPart, _ offset: Int) -> UInt64 {
    UInt64(
      littleEndian: bytes.loadUnaligned(
        fromByteOffset: parts.range(part).lowerBound + offset, as: UInt64.self))
  }

  /// The u32 at `offset` in `part` (checked to be in it by the caller).
  func uint32(_ part: SnapshotPart, _ offset: Int) -> UInt32 {
    UInt32(
      littleEndian: bytes.loadUnaligned(
        fromByteOffset: parts.range(part).lowerBound + offset, as: UInt32.self))
  }

  /// Checks every part now, as a snapshot with no model file to fall back on is: every
  /// checksum, the strings, the columns, each fact's details and the index's lists.
  func checkWhole() throws(SnapshotError) {
    for part in SnapshotPart.allCases where !parts.checkAll(part, in: bytes) {
      throw .checksumMismatch
    }
    guard strings.checkAll() else { throw .malformed("a string table out of order") }
    guard factsAreWhole() else { throw .malformed("a fact out of range") }
    let facts = SnapshotFacts(store: self)
    for fact in 0..<factCount { _ = try facts.read(fact) }
    let lists: [(SnapshotPart, Int)] = [
      (.bySubject, entityCount), (.byObject, entityCount), (.byRelation, relationCount),
      (.byQualifier, entityCount), (.byParagraph, paragraphLists),
    ]
    for (part, count) in lists where !listsAreWhole(part, lists: count) {
      throw .malformed("an index list out of range")
    }
  }

  // MARK: Fact columns

  /// The facts part: four columns of u32 (subject, relation, object, scenario or u32.max),
  /// one of flag bytes, then where each fact's details start (u64, one more than the facts).
  static func factsLength(_ count: Int) -> Int { count * 17 + (count + 1) * 8 }

  /// Whether the facts part is right: its checksums, every number in range, the flags known,
  /// the details' starts in order and within the details. Checked once, on first use.
  func factsAreWhole() -> Bool {
    if parts.isWhole(.facts) { return true }
    guard parts.checkAll(.facts, in: bytes) else { return false }
    let count = factCount
    let (entities, relations) = (UInt32(entityCount), UInt32(relationCount))
    for fact in 0..<count {
      let subject = uint32(.facts, fact * 4)
      let relation = uint32(.facts, (count + fact) * 4)
      let object = uint32(.facts, (2 * count + fact) * 4)
      let scenario = uint32(.facts, (3 * count + fact) * 4)
      let flags = bytes[parts.range(.facts).lowerBound + 16 * count + fact]
      guard subject < entities, relation < relations, object < entities,
        flags & ~0x0F == 0, flags & 0x06 != 0x06,
        (flags & 0x06 == 0x04) == (scenario != UInt32.max),
        scenario == UInt32.max || scenario < entities
      else { return false }
    }
    let details = UInt64(parts.range(.details).count)
    var previous: UInt64 = 0
    for fact in 0...count {
      let start = uint64(.facts, 17 * count + fact * 8)
      guard start >= previous, start <= details, fact > 0 || start == 0 else { return false }
      previous = start
    }
    guard previous == details else { return false }
    parts.markWhole(.facts)
    // The pages read for the check are let go: those of the facts used come back.
    owner.release(parts.range(.facts))
    return true
  }

  /// Column `column` (0 subject, 1 relation, 2 object, 3 scenario) of fact `fact`, once the
  /// facts part is whole.
  func column(_ column: Int, of fact: Int) -> UInt32 {
    uint32(.facts, (column * factCount + fact) * 4)
  }

  /// The flags of fact `fact`: bit 0 denied, bits 1–2 the modality, bit 3 personal.
  func flags(of fact: Int) -> UInt8 {
    bytes[parts.range(.facts).lowerBound + 16 * factCount + fact]
  }

  /// Where fact `fact`'s details are in the details part.
  func detailsRange(of fact: Int) -> Range<Int> {
    let base = 17 * factCount
    return Int(uint64(.facts, base + fact * 8))..<Int(uint64(.facts, base + fact * 8 + 8))
  }

  // MARK: Index lists

  /// A part of lists of facts: u32 lists, u32 facts, the lists' starts (u32, one more than the
  /// lists) and the facts (u32 each).
  static func listsLength(lists: Int, facts: Int) -> Int { 8 + 4 * (lists + 1) + 4 * facts }

  /// Whether the lists of `part` are right: its checksums, `lists` lists, their starts in
  /// order and every fact in range. Checked once, on first use.
  func listsAreWhole(_ part: SnapshotPart, lists: Int) -> Bool {
    if parts.isWhole(part) { return true }
    let length = parts.range(part).count
    guard length >= 8, parts.checkAll(part, in: bytes) else { return false }
    let (count, total) = (Int(uint32(part, 0)), Int(uint32(part, 4)))
    guard count == lists, length == Self.listsLength(lists: count, facts: total) else {
      return false
    }
    var previous: UInt32 = 0
    for list in 0...count {
      let start = uint32(part, 8 + list * 4)
      guard start >= previous, list > 0 || start == 0 else { return false }
      previous = start
    }
    guard Int(previous) == total else { return false }
    let factsStart = 8 + 4 * (count + 1)
    let bound = UInt32(truncatingIfNeeded: factCount)
    for place in 0..<total where uint32(part, factsStart + place * 4) >= bound { return false }
    parts.markWhole(part)
    owner.release(parts.range(part))
    return true
  }

  /// Where list `list` of `part` is, as offsets of u32 facts in the part, once it is whole.
  func listRange(_ part: SnapshotPart, _ list: Int) -> Range<Int> {
    let count = Int(uint32(part, 0))
    let factsStart = 8 + 4 * (count + 1)
    let (start, end) = (Int(uint32(part, 8 + list * 4)), Int(uint32(part, 12 + list * 4)))
    return factsStart + start * 4..<factsStart + end * 4
  }
}

/// What a model read from a snapshot falls back on when a part of the snapshot turns out
/// damaged after it was read: the model loaded again from its file, once, by `load` (given by
/// the cache, which loads it only when the files hash as the snapshot recorded), and only
/// when it has the snapshot's shape (`expect(_:)`); nil when there is no file to load or it
/// has another shape, and then what the part held reads as empty.
final class SnapshotReload: Sendable {
  private let load: (@Sendable () -> Model?)?
  private let loaded = Mutex<Model??>(nil)
  private let shape = Mutex<ModelShape?>(nil)

  init(_ load: (@Sendable () -> Model?)?) {
    self.load = load
  }

  /// The shape a model loaded again must have: the snapshot's, once its model part is read.
  func expect(_ shape: ModelShape) {
    self.shape.withLock { $0 = shape }
  }

  /// The model loaded again, loading it the first time it is asked for.
  func replacement() -> Model? {
    let expected = shape.withLock { $0 }
    return loaded.withLock { loaded in
      if let model = loaded { return model }
      let model = load?().flatMap { ModelShape(of: $0) == expected ? $0 : nil }
      loaded = .some(model)
      return model
    }
  }
}
