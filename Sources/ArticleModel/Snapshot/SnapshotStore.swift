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
    // The index's lists, each part with how many lists it holds; they and the facts are
    // checked with their numbers below, the other parts by their checksums alone.
    let lists: [(SnapshotPart, Int)] = [
      (.bySubject, entityCount), (.byObject, entityCount), (.byRelation, relationCount),
      (.byQualifier, entityCount), (.byParagraph, paragraphLists),
    ]
    let checkedByNumbers = Set(lists.map(\.0) + [.facts])
    for part in SnapshotPart.allCases
    where !checkedByNumbers.contains(part) && !parts.checkAll(part, in: bytes) {
      throw .checksumMismatch
    }
    guard strings.checkAll() else { throw .malformed("a string table out of order") }
    guard factsAreWhole() else {
      throw parts.isDamaged(.facts) ? .checksumMismatch : .malformed("a fact out of range")
    }
    let facts = SnapshotFacts(store: self)
    for fact in 0..<factCount { _ = try facts.read(fact) }
    for (part, count) in lists where !listsAreWhole(part, lists: count) {
      throw parts.isDamaged(part) ? .checksumMismatch : .malformed("an index list out of range")
    }
  }

  /// The smallest and the largest of the u32 at `range` (offsets in `part`, a multiple of 4
  /// long), each plus one, wrapping (so that u32.max, "none", counts as 0): one pass the
  /// compiler can vectorize.
  private func boundsPlusOne(_ part: SnapshotPart, _ range: Range<Int>) -> (
    smallest: UInt32, largest: UInt32
  ) {
    let base = bytes.baseAddress! + parts.range(part).lowerBound + range.lowerBound
    var (smallest, largest) = (UInt32.max, UInt32(0))
    for number in 0..<range.count / 4 {
      let value =
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: number &* 4, as: UInt32.self))
        &+ 1
      smallest = min(smallest, value)
      largest = max(largest, value)
    }
    return (smallest, largest)
  }

  // MARK: Fact columns

  /// The facts part: four columns of u32 (subject, relation, object, scenario or u32.max),
  /// one of flag bytes, then where each fact's details start (u64, one more than the facts).
  static func factsLength(_ count: Int) -> Int { count * 17 + (count + 1) * 8 }

  /// Whether the numbers of the facts part in `block` (offsets in the part) are in range: the
  /// columns' entities and relations, the flags known. The details' starts (which may cross a
  /// block's end) and whether a scenario agrees with its flags are checked where they are used.
  private func factNumbersAreRight(_ block: Range<Int>) -> Bool {
    let count = factCount
    for column in 0..<4 {
      let numbers = block.clamped(to: column * count * 4..<(column + 1) * count * 4)
      guard !numbers.isEmpty else { continue }
      // Plus one: a scenario of u32.max (none) is 0, and is the only number that may be.
      let bound = UInt32(column == 1 ? relationCount : entityCount)
      let (smallest, largest) = boundsPlusOne(.facts, numbers)
      guard largest <= bound, column == 3 || smallest > 0 else { return false }
    }
    let flags = 16 * count..<17 * count
    let flagBytes = block.clamped(to: flags)
    let base = bytes.baseAddress! + parts.range(.facts).lowerBound + flagBytes.lowerBound
    var unknown: UInt8 = 0
    for number in 0..<flagBytes.count {
      let flag = base.load(fromByteOffset: number, as: UInt8.self)
      // Bits 4–7 unknown; bits 1–2 both set (modality 3) unknown.
      unknown |= flag & 0xF0 | (flag >> 1) & (flag >> 2) & 1
    }
    return unknown == 0
  }

  /// Whether the blocks of the facts part at `range` (offsets in the part) are right: their
  /// checksums and numbers, checked the first time they are used.
  private func factBlocksAreRight(_ range: Range<Int>) -> Bool {
    parts.check(.facts, range, in: bytes) { factNumbersAreRight($0) }
  }

  /// Whether the facts part is right as a whole: every block, the details' starts in order
  /// and within the details, and every scenario as its flags say (for a snapshot checked
  /// whole).
  func factsAreWhole() -> Bool {
    if parts.isWhole(.facts) { return true }
    guard parts.checkAll(.facts, in: bytes, numbers: { factNumbersAreRight($0) }) else {
      return false
    }
    let count = factCount
    for fact in 0..<count where !flagsAgree(flags(fact), rawColumn(3, fact)) { return false }
    let details = UInt64(parts.range(.details).count)
    var previous: UInt64 = 0
    for fact in 0...count {
      let start = uint64(.facts, 17 * count + fact * 8)
      guard start >= previous, start <= details, fact > 0 || start == 0 else { return false }
      previous = start
    }
    guard previous == details else { return false }
    parts.markWhole(.facts)
    // Checked whole, the part's pages are let go: read again from the file when used.
    owner.release(parts.range(.facts))
    return true
  }

  /// Whether a fact's flags and scenario agree: a scenario exactly when the modality is one.
  private func flagsAgree(_ flags: UInt8, _ scenario: UInt32) -> Bool {
    (flags & 0x06 == 0x04) == (scenario != UInt32.max)
  }

  /// Column `column` of fact `fact`, its block not checked (the part is checked whole first).
  private func rawColumn(_ column: Int, _ fact: Int) -> UInt32 {
    uint32(.facts, (column * factCount + fact) * 4)
  }

  private func flags(_ fact: Int) -> UInt8 {
    bytes[parts.range(.facts).lowerBound + 16 * factCount + fact]
  }

  /// Column `column` (0 subject, 1 relation, 2 object, 3 scenario) of fact `fact`, its block
  /// checked; nil when the block is damaged.
  func column(_ column: Int, of fact: Int) -> UInt32? {
    let offset = (column * factCount + fact) * 4
    guard factBlocksAreRight(offset..<offset + 4) else { return nil }
    return uint32(.facts, offset)
  }

  /// The flags of fact `fact` (bit 0 denied, bits 1–2 the modality, bit 3 personal) and its
  /// scenario (u32.max for none), their blocks checked and the two agreeing; nil when not.
  func flagsAndScenario(of fact: Int) -> (flags: UInt8, scenario: UInt32)? {
    let offset = 16 * factCount + fact
    guard factBlocksAreRight(offset..<offset + 1), let scenario = column(3, of: fact) else {
      return nil
    }
    let flags = flags(fact)
    return flagsAgree(flags, scenario) ? (flags, scenario) : nil
  }

  /// Where fact `fact`'s details are in the details part, checked; nil when its starts'
  /// blocks are damaged or they are out of order or beyond the details.
  func detailsRange(of fact: Int) -> Range<Int>? {
    let offset = 17 * factCount + fact * 8
    guard factBlocksAreRight(offset..<offset + 16) else { return nil }
    let (start, end) = (uint64(.facts, offset), uint64(.facts, offset + 8))
    guard start <= end, end <= UInt64(parts.range(.details).count) else { return nil }
    return Int(start)..<Int(end)
  }

  // MARK: Index lists

  /// A part of lists of facts: u32 lists, u32 facts, the lists' starts (u32, one more than the
  /// lists) and the facts (u32 each).
  static func listsLength(lists: Int, facts: Int) -> Int { 8 + 4 * (lists + 1) + 4 * facts }

  /// Whether the numbers of list part `part` in `block` (offsets in the part) are right: the
  /// head (`lists` lists, the part's length what it says), the starts within the facts (the
  /// first 0), every fact in range. Whether a list's starts are in order is checked where it
  /// is used.
  private func listNumbersAreRight(_ part: SnapshotPart, lists: Int, _ block: Range<Int>)
    -> Bool
  {
    let length = parts.range(part).count
    guard length >= 8 else { return false }
    let (count, total) = (Int(uint32(part, 0)), Int(uint32(part, 4)))
    guard count == lists, length == Self.listsLength(lists: count, facts: total) else {
      return false
    }
    let factsStart = 8 + 4 * (count + 1)
    if block.lowerBound == 0, uint32(part, 8) != 0 { return false }
    let starts = block.clamped(to: 8..<factsStart)
    if !starts.isEmpty {
      let (smallest, largest) = boundsPlusOne(part, starts)
      guard smallest > 0, Int(largest) <= total + 1 else { return false }
    }
    let facts = block.clamped(to: factsStart..<length)
    guard !facts.isEmpty else { return true }
    let (smallest, largest) = boundsPlusOne(part, facts)
    return smallest > 0 && Int(largest) <= factCount
  }

  /// Whether the blocks of list part `part` at `range` (offsets in the part), and the block
  /// of its head, are right: their checksums and numbers, checked the first time they are used.
  private func listBlocksAreRight(_ part: SnapshotPart, lists: Int, _ range: Range<Int>) -> Bool {
    let check = { (range: Range<Int>) in
      self.parts.check(part, range, in: self.bytes) {
        self.listNumbersAreRight(part, lists: lists, $0)
      }
    }
    return check(0..<8) && check(range)
  }

  /// Whether the lists of `part` are right as a whole: every block, `lists` lists, their
  /// starts in order (for a snapshot checked whole).
  func listsAreWhole(_ part: SnapshotPart, lists: Int) -> Bool {
    if parts.isWhole(part) { return true }
    guard parts.range(part).count >= 8,
      parts.checkAll(part, in: bytes, numbers: { listNumbersAreRight(part, lists: lists, $0) })
    else { return false }
    var previous: UInt32 = 0
    for list in 0...lists {
      let start = uint32(part, 8 + list * 4)
      guard start >= previous else { return false }
      previous = start
    }
    guard previous == uint32(part, 4) else { return false }
    parts.markWhole(part)
    owner.release(parts.range(part))
    return true
  }

  /// Where list `list` of `part` (of `lists` lists) is, as offsets of u32 facts in the part,
  /// its blocks checked; nil when they are damaged or its starts out of order.
  func listRange(_ part: SnapshotPart, lists: Int, _ list: Int) -> Range<Int>? {
    guard listBlocksAreRight(part, lists: lists, 8 + list * 4..<16 + list * 4) else {
      return nil
    }
    let factsStart = 8 + 4 * (lists + 1)
    let (start, end) = (Int(uint32(part, 8 + list * 4)), Int(uint32(part, 12 + list * 4)))
    guard start <= end else { return nil }
    return factsStart + start * 4..<factsStart + end * 4
  }

  /// The facts of list `list` of `part` (of `lists` lists), its blocks checked; nil when they
  /// are damaged.
  func list(_ part: SnapshotPart, lists: Int, _ list: Int) -> [Int]? {
    guard let range = listRange(part, lists: lists, list),
      listBlocksAreRight(part, lists: lists, range)
    else { return nil }
    return stride(from: range.lowerBound, to: range.upperBound, by: 4).map {
      Int(uint32(part, $0))
    }
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
