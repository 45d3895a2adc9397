import Testing

@testable import ArticleModel

/// The model parser tells its keywords by their bytes packed 8 at a time and folded: every
/// keyword in any case is found wherever it lies (at the very end of the text too), and no
/// other word of up to 16 bytes is taken for one.
@Suite struct KeywordPackingTests {
  /// The keyword whose packed bytes are those of `word` placed at `offset` in a text of
  /// `padding` more bytes after it, as the parser looks it up.
  private static func keyword(_ word: String, padding: Int) -> ModelParser.Keyword? {
    let bytes = Array(word.utf8) + Array(repeating: UInt8(ascii: "x"), count: padding)
    let count = word.utf8.count
    return bytes.withUnsafeBufferPointer { buffer -> ModelParser.Keyword? in
      guard
        let packed = ModelParser.Keyword.Packed(
          buffer.baseAddress!, count: count, readable: buffer.count)
      else { return nil }
      let slots = ModelParser.Keyword.slots
      var slot = packed.slot
      while let keyword = slots[slot].keyword {
        if slots[slot].packed == packed { return keyword }
        slot = (slot + 1) & 127
      }
      return nil
    }
  }

  @Test func everyKeywordIsFoundInAnyCaseWhereverItLies() {
    for keyword in ModelParser.Keyword.allCases {
      let word = keyword.rawValue
      for spelling in [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst()] {
        for padding in [0, 1, 7, 8, 20] {
          #expect(Self.keyword(spelling, padding: padding) == keyword, "\(spelling) \(padding)")
        }
      }
    }
  }

  @Test func otherWordsAreNotKeywords() {
    var others: [String] = []
    for keyword in ModelParser.Keyword.allCases {
      let word = keyword.rawValue
      others += [
        String(word.dropLast()), word + "s", "x" + word, String(word.dropFirst()),
        String(word.map { $0 == "e" ? "f" : $0 }), word + "_" + word,
      ]
    }
    others += ["", "a", "fact1", "@fact", "fa[t", "fa`t", "FA{T", "dasima_pact", "bebo"]
    let keywords = Set(ModelParser.Keyword.allCases.map(\.rawValue))
    for word in others where !keywords.contains(word.lowercased()) && word.utf8.count <= 16 {
      for padding in [0, 9] {
        #expect(Self.keyword(word, padding: padding) == nil, "\(word) \(padding)")
      }
    }
    // A byte that is not ASCII is left to the parser's folding of the whole word.
    #expect(ModelParser.Keyword.Packed(Array("fäct".utf8), count: 5, readable: 5) == nil)
  }
}
