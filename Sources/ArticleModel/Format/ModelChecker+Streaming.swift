import Syntax

/// Checking facts as they are parsed: a model of a million facts is checked without an array
/// of a million facts' syntax. Each fact is checked against what the file has declared above
/// it; one that checks without a problem is kept as a `Fact` and its syntax dropped. The first
/// that does not (an id not declared yet, any error) stops this: it and every fact after it
/// are kept as syntax and checked with the whole file, as before, so that every message, its
/// place and its order are those of a file checked whole.
extension ModelChecker {
  /// What checking facts as they are parsed has done.
  struct Streaming {
    /// Whether facts are still checked as they are parsed.
    var isOn = true
    /// The facts checked so far, in the file's order.
    var facts: [Fact] = []
    /// How many of each declaration are declared in the checker's tables.
    var kinds = 0
    var relations = 0
    var entities = 0
    var documents = 0
    var qualifiers = 0
    /// The documents declared so far, as the whole check makes them.
    var documentValues: [Document] = []
    /// True when a fact checked so far cites a paragraph without naming its document: that
    /// holds only if the file has one document in all.
    var assumesOneDocument = false
  }

  /// What a model text parses and checks to: its syntax errors, whether it ends with `end`,
  /// and the model or every problem the check found.
  struct Loaded {
    var syntaxErrors: [Diagnostic]
    var hasEnd: Bool
    var model: Model?
    var checkErrors: [Diagnostic]
    /// How many stretches of the facts, parsed and checked on threads of their own, were
    /// taken in (`Pieces`).
    var piecesTaken = 0
  }

  /// Parses the text `lexer` reads and checks it. With `factsAsParsed`, each fact is checked
  /// as soon as it is parsed, which gives the same model and the same messages as checking the
  /// file whole, with a fraction of the memory; the facts of a large text are then parsed and
  /// checked in `pieces` stretches at once (by default as many as the machine has processors,
  /// for a text large enough: `Pieces`).
  ///
  /// With `readsTextsAlongside`, the documents' text files of such a text are read on a thread
  /// of their own while the declarations after the documents are parsed: `readText` must then
  /// read files and change nothing the caller reads.
  static func load(
    _ lexer: Lexer, name: String, factsAsParsed: Bool, pieces: Pieces = .byProcessors,
    readsTextsAlongside: Bool = false, readText: (String) throws -> String
  ) -> Loaded {
    withoutActuallyEscaping(readText) { reader in
      if factsAsParsed,
        let loaded = loadCheckingFactsAsParsed(
          lexer, name: name, pieces: pieces, readsTextsAlongside: readsTextsAlongside,
          readText: reader)
      {
        return loaded
      }
      let (syntax, syntaxErrors) = ModelParser.parse(lexer)
      var checker = ModelChecker(syntax: syntax, lexer: lexer, name: name, readText: reader)
      let (model, checkErrors) = checker.run()
      return Loaded(
        syntaxErrors: syntaxErrors, hasEnd: syntax.end != nil, model: model,
        checkErrors: checkErrors)
    }
  }

  /// `load` checking facts as they are parsed; nil when a fact checked so was checked on an
  /// assumption that the rest of the file broke (the file is then checked whole).
  private static func loadCheckingFactsAsParsed(
    _ lexer: Lexer, name: String, pieces: Pieces, readsTextsAlongside: Bool,
    readText: @escaping (String) throws -> String
  ) -> Loaded? {
    let box = Box(ModelChecker(syntax: ModelSyntax(), lexer: lexer, name: name, readText: readText))
    // Room for as many facts as the text could hold at a hundred bytes each (a fact takes
    // more), so that a million facts are not copied each time they outgrow their room; room
    // never filled costs no memory.
    box.checker.streaming.facts.reserveCapacity(lexer.bytes.count / 100)
    var parser = ModelParser(lexer: lexer) { fact, syntax in
      box.checker.consume(fact, in: syntax)
    }
    var syntax = ModelSyntax()
    // The documents' text files are read on a thread of their own while the declarations
    // after the documents are parsed, for a text large enough to be cut in pieces.
    parser.statements(into: &syntax) { $0 == .document }
    let paragraphs =
      readsTextsAlongside && pieces.cuts(lexer.bytes.count)
      ? box.checker.readingParagraphs(of: syntax.documents) : nil
    parser.statements(into: &syntax) { $0 != .fact }
    if let paragraphs {
      box.checker.paragraphsRead.merge(paragraphs.result()) { first, _ in first }
    }
    let piecesTaken = checkInPieces(box, &parser, &syntax, pieces: pieces)
    parser.statements(into: &syntax)
    let syntaxErrors = parser.diagnostics
    box.checker.declareAbove(in: syntax)
    if box.checker.streaming.assumesOneDocument, box.checker.documentIDs.ids.count != 1 {
      return nil
    }
    box.checker.syntax = syntax
    let (model, checkErrors) = box.checker.run()
    return Loaded(
      syntaxErrors: syntaxErrors, hasEnd: syntax.end != nil, model: model,
      checkErrors: checkErrors, piecesTaken: piecesTaken)
  }

  /// The checker, shared by the parser's callback and the load.
  final class Box {
    var checker: ModelChecker
    init(_ checker: ModelChecker) { self.checker = checker }
  }

  /// Checks `fact`, just parsed into `syntax`, against what is declared above it: true when
  /// it checks without a problem and is kept; false, leaving nothing reported, when it is to
  /// be checked with the whole file (and so is every fact after it).
  mutating func consume(_ fact: FactSyntax, in syntax: ModelSyntax) -> Bool {
    guard streaming.isOn else { return false }
    declareAbove(in: syntax)
    let reported = diagnostics.count
    let used = texts.uses.count
    let checked = checkFact(
      fact, qualifiers: syntax.qualifiers[fact.qualifiers],
      evidence: syntax.evidence[fact.evidence], documents: streaming.documentValues)
    guard let checked, diagnostics.count == reported else {
      diagnostics.removeSubrange(reported...)
      // Checked again with the whole file, it uses its strings again.
      texts.forgetUses(after: used)
      streaming.isOn = false
      return false
    }
    if syntax.evidence[fact.evidence].contains(where: { $0.document == nil }) {
      streaming.assumesOneDocument = true
    }
    streaming.facts.append(checked)
    return true
  }

  /// Declares in the checker's tables what `syntax` has declared since the last call, as the
  /// whole check declares it (the first of two equal ids stands), reporting nothing: the
  /// whole check declares everything again and reports.
  mutating func declareAbove(in syntax: ModelSyntax) {
    while streaming.kinds < syntax.kinds.count {
      let kind = syntax.kinds[streaming.kinds]
      _ = kindIDs.add(kind.id.text, streaming.kinds)
      kindScenarios.append(kind.isScenario)
      streaming.kinds += 1
    }
    while streaming.relations < syntax.relations.count {
      let relation = syntax.relations[streaming.relations].relation
      _ = relationIDs.add(syntax.relations[streaming.relations].id.text, streaming.relations)
      relationRules.append(
        (
          relation.phrase, relation.subjectKinds, relation.objectKinds, relation.reflexive,
          relation.personal
        ))
      streaming.relations += 1
    }
    while streaming.entities < syntax.entities.count {
      let entity = syntax.entities[streaming.entities]
      _ = entityIDs.add(entity.id.text, streaming.entities)
      entityKinds.append(entity.kind.text)
      entityKindIndices.append(kindIDs.index(of: entity.kind.text))
      streaming.entities += 1
    }
    while streaming.documents < syntax.documents.count {
      let index = streaming.documents
      _ = documentIDs.add(syntax.documents[index].id.text, index)
      streaming.documentValues.append(document(syntax.documents[index], at: index).0)
      streaming.documents += 1
    }
    while streaming.qualifiers < syntax.qualifierDeclarations.count {
      let declaration = syntax.qualifierDeclarations[streaming.qualifiers]
      if declaredQualifiers[declaration.key.text] == nil {
        declaredQualifiers[declaration.key.text] = declaration.takesEntity
      }
      streaming.qualifiers += 1
    }
  }

  /// The paragraphs of the text files that `documents` name, read on a thread of their own,
  /// by the documents' indices.
  ///
  /// The thread calls `readText`, which must read files and nothing the caller changes
  /// (`ModelLoader.load(file:)`'s does); it shares nothing else with the caller.
  func readingParagraphs(of documents: [DocumentSyntax])
    -> Alongside<[Int: Result<[String], any Error>]>
  {
    let readText = self.readText
    return Alongside {
      var read: [Int: Result<[String], any Error>] = [:]
      for (index, document) in documents.enumerated() {
        read[index] = ModelChecker.paragraphs(of: document, reading: readText)
      }
      return read
    }
  }
}
