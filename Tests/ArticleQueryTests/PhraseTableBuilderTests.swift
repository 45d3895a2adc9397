import Testing

@testable import ArticleQuery

/// The phrase table being built (its own hash table of edges by node and word) keeps the first
/// meaning of each phrase, through its growth, finds what the frozen table finds, and takes a
/// word spelt composed or decomposed as one word, as the dictionary it replaced did.
@Suite struct PhraseTableBuilderTests {
  @Test func thousandsOfPhrasesKeepTheirFirstMeaningBuiltAndFrozen() {
    var random = SplitMix(seed: 14)
    let words = ["north", "south", "guard", "unit", "é", "pact", "of", "the", "9th", "bebó"]
    var table = PhraseTable()
    var expected: [String: Vocabulary.Meaning] = [:]
    var inserted = 0
    for index in 0..<4000 {
      let count = 1 + random.next(4)
      let phrase = (0..<count).map { _ in words[random.next(words.count)] }
        .joined(separator: " ")
      let isNew = expected[phrase] == nil
      let added = table.insert(phrase, .entity(index))
      #expect(added == isNew, "\(phrase)")
      if isNew {
        expected[phrase] = .entity(index)
        inserted += 1
      }
    }
    #expect(inserted > 500)
    let built = table
    table.freeze()
    for (phrase, meaning) in expected {
      let words = PhraseTable.words(of: phrase)
      for probe in [built, table] {
        let found = probe.longestMatch(words[...])
        let prefixed = probe.hasPrefix(words)
        #expect(found?.0 == meaning && found?.1 == words.count, "\(phrase)")
        #expect(prefixed)
      }
    }
    let nowhere = [table, built].map { $0.hasPrefix(["north", "nowhere"]) }
    #expect(nowhere == [false, false])
  }

  @Test func aWordComposedOrNotIsOneWord() {
    var table = PhraseTable()
    let inserted = [
      table.insert("Bebó pact", .entity(1)), table.insert("Bebo\u{301} pact", .entity(2)),
      table.insert("bebo pact", .entity(3)),
    ]
    #expect(inserted == [true, false, true])
    for frozen in [false, true] {
      if frozen { table.freeze() }
      for spelling in ["bebó pact", "bebo\u{301} pact"] {
        let words = PhraseTable.words(of: spelling)
        let found = table.longestMatch(words[...])
        #expect(found?.0 == .entity(1), "\(spelling)")
      }
      let plain = PhraseTable.words(of: "bebo pact")
      let found = table.longestMatch(plain[...])
      #expect(found?.0 == .entity(3))
    }
  }
}
