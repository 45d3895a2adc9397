import Syntax

/// Phrases as word sequences in a trie, looked up by longest match.
///
/// While a vocabulary is built, the trie's edges are in a hash table of their own, by their
/// node and a hash of their word; `freeze()` then sorts them by those, found by binary search,
/// which a snapshot stores as it is; a table read from a snapshot is searched where it lies in
/// the snapshot's bytes (`VocabularySection`), nothing made of it at start (issue 14). Words
/// are kept and looked up in their canonical composition (NFC), so that a name typed composed
/// or not finds the same node.
struct PhraseTable: Sendable, Equatable {
  /// The trie's edges while the table is built, all in one table: from a node by a word to the
  /// next node. (A table per node cost an allocation per node: hundreds of thousands for a
  /// corpus's names.) Nil once frozen; in a class, so that a table read from a snapshot never
  /// makes the table's types at run time (destroying an empty dictionary did, 0.6M
  /// instructions).
  private var builder: Builder?

  /// The edges being built, found by their sort key (`key(node:word:)`) and their word in its
  /// canonical composition: the frozen table's entries as they will be, in the order made.
  /// A `[Edge: Int]` hashed every word with `Hasher`, which composes a word that is not ASCII
  /// first, and each edge was composed and keyed again when frozen: 3% of a first load of a
  /// million facts (issue 14). Two words that `==` finds equal have the same composition, so
  /// they are one edge, as they were one key of the dictionary.
  // Sendable: written only through a table that holds the one reference to it (copied on
  // write, `uniqueBuilder`), and dropped when the table is frozen.
  private final class Builder: @unchecked Sendable {
    var entries: [Entry]
    /// Open addressing over `entries`: an entry's number plus one, 0 for an empty slot.
    var slots: [Int32]

    init(entries: [Entry] = [], slots: [Int32] = [Int32](repeating: 0, count: 16)) {
      self.entries = entries
      self.slots = slots
    }

    /// The slot of the edge `key` and `word` (canonical), or of the empty slot where it goes.
    func slot(_ key: UInt64, _ word: String) -> (slot: Int, found: Bool) {
      let mask = slots.count - 1
      var slot = Self.start(key) & mask
      while slots[slot] != 0 {
        let entry = entries[Int(slots[slot]) - 1]
        if entry.key == key, entry.word == word { return (slot, true) }
        slot = (slot + 1) & mask
      }
      return (slot, false)
    }

    /// The next node of the edge in `slot`, found.
    func next(at slot: Int) -> Int { entries[Int(slots[slot]) - 1].next }

    /// Adds the edge `key`, `word` to `next` in the empty `slot`.
    func add(_ key: UInt64, _ word: String, next: Int, at slot: Int) {
      entries.append(Entry(key: key, word: word, next: next))
      slots[slot] = Int32(truncatingIfNeeded: entries.count)
      if entries.count * 2 > slots.count { resize(slots.count * 2) }
    }

    /// Room for `count` edges.
    func reserve(_ count: Int) {
      entries.reserveCapacity(count)
      var size = slots.count
      while size < count * 2 { size *= 2 }
      if size > slots.count { resize(size) }
    }

    private func resize(_ size: Int) {
      slots = [Int32](repeating: 0, count: size)
      let mask = size - 1
      for (index, entry) in entries.enumerated() {
        var slot = Self.start(entry.key) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: index + 1)
      }
    }

    /// Where the probe for `key` starts: its bits mixed, as the node is in its high half.
    private static func start(_ key: UInt64) -> Int {
      Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
  }

  /// The builder, unshared, made when needed.
  private mutating func uniqueBuilder() -> Builder {
    if let builder, isKnownUniquelyReferenced(&self.builder) { return builder }
    let builder =
      builder.map { Builder(entries: $0.entries, slots: $0.slots) } ?? Builder()
    self.builder = builder
    return builder
  }
  /// The trie's edges once frozen, sorted by `key`, then by word.
  private(set) var edges: [Entry] = []
  /// Each node's meaning, if a phrase ends there; node 0 is the root. Unused when `stored`.
  private var meanings: [Vocabulary.Meaning?] = [nil]
  /// The table in a snapshot's section: its nodes' and its edges' parts.
  private var stored:
    (section: VocabularySection, nodes: VocabularySection.Part, edges: VocabularySection.Part)?

  /// An edge of the frozen table.
  struct Entry: Sendable, Equatable {
    /// The node it leaves and the hash of its word (`key(node:word:)`), the sort order.
    var key: UInt64
    var word: String
    var next: Int
  }

  /// The folded words of a phrase as the lexer would split it.
  ///
  /// Read lexeme by lexeme, folding only the words' bytes: a token (its text, then a folded
  /// copy) for every word of every name cost a fifth of the start-up (issue 14).
  static func words(of phrase: String) -> [String] {
    Lexer.scanning(phrase) { lexer in
      var words: [String] = []
      while true {
        guard let lexeme = try? lexer.next() else { return [phrase.lowercased()] }
        switch lexeme.kind {
        case .end: return words
        case .word, .number: words.append(lexer.folded(lexeme.range))
        default: continue
        }
      }
    }
  }

  /// The sort key of an edge: its node, then the FNV-1a hash of its word's UTF-8 bytes (the
  /// same in every process, unlike `Hasher`, so that it can be stored).
  static func key(node: Int, word: String) -> UInt64 {
    UInt64(truncatingIfNeeded: node) << 32 | UInt64(hash(word))
  }

  /// The FNV-1a hash of the UTF-8 bytes of `word`.
  static func hash(_ word: String) -> UInt32 {
    // Over the contiguous bytes: `word.utf8` one byte at a time cost twice as much.
    var word = word
    return word.withUTF8 { bytes in
      var hash: UInt32 = 2_166_136_261
      for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
      return hash
    }
  }

  /// Room for about `words` words of phrases before the table grows.
  mutating func reserveCapacity(_ words: Int) {
    uniqueBuilder().reserve(words)
    meanings.reserveCapacity(words + 1)
  }

  /// Adds a phrase; false when it was there already (the first meaning stays).
  mutating func insert(_ phrase: String, _ meaning: Vocabulary.Meaning) -> Bool {
    insert(words: Self.words(of: phrase), meaning)
  }

  /// Adds a phrase by its words (`words(of:)`); false when it was there already. Only before
  /// `freeze()`.
  mutating func insert(words: [String], _ meaning: Vocabulary.Meaning) -> Bool {
    guard !words.isEmpty else { return false }
    let builder = uniqueBuilder()
    var node = 0
    for word in words {
      let word = UTF8Text.canonical(word)
      let key = Self.key(node: node, word: word)
      let (slot, found) = builder.slot(key, word)
      if found {
        node = builder.next(at: slot)
      } else {
        meanings.append(nil)
        node = meanings.count - 1
        builder.add(key, word, next: node, at: slot)
      }
    }
    guard meanings[node] == nil else { return false }
    meanings[node] = meaning
    return true
  }

  /// Moves the edges built into the sorted array that lookups and snapshots use.
  mutating func freeze() {
    guard let builder else { return }
    edges += builder.entries
    edges.sort { $0.key != $1.key ? $0.key < $1.key : $0.word < $1.word }
    self.builder = nil
  }

  /// The table of `section`'s parts `nodes` and `edges`, searched where it lies.
  init(section: VocabularySection, nodes: VocabularySection.Part, edges: VocabularySection.Part) {
    meanings = []
    stored = (section, nodes, edges)
  }

  init() {}

  /// How many nodes the table has, the root included.
  var nodeCount: Int { stored.map { $0.section.count($0.nodes) } ?? meanings.count }

  /// The meaning of the phrase that ends at `node`, if one does.
  func meaning(_ node: Int) -> Vocabulary.Meaning? {
    guard let stored else { return meanings[node] }
    return stored.section.meaning(stored.nodes, node)
  }

  /// Every edge of the frozen table, in its order (for a table read, its words made).
  var frozenEdges: [Entry] {
    guard let (section, _, part) = stored else { return edges }
    return (0..<section.count(part)).map { index in
      Entry(
        key: section.key(part, index), word: section.string(section.number(part, index, 2)),
        next: section.number(part, index, 3))
    }
  }

  static func == (lhs: PhraseTable, rhs: PhraseTable) -> Bool {
    lhs.builtEdges == rhs.builtEdges && lhs.nodeCount == rhs.nodeCount
      && (0..<lhs.nodeCount).allSatisfy { lhs.meaning($0) == rhs.meaning($0) }
      && lhs.frozenEdges == rhs.frozenEdges
  }

  /// The edges being built, in their frozen order; nil once frozen.
  private var builtEdges: [Entry]? {
    builder?.entries.sorted { $0.key != $1.key ? $0.key < $1.key : $0.word < $1.word }
  }

  /// The node that `word` leads to from `node`, if any.
  private func next(from node: Int, by word: String) -> Int? {
    let word = UTF8Text.canonical(word)
    let key = Self.key(node: node, word: word)
    if let builder {
      let (slot, found) = builder.slot(key, word)
      return found ? builder.next(at: slot) : nil
    }
    if let (section, _, part) = stored {
      var index = section.firstIndex(in: part, atLeast: key)
      while index < section.count(part), section.key(part, index) == key {
        if section.string(section.number(part, index, 2), is: word) {
          return section.number(part, index, 3)
        }
        index += 1
      }
      return nil
    }
    var low = 0
    var high = edges.count
    while low < high {
      let middle = (low + high) / 2
      if edges[middle].key < key { low = middle + 1 } else { high = middle }
    }
    while low < edges.count, edges[low].key == key {
      if edges[low].word == word { return edges[low].next }
      low += 1
    }
    return nil
  }

  /// The meaning of the longest phrase that `words` begins with, and its length in words.
  func longestMatch(_ words: ArraySlice<String>) -> (Vocabulary.Meaning, Int)? {
    var node = 0
    var best: (Vocabulary.Meaning, Int)?
    var length = 0
    for word in words {
      guard let next = next(from: node, by: word) else { break }
      node = next
      length += 1
      if let meaning = meaning(node) { best = (meaning, length) }
    }
    return best
  }

  /// True when some phrase begins with `words`.
  func hasPrefix(_ words: [String]) -> Bool {
    var node = 0
    for word in words {
      guard let next = next(from: node, by: word) else { return false }
      node = next
    }
    return true
  }
}
