import Foundation
import Syntax
import Testing

@testable import ArticleModel

/// A model text whose facts are parsed and checked in pieces at once, each on a thread of its
/// own, loads as it loads read in order: the same model with its strings numbered alike, or
/// the same messages, wherever the text is cut and whatever the stretches hold.
@Suite struct PiecesTests {
  typealias Outcome = Result<Model, ModelError>

  static func load(_ text: String, pieces: ModelChecker.Pieces) -> Outcome {
    Result { () throws(ModelError) -> Model in
      try ModelLoader.load(
        text: text, name: "case.model", requiringEnd: false, factsAsParsed: true,
        pieces: pieces
      ) { name in
        guard name == "article.txt" else { throw ModelCheckerTests.Unreadable() }
        return Bundled.articleText
      }
    }
  }

  /// Loads `text` in order and in each of `counts` pieces and expects the same of each.
  static func expectSame(_ text: String, pieces counts: [Int], _ comment: Comment? = nil) {
    let inOrder = load(text, pieces: .exactly(1))
    for count in counts {
      let inPieces = load(text, pieces: .exactly(count))
      switch (inOrder, inPieces) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(count) pieces: \(comment ?? "")")
        #expect(a.stringNumbers?.strings == b.stringNumbers?.strings, "\(count) pieces")
        #expect(a.stringNumbers?.uses == b.stringNumbers?.uses, "\(count) pieces")
        #expect(a.stringNumbers?.slots == b.stringNumbers?.slots, "\(count) pieces")
        let build = ModelSnapshot(build: "test", sources: [])
        #expect(build.encode(a) == build.encode(b), "\(count) pieces: \(comment ?? "")")
      case (.failure(let a), .failure(let b)):
        #expect(a.diagnostics == b.diagnostics, "\(count) pieces: \(comment ?? "")")
      default:
        Issue.record("one way loads, the other does not, in \(count) pieces: \(comment ?? "")")
      }
    }
  }

  /// A model of `count` facts among 40 entities, citing three paragraphs with quotes that
  /// repeat, notes, circumstances, escaped and curly quotes, so that the pieces meet strings
  /// that the stretches before them made and strings of their own.
  static func generated(_ count: Int, seed: UInt64) -> String {
    var random = SplitMix(seed)
    let paragraphs = [
      "Rakhmon criticized Russia at the summit, and Russia did not answer.",
      "Armenia asked for help; the \\\"help\\\" never came, and Armenia said so.",
      "Kazakhstan and Kyrgyzstan backed Russia, for now, in public.",
    ]
    var text = "document d\n"
    for paragraph in paragraphs { text += "  paragraph \"\(paragraph)\"\n" }
    text += "kind country plural \"countries\"\nqualifier manner string\n"
    text += "relation criticized \"criticized\"\nrelation backed \"backed\"\n"
    for entity in 0..<40 { text += "entity e\(entity) \"Entity \(entity)\" country\n" }
    let quotes = [
      (1, "Rakhmon criticized Russia"), (1, "Russia did not answer"), (1, "at the summit"),
      (2, "Armenia asked for help"), (2, "the \\\"help\\\" never came"), (3, "backed Russia"),
      (3, "for now, in public"), (2, "Armenia said so"),
    ]
    for fact in 0..<count {
      let subject = random.next(40)
      let object = (subject + 1 + random.next(39)) % 40
      text += "fact e\(subject) \(random.next(2) == 0 ? "criticized" : "backed") e\(object)\n"
      if random.next(4) == 0 { text += "  when \"in \(2000 + random.next(30))\"\n" }
      if random.next(5) == 0 { text += "  manner \"openly \(random.next(6))\"\n" }
      if random.next(3) == 0 { text += "  note \"note \(random.next(fact % 50 + 1))\"\n" }
      for _ in 0...random.next(2) {
        let (paragraph, quote) = quotes[random.next(quotes.count)]
        text += "  evidence \(paragraph) \(random.next(7) == 0 ? "“\(quote)”" : "\"\(quote)\"")\n"
      }
    }
    return text + "end\n"
  }

  /// SplitMix64: the same cases on every run.
  struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func aGeneratedModelIsTheSameInAnyNumberOfPieces(seed: UInt64) throws {
    let text = Self.generated(1500, seed: seed)
    let model = try Self.load(text, pieces: .exactly(1)).get()
    #expect(model.facts.count == 1500)
    Self.expectSame(text, pieces: [2, 3, 4, 7, 16, 100])
  }

  /// How many pieces a load of `text` in `count` pieces took in.
  static func piecesTaken(_ text: String, _ count: Int) -> Int {
    Lexer.scanning(text, stringsSpanLines: false) { lexer in
      ModelChecker.load(lexer, name: "case.model", factsAsParsed: true, pieces: .exactly(count)) {
        _ in ""
      }.piecesTaken
    }
  }

  /// The pieces are taken in: the text is cut where asked, and the model still has every fact.
  @Test func aGeneratedModelIsCutWhereAsked() throws {
    let text = Self.generated(300, seed: 9)
    let starts = UTF8Text.withBytes(of: text) { bytes in
      ModelChecker.pieceStarts(in: bytes, from: 0, pieces: .exactly(4))
    }
    #expect(starts.count == 3)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for start in starts {
      let line = text.utf8.index(text.utf8.startIndex, offsetBy: start)
      #expect(text[line...].hasPrefix("fact "))
      #expect(text.utf8[text.utf8.index(before: line)] == UInt8(ascii: "\n"))
    }
    #expect(lines.filter { $0.hasPrefix("fact ") }.count == 300)
    #expect(try Self.load(text, pieces: .exactly(4)).get().facts.count == 300)
    #expect(Self.piecesTaken(text, 4) == 3)
  }

  /// A piece whose start reading in order does not reach as a statement, or reaches after a
  /// declaration, is not taken in; the pieces before it are.
  @Test func aPieceThatWouldDifferIsNotTakenIn() {
    // Cut in as many pieces as it has lines of facts: each such line starts a piece.
    func cuts(_ text: String) -> Int {
      let bytes = Array(text.utf8)
      let line = Array("\nfact ".utf8)
      let first = bytes.indices.first { bytes[$0...].starts(with: line) }! + 1
      return bytes.withUnsafeBufferPointer {
        ModelChecker.pieceStarts(in: $0, from: first, pieces: .exactly(100)).count
      }
    }
    let good = Self.head + String(repeating: Self.fact, count: 8)
    #expect(cuts(good) == 7)
    #expect(Self.piecesTaken(good, 100) == 7)
    for (name, text) in Self.cases[0...1] {
      #expect(cuts(text) >= 3, "\(name)")
      #expect(Self.piecesTaken(text, 100) < cuts(text), "\(name)")
      #expect(Self.piecesTaken(text, 100) >= 1, "\(name)")
    }
  }

  /// A small text, or one whose facts are not on lines of their own, is not cut.
  @Test func aTextWithoutFactLinesIsNotCut() {
    let oneLine = "fact a b c evidence 1 \"x\" fact a b c evidence 1 \"x\""
    let starts = UTF8Text.withBytes(of: oneLine) { bytes in
      ModelChecker.pieceStarts(in: bytes, from: 0, pieces: .exactly(4))
    }
    #expect(starts.isEmpty)
    let small = Self.generated(10, seed: 1)
    let byProcessors = UTF8Text.withBytes(of: small) { bytes in
      ModelChecker.pieceStarts(in: bytes, from: 0, pieces: .byProcessors)
    }
    #expect(byProcessors.isEmpty)
  }

  static let head = """
    document d
      paragraph "Rakhmon criticized Russia at the summit."
    kind country plural "countries"
    relation criticized "criticized"
    entity russia "Russia" country
    entity rakhmon "Rakhmon" country
    entity fact "The fact" country

    """

  static let fact = "fact rakhmon criticized russia\n  evidence 1 \"Rakhmon criticized Russia\"\n"

  /// Texts whose cut lands where reading in order does not start a statement, or after what
  /// changes the facts below it: every piece that would differ is read again in order.
  static let cases: [(String, String)] = [
    (
      "a line beginning 'fact' that is an id of the fact above",
      head + fact + "fact rakhmon criticized russia\n  at\nfact note \"x\"\n"
        + "  evidence 1 \"Rakhmon criticized Russia\"\n" + fact + fact
    ),
    (
      "a fact before its entity's declaration, which loads checked whole",
      head + fact + "fact rakhmon criticized armenia\n  evidence 1 \"Rakhmon criticized Russia\"\n"
        + fact + fact + fact + "entity armenia \"Armenia\" country\n" + fact + fact
    ),
    (
      "an entity declared between the facts",
      head + fact + fact + "entity armenia \"Armenia\" country\n" + fact
        + fact.replacingOccurrences(of: "russia\n", with: "armenia\n")
    ),
    (
      "an unknown entity in the last piece",
      head + fact + fact + fact + fact.replacingOccurrences(of: "russia\n", with: "rusia\n")
    ),
    (
      "a wrong quote in the second piece",
      head + fact + fact.replacingOccurrences(of: "Rakhmon criticized", with: "Rakhmon praised")
        + fact + fact
    ),
    ("'end' between the facts", head + fact + fact + "end\n" + fact + fact),
    ("a syntax error in the first piece", head + "fact rakhmon criticized\n" + fact + fact + fact),
    (
      "a lexical error at a piece's end",
      head + fact + "fact rakhmon criticized russia @\n" + fact + fact
    ),
    (
      "a second document below the facts",
      head.replacingOccurrences(
        of: "document d", with: "document c\n  paragraph \"Other.\"\ndocument d") + fact + fact
        + fact
    ),
    (
      "a document declared after facts that name none",
      head + fact + fact + "document e\n  paragraph \"More.\"\n" + fact + fact
    ),
    (
      "a qualifier declared between the facts",
      head + fact + fact + "qualifier manner string\n"
        + "fact rakhmon criticized russia\n  manner \"openly\"\n  evidence 1 \"Rakhmon criticized Russia\"\n"
        + fact
    ),
    (
      "a fact that is its own statement's id",
      head + fact + "fact fact criticized russia\n  evidence 1 \"Rakhmon criticized Russia\"\n"
        + fact + fact
    ),
    (
      "an unclosed quote",
      head + fact + fact
        + "fact rakhmon criticized russia\n  evidence 1 \"Rakhmon criticized Russia\n" + fact + fact
    ),
  ]

  @Test(arguments: cases.indices)
  func aTextCutWhereItMustNotBeIsTheSame(index: Int) {
    Self.expectSame(Self.cases[index].1, pieces: [2, 3, 4, 5, 8], "\(Self.cases[index].0)")
  }

  /// A generated model mended at random, line by line and byte by byte: lines dropped,
  /// repeated, moved or begun with a keyword, quotes and comments opened, declarations put
  /// between the facts, the text cut short. Each variant loads in pieces as it loads in order.
  @Test(arguments: 0..<6)
  func aGeneratedModelMendedAtRandomIsTheSameInPieces(batch: Int) {
    var random = SplitMix(UInt64(100 + batch))
    let base = Self.generated(120, seed: UInt64(batch)).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    let insertions = [
      "fact", "fact e1", "fact e1 criticized", "entity e40 \"Entity 40\" country", "end",
      "qualifier tone string", "  at", "  at e2", "document e", "kind person plural \"people\"",
      "  evidence 1 \"Rakhmon", "# fact e1 criticized e2", "fact e1 criticized e40",
      "relation praised \"praised\"", "  note \"a note\" fact e3 backed e4",
    ]
    for variant in 0..<40 {
      var lines = base
      for _ in 0...random.next(3) {
        let at = 1 + random.next(lines.count - 1)
        switch random.next(6) {
        case 0: lines.remove(at: at)
        case 1: lines.insert(lines[random.next(lines.count)], at: at)
        case 2: lines.insert(insertions[random.next(insertions.count)], at: at)
        case 3: lines.swapAt(at, 1 + random.next(lines.count - 1))
        case 4:
          var bytes = Array(lines[at].utf8)
          let marks: [UInt8] = [0x22, 0x23, 0x40, 0x0A, 0x20, 0xE2]
          bytes.insert(marks[random.next(marks.count)], at: random.next(bytes.count + 1))
          lines[at] = String(decoding: bytes, as: UTF8.self)
        default: lines.removeSubrange(at...)
        }
      }
      Self.expectSame(
        lines.joined(separator: "\n"), pieces: [2, 3, 9], "batch \(batch), variant \(variant)")
    }
  }

  /// A model whose document's text file is read on a thread of its own, while the
  /// declarations after it are parsed, loads as one read in order, reading the file once;
  /// so does one whose file cannot be read, with the same messages.
  @Test(arguments: ["article.txt", "missing.txt"])
  func aTextFileReadAlongsideIsReadOnceAndGivesTheSame(file: String) {
    var text = "document d\n  text \"\(file)\"\nkind country plural \"countries\"\n"
    text += "relation criticized \"criticized\"\n"
    for entity in 0..<30 { text += "entity e\(entity) \"Entity \(entity)\" country\n" }
    for fact in 0..<60 {
      text += "fact e\(fact % 30) criticized e\((fact + 1) % 30)\n"
      text += "  evidence 2 \"Russia criticized Belarus\"\n"
    }
    func load(alongside: Bool, pieces: ModelChecker.Pieces) -> (Outcome, [String]) {
      let reads = FactsAsParsedTests.Reads()
      reads.text = "A first paragraph.\n\nThen Russia criticized Belarus.\n"
      let outcome = Lexer.scanning(text, stringsSpanLines: false) { lexer in
        ModelLoader.load(
          lexer: lexer, name: "case.model", requiringEnd: false, pieces: pieces,
          readsTextsAlongside: alongside, text: { text }
        ) { name in
          reads.names.append(name)
          guard name == "article.txt" else { throw ModelCheckerTests.Unreadable() }
          return reads.text
        }
      }
      return (outcome, reads.names)
    }
    let (inOrder, readInOrder) = load(alongside: false, pieces: .exactly(1))
    let (alongside, readAlongside) = load(alongside: true, pieces: .exactly(3))
    #expect(readInOrder == [file])
    #expect(readAlongside == [file])
    switch (inOrder, alongside) {
    case (.success(let a), .success(let b)):
      #expect(file == "article.txt")
      #expect(a == b)
      #expect(b.facts.count == 60)
    case (.failure(let a), .failure(let b)):
      #expect(file == "missing.txt")
      #expect(a.diagnostics == b.diagnostics)
    default:
      Issue.record("one way loads, the other does not")
    }
  }

  /// Every model input the fuzzers kept, well-formed, broken and odd, cut in pieces.
  @Test func everyFuzzCorpusModelIsTheSameInPieces() throws {
    let models = try FactsAsParsedTests.fuzzCorpusModels()
    #expect(models.count > 2000)
    for (name, text) in models { Self.expectSame(text, pieces: [2, 5], "\(name)") }
  }
}
