import Foundation
import Syntax
import Testing

/// `UTF8Text` reads bytes where its jobs were once done by characters: each test holds it to
/// what the characters give.
@Suite struct UTF8TextTests {
  static let texts = [
    "Plain ASCII, MIXED case.", "It’s a “quote” — and a dash.", "Café", "İstanbul", "Ω", "",
    "\u{2070}", "\u{200F}x", "a\u{301}", "ÀÉÎÕÜ Ÿ Ǆ ß µ Lanó", "İ",
  ]

  /// The fold of `why not`: lowercased, then composed, byte by byte where the table covers
  /// the text and by characters where it does not; appended after what is there.
  @Test(arguments: texts)
  func theFoldIsLowercasedThenComposed(_ text: String) {
    let expected = text.lowercased().precomposedStringWithCanonicalMapping
    #expect(UTF8Text.folded(text) == expected, "\(text.debugDescription)")
    var bytes: [UInt8] = [1, 2]
    UTF8Text.appendFolded(text, to: &bytes)
    #expect(bytes == [1, 2] + Array(expected.utf8), "\(text.debugDescription)")
  }

  @Test func anAccentSpelledEitherWayFoldsTheSame() {
    #expect(UTF8Text.folded("CAFE\u{301} — it’s") == "café — it’s")
    #expect(UTF8Text.folded("Ångström’s ŒUVRE") == "ångström’s œuvre")
    #expect(Array(UTF8Text.folded("Cafe\u{301}").utf8) == Array(UTF8Text.folded("café").utf8))
  }

  @Test(arguments: texts + ["MiXeD-Case_42", "KELVIN \u{212A}"])
  func bytesLowercaseAsTheirString(_ text: String) {
    let lowered = UTF8Text.withBytes(of: text) { UTF8Text.lowercased($0) }
    #expect(Array(lowered.utf8) == Array(text.lowercased().utf8))
  }

  @Test(arguments: ["naïve", "e\u{301}", "ＡＢＣ", "x"])
  func canonicalBytesMeetWhenStringsAreEqual(_ text: String) {
    let decomposed = text.decomposedStringWithCanonicalMapping
    #expect(decomposed == text)
    #expect(Array(UTF8Text.canonical(decomposed).utf8) == Array(UTF8Text.canonical(text).utf8))
  }

  /// The bundled article and model, read from the source tree.
  static func bundledFile(_ name: String) throws -> String {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/ArticleModel/Bundled")
    return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// Composition comes from the standard library (`_nfcCodeUnits`) and no longer from
  /// Foundation's ICU: both compose the same, on every letter with a mark of the Latin,
  /// Greek and Cyrillic blocks spelled decomposed, on a sample of Hangul, and on the bundled
  /// article and model, line by line.
  @Test func compositionIsICUs() throws {
    let blocks: [ClosedRange<UInt32>] = [
      0xC0...0x24F, 0x370...0x3FF, 0x400...0x52F, 0x1E00...0x1FFF, 0xAC00...0xAC40,
    ]
    var samples = blocks.joined().compactMap(Unicode.Scalar.init).map {
      String($0).decomposedStringWithCanonicalMapping
    }
    samples += ["e\u{301}\u{323}", "e\u{323}\u{301}", "\u{1100}\u{1161}\u{11A8}", "Å Å Å"]
    for name in ["article.txt", "csto.model"] {
      samples += try Self.bundledFile(name).split(separator: "\n").map(String.init)
    }
    #expect(samples.count > 1000)
    for text in samples {
      let icu = text.precomposedStringWithCanonicalMapping
      #expect(Array(UTF8Text.canonical(text).utf8) == Array(icu.utf8), "\(text.debugDescription)")
      #expect(
        Array(UTF8Text.folded(text).utf8)
          == Array(text.lowercased().precomposedStringWithCanonicalMapping.utf8),
        "\(text.debugDescription)")
    }
  }

  /// Paragraphs as the characters give them: lines split at `\n` characters (a `\r\n` is
  /// one character, and no line feed), trimmed, joined with a space, blocks split at blank
  /// lines.
  static func paragraphsByCharacters(_ text: String, skipping: [String]) -> [String] {
    var blocks: [String] = []
    var current: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = String(
        line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      if trimmed.isEmpty {
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        current = []
      } else {
        current.append(trimmed)
      }
    }
    if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
    return blocks.filter { !skipping.contains($0) }
  }

  @Test(arguments: [
    "One line.\nTwo lines.\n\nA second paragraph.\n", "  indented\t\n\n\n  é at the start \n",
    "windows\r\nline ends\r\n\r\nstay one block", "mixed\nends\r\n\nhere\r", "\u{A0}nbsp\u{A0}\n\n",
    "", "\n\n\n", "page 1\n\nBody text.\n\npage 2", "a\u{301}\n\u{301}b\n\n\u{2028}x",
  ])
  func paragraphsAreWhatTheCharactersGive(_ text: String) {
    #expect(
      UTF8Text.paragraphs(of: text, skipping: []) == Self.paragraphsByCharacters(text, skipping: [])
    )
    #expect(
      UTF8Text.paragraphs(of: text, skipping: ["page 1", "page 2"])
        == Self.paragraphsByCharacters(text, skipping: ["page 1", "page 2"]))
  }

  @Test(arguments: [
    ("the CSTO’s reaction", "CSTO’s"), ("café", "cafe"), ("cafe\u{301}", "cafe"),
    ("cafe\u{301}", "café"), ("café", "cafe\u{301}"), ("a\r\nb", "\r"), ("a\r\nb", "a\r"),
    ("plain text", "text"), ("plain text", "texts"), ("x", ""), ("👩‍👩‍👧 family", "👩"),
  ])
  func containsIsStringContains(_ text: String, _ needle: String) {
    // The standard library's search, by characters (not Foundation's `contains`, which
    // this file imports and which also finds part of a character); it finds an empty needle
    // anywhere.
    let byCharacters = text.firstRange(of: needle) != nil
    #expect(UTF8Text.contains(needle, in: text) == (!needle.isEmpty && byCharacters))
  }

  @Test func containsFindsNoPartOfACharacter() {
    #expect(!UTF8Text.contains("a\r", in: "a\r\nb"))
    #expect(!UTF8Text.contains("👩", in: "👩‍👩‍👧 family"))
    #expect(!UTF8Text.contains("", in: "x"))
    #expect(UTF8Text.contains("CSTO’s", in: "the CSTO’s reaction"))
  }

  @Test func linesAndColumnsAreCountedInCharacters() {
    let text = UTF8Text("first\nsécond line\r\nthird")
    #expect(text.lineStarts == [0, 6, 20])
    #expect(text.location(of: 0) == SourceLocation(line: 1, column: 1))
    let offset = "first\nsécond ".utf8.count
    #expect(text.location(of: offset) == SourceLocation(line: 2, column: 8))
    #expect(text.location(of: offset, firstLine: 10) == SourceLocation(line: 11, column: 8))
    #expect(text.location(of: 1000) == SourceLocation(line: 3, column: 6))
    #expect(text.lineText(at: offset) == "sécond line")
    #expect(text.lineText(at: 0) == "first")
    #expect(text.lineText(at: 1000) == "third")
    #expect(text.slice(6..<14) == "sécond ")
  }

  @Test(
    arguments: [
      [0x61, 0x62], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x91, 0xA9], [0xC0, 0xAF],
      [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80], [0x80], Array("x".utf8) + [0xFF],
      Array(repeating: 0x61, count: 17) + [0xC3],
    ] as [[UInt8]])
  func validityIsWhatStringDecides(_ bytes: [UInt8]) {
    let valid = bytes.withUnsafeBufferPointer { UTF8Text.isValid($0) }
    #expect(valid == (String(validating: bytes, as: UTF8.self) != nil))
  }

  @Test(arguments: ["a", "é", "’", "👩", "\u{301}"])
  func aScalarDecodesAsTheStringHasIt(_ text: String) {
    let decoded = UTF8Text.withBytes(of: text) { UTF8Text.scalar(in: $0, at: 0) }
    #expect(decoded.value == text.unicodeScalars.first)
    #expect(decoded.width == text.utf8.count)
  }

  @Test func bytesAreFoundWhereTheyAre() {
    let text = Array("abcabd".utf8)
    let found = text.withUnsafeBufferPointer { text in
      Array("abd".utf8).withUnsafeBufferPointer { UTF8Text.firstOffset(of: $0, in: text, from: 0) }
    }
    #expect(found == 3)
    let missing = text.withUnsafeBufferPointer { text in
      Array("abe".utf8).withUnsafeBufferPointer { UTF8Text.firstOffset(of: $0, in: text, from: 0) }
    }
    #expect(missing == nil)
  }
}
