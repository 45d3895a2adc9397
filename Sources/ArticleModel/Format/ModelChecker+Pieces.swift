import Syntax

/// Checking a large model's facts in pieces at once (issue 14): the text after the first fact
/// is cut at lines that begin with `fact`, and each stretch but the first is parsed and checked
/// on a thread of its own, against the declarations above the first fact, while the load reads
/// the first stretch itself. A stretch is then taken in only if reading the text in order would
/// have given the same: the load reached its start exactly, at a fact, with nothing wrong and
/// nothing declared since the first fact. Its facts follow the load's, its strings are numbered
/// as the load would have numbered them (`TextTable.append(_:)`), and the load reads on from
/// where the stretch stopped. A stretch that fails these is dropped and read again in order,
/// so that the model and every message are those of the file read in order.
extension ModelChecker {
  /// How many stretches the facts of a model text are parsed and checked in at once.
  enum Pieces: Sendable {
    /// One per processor, for a text whose facts fill at least `minimumPieceBytes` each.
    case byProcessors
    /// As many as asked (and the text has lines to cut at), however small: for tests.
    case exactly(Int)

    /// How many pieces `bytes` bytes of facts are cut in.
    func count(_ bytes: Int) -> Int {
      switch self {
      case .byProcessors: min(Alongside<Piece>.processors, maximumPieces, bytes / minimumPieceBytes)
      case .exactly(let count): count
      }
    }

    /// Whether a text of `count` bytes may be cut in pieces at all.
    func cuts(_ count: Int) -> Bool { self.count(count) > 1 }
  }

  /// The fewest bytes of facts worth a thread: below that, starting one and taking its facts
  /// in costs about what it saves.
  static let minimumPieceBytes = 4 << 20

  /// The fewest facts whose index columns (`FactFields`) are worth a thread of their own
  /// while `run` checks the declarations.
  static let factsWorthAThread = 10_000

  /// The most pieces a text is cut into, however many processors there are: each piece's
  /// facts and strings are taken in by the load's own thread, one piece after another, so
  /// that past a few pieces that takes longer than the pieces save.
  static let maximumPieces = 8

  /// A stretch of a model text's facts, parsed and checked on a thread of its own.
  struct Piece {
    /// The facts taken, in the text's order.
    var facts: [Fact]
    /// The strings made for them.
    var texts: TextTable
    /// Where the stretch stopped: the start of the statement it left (the text's end).
    var end: Int
    /// Whether a fact taken cites a paragraph without naming its document.
    var assumesOneDocument: Bool
  }

  /// Reads the facts from where `parser` stands, the first fact of the text, in pieces: each
  /// stretch but the first on a thread of its own, the first here; a stretch is taken in when
  /// the text read in order reaches its start as the stretch assumed. The parser then stands
  /// where the last stretch taken in stopped (or where reading in order got to), for the rest.
  /// Gives how many stretches were taken in.
  static func checkInPieces(
    _ box: Box, _ parser: inout ModelParser, _ syntax: inout ModelSyntax, pieces: Pieces
  ) -> Int {
    guard parser.standsAtFact, parser.isClean, box.checker.streaming.isOn, syntax.end == nil
    else { return 0 }
    let starts = pieceStarts(in: box.checker.lexer.bytes, from: parser.position, pieces: pieces)
    guard !starts.isEmpty else { return 0 }
    box.checker.declareAbove(in: syntax)
    let declared = syntax.declarationCount
    // Each job is let go once its piece is taken in (or dropped), and its facts with it.
    var jobs = zip(starts, starts.dropFirst() + [Int.max]).map { start, limit in
      (
        start,
        box.checker.piece(from: start, before: limit, declaredQualifiers: parser.declaredQualifiers)
      )
    }[...]
    var taken = 0
    while let (start, job) = jobs.popFirst() {
      parser.statements(into: &syntax, before: start)
      let piece = job.result()
      guard parser.position == start, parser.standsAtFact, parser.isClean,
        box.checker.streaming.isOn, syntax.end == nil, syntax.declarationCount == declared
      else { continue }
      // The piece's strings are taken into the table on a thread of their own while its facts
      // are appended here. The table moves to that thread and back (nothing here reads it
      // meanwhile); the piece's strings are only read.
      let table = Held(box.checker.texts)
      box.checker.texts = TextTable(text: box.checker.lexer.bytes, expected: 0)
      let merging = Alongside { [later = piece.texts] in
        table.value.append(later)
        return table
      }
      box.checker.streaming.facts.append(contentsOf: piece.facts)
      box.checker.texts = merging.result().value
      box.checker.streaming.assumesOneDocument =
        box.checker.streaming.assumesOneDocument || piece.assumesOneDocument
      parser.move(to: piece.end)
      taken += 1
    }
    return taken
  }

  /// The stretch of facts from `start` up to the first statement at or after `limit`, parsed
  /// and checked on a thread of its own by a copy of this checker, as this one would check it.
  ///
  /// The thread and the caller share the model text's bytes and the declarations' tables, and
  /// neither writes them: the tables are values, which the caller's checker copies before it
  /// changes one. The copy of the checker, its facts and its strings are the thread's own
  /// until `result()` hands them over.
  private func piece(from start: Int, before limit: Int, declaredQualifiers: Set<String>)
    -> Alongside<Piece>
  {
    var checker = self
    let size = min(limit, lexer.bytes.count) - start
    checker.diagnostics = []
    checker.streaming.facts = []
    checker.streaming.facts.reserveCapacity(size / 100)
    checker.streaming.assumesOneDocument = false
    checker.texts = TextTable(text: lexer.bytes, expected: size)
    let lexer = self.lexer
    return Alongside {
      let box = Box(checker)
      var parser = ModelParser(
        lexer: lexer, from: start, declaredQualifiers: declaredQualifiers
      ) { fact, syntax in
        box.checker.consume(fact, in: syntax)
      }
      let end = parser.takenFacts(before: limit)
      return Piece(
        facts: box.checker.streaming.facts, texts: box.checker.texts, end: end,
        assumesOneDocument: box.checker.streaming.assumesOneDocument)
    }
  }

  /// Where the facts from `first` are cut for `pieces`: the start of the first line beginning
  /// `fact ` at or after each further piece's share of the text; none for a text too small.
  static func pieceStarts(in bytes: UnsafeBufferPointer<UInt8>, from first: Int, pieces: Pieces)
    -> [Int]
  {
    let rest = bytes.count - first
    let count = pieces.count(rest)
    var starts: [Int] = []
    for piece in stride(from: 1, to: count, by: 1) {
      let share = first + rest / count * piece
      guard let start = factLine(in: bytes, from: max(share, (starts.last ?? first) + 1)) else {
        break
      }
      starts.append(start)
    }
    return starts
  }

  /// The start of the first line at or after `offset` that begins with `fact` and a space or
  /// a tab: the start of a statement, if the text before it reads as it should.
  private static func factLine(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
    let fact = Array("fact".utf8)
    var from = offset - 1
    while from < bytes.count,
      let newline = UTF8Text.firstOffset(of: UInt8(ascii: "\n"), in: bytes, from: from)
    {
      let start = newline + 1
      if start + fact.count < bytes.count,
        bytes[start..<(start + fact.count)].elementsEqual(fact),
        bytes[start + fact.count] == UInt8(ascii: " ")
          || bytes[start + fact.count] == UInt8(ascii: "\t")
      {
        return start
      }
      from = start
    }
    return nil
  }
}

/// A value held by reference, so that it moves to another thread and back without a copy.
private final class Held<Value> {
  var value: Value
  init(_ value: Value) { self.value = value }
}

extension ModelSyntax {
  /// How many declarations the syntax holds that a fact is checked against: the same count
  /// means nothing has been declared since.
  var declarationCount: Int {
    documents.count + kinds.count + relations.count + entities.count + qualifierDeclarations.count
  }
}
