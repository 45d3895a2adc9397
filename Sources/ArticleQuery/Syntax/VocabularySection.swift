import ArticleModel

/// The `vocabulary` section of a snapshot (format 2, `Grammar/snapshot.md`), read where it
/// lies: fixed-width tables of little-endian 32-bit numbers that lookups search in place, and a
/// string table of its own whose strings are made only when asked. Opening it checks every
/// number once (each string number against the table, each node, entity, relation, set and
/// kind against its count, the order lookups rely on), with no string made and nothing hashed,
/// so that a section that opens is read without any further check (issue 14: making its
/// tables into dictionaries and strings was most of an engine's start).
final class VocabularySection: @unchecked Sendable {
  // Sendable: the bytes are never written, and `keeper` keeps them.

  /// The tables, in the order they follow the header, each of fixed-width items.
  enum Part: Int, CaseIterable {
    case stringEnds, stringBytes
    case entityNames, relationPhrases, primaryRelationPhrases, setNames, setAliases
    case qualifierKeys, setMeanings, setKinds
    case entityNodes, relationNodes, setNodes, entityEdges, relationEdges, setEdges
    case printedForms, baseForms, possessives, possessed
    case singulars, offices, qualifiers, adverbs, times, timeWords

    /// The bytes of one item.
    var width: Int {
      switch self {
      case .stringBytes: 1
      case .setMeanings: 12
      case .entityEdges, .relationEdges, .setEdges: 16
      case .possessives: 20
      case .singulars, .offices, .qualifiers, .adverbs, .times: 8
      default: 4
      }
    }
  }

  /// A node's meaning: its kind in the top four bits, its number below.
  enum Tag: UInt32 {
    case nothing = 0
    case entity, relation, reversedRelation, set
  }

  private let keeper: SnapshotSectionBytes
  private let bytes: UnsafeRawBufferPointer
  /// Where each part starts in `bytes`, and how many items it has.
  private let starts: [Int]
  private let counts: [Int]

  /// The header's numbers: the format, the model's five sizes, then each part's count.
  static let headerNumbers = 6 + Part.allCases.count

  /// The section in `keeper`, for `model`; throws when it is of another layout or another
  /// model, or any number in it is out of range.
  init(_ keeper: SnapshotSectionBytes, model: Model) throws(SnapshotError) {
    self.keeper = keeper
    let bytes = keeper.bytes
    self.bytes = bytes
    let header = Self.headerNumbers * 4
    guard bytes.count >= header else { throw .truncated }
    func headerNumber(_ index: Int) -> Int {
      Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
    }
    guard headerNumber(0) == Vocabulary.sectionFormat else {
      throw .malformed("a vocabulary of another layout")
    }
    for (index, size) in Vocabulary.sizes(of: model).enumerated()
    where headerNumber(1 + index) != size {
      throw .malformed("a vocabulary of another model")
    }
    var starts: [Int] = []
    var counts: [Int] = []
    var at = header
    for part in Part.allCases {
      let count = headerNumber(6 + part.rawValue)
      // Each count is at most 2³² - 1 and each width at most 20: no overflow.
      guard count * part.width <= bytes.count - at else { throw .truncated }
      starts.append(at)
      counts.append(count)
      at += count * part.width
    }
    guard at == bytes.count else { throw .malformed("bytes after the vocabulary") }
    self.starts = starts
    self.counts = counts
    try check(model)
  }

  /// How many items `part` has.
  func count(_ part: Part) -> Int { counts[part.rawValue] }

  /// The 32-bit number `field` of item `index` of `part`.
  @inline(__always)
  func number(_ part: Part, _ index: Int, _ field: Int = 0) -> Int {
    Int(
      UInt32(
        littleEndian: bytes.loadUnaligned(
          fromByteOffset: starts[part.rawValue] + index * part.width + 4 * field,
          as: UInt32.self)))
  }

  /// The 64-bit key that begins item `index` of `part` (edges, possessives).
  @inline(__always)
  func key(_ part: Part, _ index: Int) -> UInt64 {
    UInt64(
      littleEndian: bytes.loadUnaligned(
        fromByteOffset: starts[part.rawValue] + index * part.width, as: UInt64.self))
  }

  /// The UTF-8 bytes of string `number`.
  func stringBytes(_ number: Int) -> UnsafeRawBufferPointer {
    let start = number == 0 ? 0 : self.number(.stringEnds, number - 1)
    let end = self.number(.stringEnds, number)
    let base = starts[Part.stringBytes.rawValue]
    return UnsafeRawBufferPointer(rebasing: bytes[base + start..<base + end])
  }

  /// String `number` (invalid UTF-8 repaired, never trusted).
  func string(_ number: Int) -> String {
    String(decoding: stringBytes(number), as: UTF8.self)
  }

  /// Whether string `number` has exactly the bytes of `text`.
  func string(_ number: Int, is text: String) -> Bool {
    var text = text
    return text.withUTF8 { wanted in
      let stored = stringBytes(number)
      return stored.count == wanted.count && stored.elementsEqual(UnsafeRawBufferPointer(wanted))
    }
  }

  /// The strings that the items of `part` number (name lists).
  func strings(_ part: Part) -> [String] {
    (0..<count(part)).map { string(number(part, $0)) }
  }

  /// The first item of the keyed `part` (sorted by its keys) whose key is at least `key`.
  func firstIndex(in part: Part, atLeast key: UInt64) -> Int {
    var low = 0
    var high = count(part)
    while low < high {
      let middle = (low + high) / 2
      if self.key(part, middle) < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The meaning of node `node` of a phrase table's `part`.
  func meaning(_ part: Part, _ node: Int) -> Vocabulary.Meaning? {
    let value = UInt32(number(part, node))
    let payload = Int(value & 0x0FFF_FFFF)
    switch Tag(rawValue: value >> 28) {
    case .entity: return .entity(payload)
    case .relation: return .relation(RelationRef(payload))
    case .reversedRelation: return .relation(RelationRef(payload, reversed: true))
    case .set: return .set(payload)
    case .nothing, nil: return nil
    }
  }

  /// Checks every number against what it counts or indexes, and the order of the keyed parts.
  private func check(_ model: Model) throws(SnapshotError) {
    let strings = count(.stringEnds)
    var end = 0
    for index in 0..<strings {
      let next = number(.stringEnds, index)
      guard next >= end else { throw .malformed("a vocabulary string out of order") }
      end = next
    }
    guard end == count(.stringBytes) else { throw .malformed("a vocabulary string out of range") }
    func within(_ part: Part, field: Int = 0, below limit: Int, plusOne: Bool = false)
      throws(SnapshotError)
    {
      let limit = plusOne ? limit + 1 : limit
      // The largest, in one pass the compiler vectorizes (296,632 names at a million facts).
      let (base, width) = (bytes.baseAddress! + starts[part.rawValue] + 4 * field, part.width)
      var largest: UInt32 = 0
      for index in 0..<count(part) {
        largest = max(
          largest,
          UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index * width, as: UInt32.self)))
      }
      if count(part) > 0, Int(largest) >= limit {
        throw .malformed("a vocabulary number out of range")
      }
    }
    for part: Part in [
      .entityNames, .relationPhrases, .primaryRelationPhrases, .setNames, .setAliases,
      .qualifierKeys, .timeWords,
    ] {
      try within(part, below: strings)
    }
    let sets = count(.setNames)
    guard count(.setMeanings) == sets else { throw .malformed("set meanings for other sets") }
    // Runs of kinds (and of time words, below) follow one another as they were written: runs
    // that overlap could make a small section open into a huge vocabulary.
    var kindsSoFar = 0
    for index in 0..<sets {
      switch number(.setMeanings, index) {
      case 0:
        let start = number(.setMeanings, index, 1)
        guard start == kindsSoFar, number(.setMeanings, index, 2) <= count(.setKinds) - start
        else { throw .malformed("a vocabulary number out of range") }
        kindsSoFar += number(.setMeanings, index, 2)
      case 1:
        guard number(.setMeanings, index, 1) < model.sets.count else {
          throw .malformed("a vocabulary number out of range")
        }
      case 2: break
      default: throw .malformed("a set meaning of no known kind")
      }
    }
    try within(.setKinds, below: model.kinds.count)
    // A switch, not a dictionary: a `Dictionary<Tag, Int>` is one more generic type made at
    // start.
    func limit(_ tag: Tag) -> Int {
      switch tag {
      case .nothing: 1
      case .entity: model.entities.count
      case .relation, .reversedRelation: model.relations.count
      case .set: sets
      }
    }
    for (nodes, edges) in [
      (Part.entityNodes, Part.entityEdges), (.relationNodes, .relationEdges),
      (.setNodes, .setEdges),
    ] {
      let count = count(nodes)
      guard count >= 1 else { throw .malformed("a phrase table without its root") }
      for node in 0..<count {
        let value = UInt32(number(nodes, node))
        guard let tag = Tag(rawValue: value >> 28),
          Int(value & 0x0FFF_FFFF) < limit(tag)
        else { throw .malformed("a phrase of no known meaning") }
      }
      var previous: UInt64 = 0
      for index in 0..<self.count(edges) {
        let key = key(edges, index)
        guard key >= previous, Int(key >> 32) < count else {
          throw .malformed("a phrase table's edges out of order")
        }
        previous = key
        let next = number(edges, index, 3)
        guard number(edges, index, 2) < strings, next > 0, next < count else {
          throw .malformed("a phrase table's edge out of range")
        }
      }
    }
    guard count(.printedForms) == 2 * model.relations.count,
      count(.baseForms) == model.relations.count
    else { throw .malformed("forms for other relations") }
    try within(.printedForms, below: strings, plusOne: true)
    try within(.baseForms, below: strings, plusOne: true)
    var previous: UInt64 = 0
    for index in 0..<count(.possessives) {
      let key = key(.possessives, index)
      let start = number(.possessives, index, 3)
      guard key >= previous, Int(key >> 32) < model.entities.count,
        number(.possessives, index, 2) < strings, start <= count(.possessed),
        number(.possessives, index, 4) <= count(.possessed) - start
      else { throw .malformed("a possessive out of range or out of order") }
      previous = key
    }
    try within(.possessed, below: model.entities.count)
    for part: Part in [.singulars, .offices, .qualifiers, .adverbs] {
      try within(part, below: strings)
    }
    try within(.singulars, field: 1, below: sets)
    try within(.offices, field: 1, below: model.relations.count)
    try within(.qualifiers, field: 1, below: 2)
    try within(.adverbs, field: 1, below: strings)
    var wordsSoFar = 0
    for index in 0..<count(.times) {
      let start = number(.times, index)
      guard start == wordsSoFar, number(.times, index, 1) <= count(.timeWords) - start
      else { throw .malformed("a vocabulary number out of range") }
      wordsSoFar += number(.times, index, 1)
    }
  }
}

/// Writes a `VocabularySection`: each part's items as 32-bit numbers (keys as 64-bit), and the
/// strings numbered once, by their bytes.
struct VocabularySectionWriter {
  private var parts = [[UInt8]](repeating: [], count: VocabularySection.Part.allCases.count)
  private var counts = [Int](repeating: 0, count: VocabularySection.Part.allCases.count)
  private var strings = SnapshotStringNumbers()
  /// False once a number does not fit in 32 bits (or a meaning's in 28): no section is then
  /// written, and the engine builds its vocabulary.
  private(set) var fits = true

  /// Appends an item of `part`: its 32-bit numbers after its key, if it has one.
  mutating func append(_ part: VocabularySection.Part, key: UInt64? = nil, _ numbers: Int...) {
    if let key { withUnsafeBytes(of: key.littleEndian) { parts[part.rawValue] += $0 } }
    for number in numbers {
      if number < 0 || number > Int(UInt32.max) { fits = false }
      withUnsafeBytes(of: UInt32(truncatingIfNeeded: number).littleEndian) {
        parts[part.rawValue] += $0
      }
    }
    counts[part.rawValue] += 1
  }

  /// How many items `part` has so far.
  func count(_ part: VocabularySection.Part) -> Int { counts[part.rawValue] }

  /// The number of `text` in the section's string table.
  mutating func string(_ text: String) -> Int { strings.number(of: text) }

  /// Appends the strings of a name list.
  mutating func strings(_ part: VocabularySection.Part, _ values: some Sequence<String>) {
    for value in values { append(part, string(value)) }
  }

  /// A meaning as a phrase table's node holds it.
  mutating func meaning(_ meaning: Vocabulary.Meaning?) -> Int {
    let (tag, payload): (VocabularySection.Tag, Int) =
      switch meaning {
      case nil: (.nothing, 0)
      case .entity(let index): (.entity, index)
      case .relation(let reference):
        (reference.reversed ? .reversedRelation : .relation, reference.index)
      case .set(let index): (.set, index)
      }
    if payload >= 1 << 28 { fits = false }
    return Int(tag.rawValue) << 28 | payload
  }

  /// The section's bytes, for a model of `sizes`.
  mutating func bytes(sizes: [Int]) -> [UInt8] {
    for end in strings.ends { append(.stringEnds, end) }
    parts[VocabularySection.Part.stringBytes.rawValue] = strings.bytes
    counts[VocabularySection.Part.stringBytes.rawValue] = strings.bytes.count
    var bytes: [UInt8] = []
    // Each part let go once copied: the section of a million facts' names is 15 MB.
    bytes.reserveCapacity(4 * VocabularySection.headerNumbers + parts.reduce(0) { $0 + $1.count })
    for number in [Vocabulary.sectionFormat] + sizes + counts {
      if number > Int(UInt32.max) { fits = false }
      withUnsafeBytes(of: UInt32(truncatingIfNeeded: number).littleEndian) { bytes += $0 }
    }
    for index in parts.indices {
      bytes += parts[index]
      parts[index] = []
    }
    strings = SnapshotStringNumbers()
    return bytes
  }
}
