extension ModelParser {
  /// The words that begin a statement or a clause.
  enum Keyword: String, CaseIterable {
    case document, kind, relation, entity, set, fact, qualifier, noclaim, end
    case title, author, publisher, date, url, text, skip, paragraph, plural, hypothetical
    case present, past, base, passive, inverse, also, symmetric, office, reflexive, represents
    case subject, object, cameo, alias, metonym, background, reason
    case at, `in`, to, when, amount, denied, personal, assessment, scenario, note, evidence

    var startsStatement: Bool {
      switch self {
      case .document, .kind, .relation, .entity, .set, .fact, .qualifier, .noclaim, .end: true
      default: false
      }
    }

    var isRelationClause: Bool {
      switch self {
      case .present, .past, .base, .passive, .inverse, .also, .symmetric, .office, .reflexive,
        .personal, .represents, .subject, .object, .cameo:
        true
      default: false
      }
    }

    /// The keywords in 128 slots, each at `Packed.slot` or after the keywords that took
    /// that slot first: a word is found by packing it and probing a slot or two.
    static let slots: [(packed: Packed, keyword: Keyword?)] = {
      var table = [(packed: Packed, keyword: Keyword?)](repeating: (Packed(), nil), count: 128)
      for keyword in allCases {
        let bytes = Array(keyword.rawValue.utf8)
        let packed = bytes.withUnsafeBufferPointer {
          Packed($0.baseAddress!, count: $0.count, readable: $0.count)!
        }
        var slot = packed.slot
        while table[slot].keyword != nil { slot = (slot + 1) & 127 }
        table[slot] = (packed, keyword)
      }
      return table
    }()

    /// Up to 16 bytes of a word in two numbers, letters folded to lowercase: words of up to
    /// 16 bytes, none of them 0, pack to different values. Read 8 bytes at a time and folded
    /// 8 at a time: packed byte by byte, the keyword check of every word was 5% of a first
    /// load's instructions (issue 14).
    struct Packed: Equatable {
      var high: UInt64 = 0
      var low: UInt64 = 0

      init() {}

      /// The first 16 bytes of `word` (its first 8 in `low`, the next up to 8 in `high`,
      /// each little-endian and padded with zeros), ASCII capitals folded; nil when one of
      /// them is not ASCII. `readable` is how many bytes from the word's start may be read.
      init?(_ word: UnsafePointer<UInt8>, count: Int, readable: Int) {
        let count = min(count, 16)
        low = Self.load(word, count: min(count, 8), readable: readable)
        high = count > 8 ? Self.load(word + 8, count: count - 8, readable: readable - 8) : 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard (low | high) & (0x80 * ones) == 0 else { return nil }
        low = Self.lowercased(low)
        high = Self.lowercased(high)
      }

      /// `count` (up to 8) bytes at `start` little-endian, padded with zeros: one load when
      /// 8 bytes may be read.
      private static func load(_ start: UnsafePointer<UInt8>, count: Int, readable: Int)
        -> UInt64
      {
        if readable >= 8 {
          let word = UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)
          let value = UInt64(littleEndian: word)
          return count >= 8 ? value : value & ((1 << (UInt64(count) * 8)) - 1)
        }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(start[index]) << (8 * UInt64(index)) }
        return value
      }

      /// The ASCII bytes of `word` with capitals made small letters.
      private static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = word &+ (0x80 - 0x41) * ones
        let pastZ = word &+ (0x80 - 0x5B) * ones
        let upper = atLeastA & ~pastZ & (0x80 * ones)
        return word | upper >> 2
      }

      /// Where the table looks first for the word.
      var slot: Int { Int(truncatingIfNeeded: ((low ^ high &* 31) &* 0x9E37_79B9_7F4A_7C15) >> 57) }
    }
  }
}
