import Testing

@testable import ArticleModel

/// The checker's table of strings finds a string again by its bytes wherever they lie in the
/// text, never takes one of other bytes for it, and hands the writer numbers and slots that
/// find the same strings.
@Suite struct TextTableTests {
  /// A text of `count` quotes, some cited more than once, some alike in length or in their
  /// first bytes, and the ranges of their words in the text.
  private static func quotes(_ count: Int) -> (text: [UInt8], ranges: [Range<Int>]) {
    var text: [UInt8] = []
    var ranges: [Range<Int>] = []
    for index in 0..<count {
      // Every third quote repeats one met before; the rest are new, of lengths 1 to 40.
      let word =
        index % 3 == 2
        ? "quote \(index / 7)"
        : String(repeating: "x", count: index % 40) + "\(index)"
      let start = text.count
      text += Array(word.utf8)
      ranges.append(start..<text.count)
      text.append(UInt8(ascii: " "))
    }
    return (text, ranges)
  }

  @Test func aStringIsFoundAgainByItsBytesWhereverTheyLie() {
    let (text, ranges) = Self.quotes(5000)
    text.withUnsafeBufferPointer { text in
      var table = TextTable(text: text)
      var made: [String: String] = [:]
      var calls = 0
      for range in ranges {
        let expected = String(decoding: text[range], as: UTF8.self)
        let string = table.string(at: range) {
          calls += 1
          return expected
        }
        #expect(string == expected)
        if let first = made[expected] {
          // The very string made the first time: the same storage.
          #expect(
            unsafeBitCast(first, to: (UInt64, UInt64).self)
              == unsafeBitCast(string, to: (UInt64, UInt64).self))
        }
        made[expected] = made[expected] ?? string
      }
      // One string made for each distinct text, through the table's growth.
      #expect(calls == made.count)
      #expect(made.count > 1024)
      let numbers = table.numbers()
      #expect(numbers.strings.count == made.count)
      #expect(numbers.uses.count == ranges.count)
      for (range, use) in zip(ranges, numbers.uses) {
        #expect(numbers.strings[Int(use)] == String(decoding: text[range], as: UTF8.self))
      }
      // The writer's table started from these numbers finds each string under its number.
      var strings = SnapshotStrings(numbers: numbers, reserving: 0)
      for (number, string) in numbers.strings.enumerated() {
        #expect(Array(string.utf8).withUnsafeBufferPointer { strings.number(of: $0) } == number)
      }
    }
  }

  @Test func keysOfOtherBytesAreNotTakenForAString() {
    // The same length and the same first bytes; a key at the very end of the text.
    let text = Array("abcd abce abcd abc abcd".utf8)
    text.withUnsafeBufferPointer { text in
      var table = TextTable(text: text)
      var made = 0
      func string(_ range: Range<Int>) -> String {
        table.string(at: range) {
          made += 1
          return String(decoding: text[range], as: UTF8.self)
        }
      }
      #expect(string(0..<4) == "abcd")
      #expect(string(5..<9) == "abce")
      #expect(string(10..<14) == "abcd")
      #expect(string(15..<18) == "abc")
      #expect(string(19..<23) == "abcd")
      #expect(made == 3)
    }
  }

  /// A table filled from the second half of a text, appended to one filled from the first,
  /// is the table filled from the whole text in order: the same strings under the same
  /// numbers, the same slots, the same uses; wherever the text is cut.
  @Test(arguments: [1, 700, 2500, 4999])
  func aTableAppendedIsTheTableOfTheWholeText(cut: Int) {
    let (text, ranges) = Self.quotes(5000)
    text.withUnsafeBufferPointer { text in
      func make(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }
      var whole = TextTable(text: text)
      for range in ranges { _ = whole.string(at: range) { make(range) } }
      var first = TextTable(text: text)
      for range in ranges[..<cut] { _ = first.string(at: range) { make(range) } }
      var second = TextTable(text: text, expected: text.count / 2)
      for range in ranges[cut...] { _ = second.string(at: range) { make(range) } }
      first.append(second)
      let (a, b) = (whole.numbers(), first.numbers())
      #expect(a.strings == b.strings)
      #expect(a.slots == b.slots)
      #expect(a.uses == b.uses)
      #expect(b.uses.count == ranges.count)
    }
  }

  /// The strings a later piece made again are handed to the writer beside the first piece's
  /// (`CheckedStrings.alike`), so that the facts of either piece are told by identity: the
  /// writer, meeting each piece's own `String`s in the order of the uses, hashes none.
  @Test(arguments: [1, 300, 900])
  func aStringMadeAgainByALaterPieceIsToldByIdentity(cut: Int) {
    // Quotes too long to be held in place (small strings are alike bit for bit), each cited
    // in both halves of the text.
    var text: [UInt8] = []
    var ranges: [Range<Int>] = []
    for index in 0..<1000 {
      let start = text.count
      text += Array("a quote long enough to be stored apart, number \(index % 250)".utf8)
      ranges.append(start..<text.count)
      text.append(UInt8(ascii: " "))
    }
    text.withUnsafeBufferPointer { text in
      func make(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }
      var first = TextTable(text: text)
      var met = ranges[..<cut].map { range in first.string(at: range) { make(range) } }
      var second = TextTable(text: text, expected: text.count / 2)
      met += ranges[cut...].map { range in second.string(at: range) { make(range) } }
      first.append(second)
      let numbers = first.numbers()
      let own = Set(numbers.uses[..<cut])
      // Each string of the first half that the second made again has the second's `String`.
      for (string, use) in zip(met[cut...], numbers.uses[cut...]) where own.contains(use) {
        #expect(Int(use) < numbers.alike.count)
        #expect(
          unsafeBitCast(numbers.alike[Int(use)], to: (UInt64, UInt64).self)
            == unsafeBitCast(string, to: (UInt64, UInt64).self))
        #expect(numbers.alike[Int(use)] == numbers.strings[Int(use)])
      }
      var strings = SnapshotStrings(numbers: numbers, reserving: 0)
      for (string, use) in zip(met, numbers.uses) {
        #expect(strings.number(of: string) == Int(use))
      }
      #expect(strings.hashedCount == 0)
      #expect(strings.count == numbers.strings.count)
    }
  }
}
