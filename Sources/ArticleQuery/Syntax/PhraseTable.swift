import Syntax

/// Phrases as word sequences in a trie, looked up by longest match.
///
/// While a vocabulary is built, the trie's edges are in a dictionary; `freeze()` then puts
/// them in one array sorted by their node and a hash of their word, found by binary search,
/// which a snapshot stores and reads back as it is: reading a dictionary back hashed every
/// word of every name again, a tenth of a one-shot's instructions (issue 14).
struct PhraseTable: Sendable, Equatable {
  /// The trie's edges while the table is built, all in one table: from a node by a word to the
  /// next node. (A table per node cost an allocation per node: hundreds of thousands for a
  /// corpus's names.) Empty once frozen.
  private var building: [Edge: Int] = [:]
  /// The trie's edges once frozen, sorted by `key`, then by word.
  private(set) var edges: [Entry] = []
  /// Each node's meaning, if a phrase ends there; node 0 is the root.
  var meanings: [Vocabulary.Meaning?] = [nil]

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
    // Over the contiguous bytes: `word.utf8` one byte at a time cost twice as much.
    var word = word
    let hash = word.withUTF8 { bytes in
      var hash: UInt32 = 2_166_136_261
      for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
      return hash
    }
    return UInt64(truncatingIfNeeded: node) << 32 | UInt64(hash)
  }

  /// Room for about `words` words of phrases before the table grows.
  mutating func reserveCapacity(_ words: Int) {
    building.reserveCapacity(words)
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
    var node = 0
    for word in words {
      let edge = Edge(node: node, word: word)
      if let next = building[edge] {
        node = next
      } else {
        meanings.append(nil)
        node = meanings.count - 1
        building[edge] = node
      }
    }
    guard meanings[node] == nil else { return false }
    meanings[node] = meaning
    return true
  }

  /// Moves the edges built into the sorted array that lookups and snapshots use.
  mutating func freeze() {
    edges += building.map { edge, next in
      Entry(key: Self.key(node: edge.node, word: edge.word), word: edge.word, next: next)
    }
    edges.sort { $0.key != $1.key ? $0.key < $1.key : $0.word < $1.word }
    building = [:]
  }

  /// The table read from a snapshot: `edges` must be in their order, each word's key right.
  init(meanings: [Vocabulary.Meaning?], edges: [Entry]) {
    self.meanings = meanings
    self.edges = edges
  }

  init() {}

  /// The node that `word` leads to from `node`, if any.
  private func next(from node: Int, by word: String) -> Int? {
    if !building.isEmpty { return building[Edge(node: node, word: word)] }
    let key = Self.key(node: node, word: word)
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
      if let meaning = meanings[node] { best = (meaning, length) }
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
