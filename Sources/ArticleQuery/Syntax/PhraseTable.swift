import Syntax

/// Phrases as word sequences in a trie, looked up by longest match.
///
/// While a vocabulary is built, the trie's edges are in a dictionary; `freeze()` then puts
/// them in one array sorted by their node and a hash of their word, found by binary search,
/// which a snapshot stores as it is; a table read from a snapshot is searched where it lies in
/// the snapshot's bytes (`VocabularySection`), nothing made of it at start (issue 14). Words
/// are kept and looked up in their canonical composition (NFC), so that a name typed composed
/// or not finds the same node.
struct PhraseTable: Sendable, Equatable {
  /// The trie's edges while the table is built, all in one table: from a node by a word to the
  /// next node. (A table per node cost an allocation per node: hundreds of thousands for a
  /// corpus's names.) Nil once frozen; in a class, so that a table read from a snapshot never
  /// makes the dictionary's type at run time (destroying the empty one did, 0.6M instructions).
  private var builder: Builder?

  // Sendable: written only through a table that holds the one reference to it (copied on
  // write, `uniqueBuilder`), and dropped when the table is frozen.
  private final class Builder: @unchecked Sendable {
    var edges: [Edge: Int]
    init(_ edges: [Edge: Int] = [:]) { self.edges = edges }
  }

  /// The builder, unshared, made when needed.
  private mutating func uniqueBuilder() -> Builder {
    if let builder, isKnownUniquelyReferenced(&self.builder) { return builder }
    let builder = Builder(builder?.edges ?? [:])
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

  struct Edge: Hashable, Sendable {
    var node: Int
    var word: String
  }

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
    uniqueBuilder().edges.reserveCapacity(words)
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
      let edge = Edge(node: node, word: word)
      if let next = builder.edges[edge] {
        node = next
      } else {
        meanings.append(nil)
        node = meanings.count - 1
        builder.edges[edge] = node
      }
    }
    guard meanings[node] == nil else { return false }
    meanings[node] = meaning
    return true
  }

  /// Moves the edges built into the sorted array that lookups and snapshots use.
  mutating func freeze() {
    guard let builder else { return }
    edges += builder.edges.map { edge, next in
      let word = UTF8Text.canonical(edge.word)
      return Entry(key: Self.key(node: edge.node, word: word), word: word, next: next)
    }
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
    lhs.builder?.edges == rhs.builder?.edges && lhs.nodeCount == rhs.nodeCount
      && (0..<lhs.nodeCount).allSatisfy { lhs.meaning($0) == rhs.meaning($0) }
      && lhs.frozenEdges == rhs.frozenEdges
  }

  /// The node that `word` leads to from `node`, if any.
  private func next(from node: Int, by word: String) -> Int? {
    if let builder { return builder.edges[Edge(node: node, word: word)] }
    let word = UTF8Text.canonical(word)
    let key = Self.key(node: node, word: word)
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
