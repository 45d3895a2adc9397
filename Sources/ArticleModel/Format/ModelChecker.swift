/// Resolves a parsed model file into a `Model`, checking it whole: unknown and duplicate ids,
/// relations between kinds they do not join, unknown CAMEO codes, paragraphs out of range and
/// quotes not found verbatim. Every problem is collected; a model with any is not built.
struct ModelChecker {
  private let syntax: ModelSyntax
  private let source: SourceText
  private let readText: (String) throws -> String
  private var diagnostics: [Diagnostic] = []

  private var kindIDs: [String: Int] = [:]
  private var relationIDs: [String: Int] = [:]
  private var entityIDs: [String: Int] = [:]
  private var documentIDs: [String: Int] = [:]

  /// The model, or every problem found. `readText` reads a document's text file by the name
  /// the model gives it.
  static func check(
    _ syntax: ModelSyntax, source: SourceText, readText: (String) throws -> String
  ) -> (Model?, [Diagnostic]) {
    withoutActuallyEscaping(readText) { reader in
      var checker = ModelChecker(syntax: syntax, source: source, readText: reader)
      return checker.run()
    }
  }

  private init(
    syntax: ModelSyntax, source: SourceText, readText: @escaping (String) throws -> String
  ) {
    self.syntax = syntax
    self.source = source
    self.readText = readText
  }

  private mutating func error(
    _ message: String, _ range: Range<Int>, notes: [String] = [], suggestions: [String] = []
  ) {
    diagnostics.append(Diagnostic(message, at: range, notes: notes, suggestions: suggestions))
  }

  private mutating func declare(_ ids: [Spelled], as what: String) -> [String: Int] {
    var table: [String: Int] = [:]
    for (index, id) in ids.enumerated() {
      if table[id.text] != nil {
        error("duplicate \(what) id '\(id.text)'", id.range)
      } else {
        table[id.text] = index
      }
    }
    return table
  }

  private mutating func lookup(_ id: Spelled, _ what: String, in table: [String: Int]) -> Int? {
    if let index = table[id.text] { return index }
    error(
      "unknown \(what) '\(id.text)'", id.range,
      suggestions: Suggestions.closest(to: id.text, in: table.keys.sorted()))
    return nil
  }

  private mutating func run() -> (Model?, [Diagnostic]) {
    kindIDs = declare(syntax.kinds.map(\.id), as: "kind")
    relationIDs = declare(syntax.relations.map(\.id), as: "relation")
    entityIDs = declare(syntax.entities.map(\.id), as: "entity")
    documentIDs = declare(syntax.documents.map(\.id), as: "document")
    let documents = syntax.documents.map { checkDocument($0) }
    checkRelations()
    checkEntities()
    checkSets()
    let facts = syntax.facts.compactMap { checkFact($0, documents: documents) }
    guard diagnostics.isEmpty else { return (nil, diagnostics) }
    return (
      Model(
        documents: documents,
        kinds: syntax.kinds.map { Kind(id: $0.id.text, plural: $0.plural.text.lowercased()) },
        relations: syntax.relations.map(\.relation),
        entities: syntax.entities.map {
          Entity(
            id: $0.id.text, name: $0.name.text, kind: $0.kind.text,
            aliases: $0.aliases.map { $0.text.lowercased() },
            metonyms: $0.metonyms.map { $0.text.lowercased() }, background: $0.background)
        },
        sets: syntax.sets.map { set in
          let start = source.location(of: set.query.range.lowerBound + 1)
          return NamedSet(
            id: set.id.text, query: set.query.text,
            origin: NamedSet.Origin(
              file: source.name ?? "model", line: start.line, column: start.column))
        },
        facts: facts), []
    )
  }

  private mutating func checkDocument(_ syntax: DocumentSyntax) -> Document {
    var document = Document(
      id: syntax.id.text, title: syntax.fields["title"]?.text,
      author: syntax.fields["author"]?.text, publisher: syntax.fields["publisher"]?.text,
      date: syntax.fields["date"]?.text, url: syntax.fields["url"]?.text,
      textFile: syntax.fields["text"]?.text, skipped: syntax.skipped,
      paragraphs: syntax.paragraphs.map(\.text))
    if let file = syntax.fields["text"] {
      if !syntax.paragraphs.isEmpty {
        error("a document takes its paragraphs either from 'text' or inline, not both", file.range)
      }
      do {
        document.paragraphs = Document.paragraphs(
          of: try readText(file.text), skipping: syntax.skipped)
      } catch {
        self.error("cannot read the document's text '\(file.text)': \(error)", file.range)
      }
    }
    if document.paragraphs.isEmpty, diagnostics.isEmpty {
      error("document '\(syntax.id.text)' has no paragraphs", syntax.id.range)
    }
    return document
  }

  private mutating func checkRelations() {
    var phraseOwner: [String: String] = [:]
    for relation in syntax.relations {
      for name in relation.kindNames { _ = lookup(name, "kind", in: kindIDs) }
      if let code = relation.cameo, CAMEO.codes[code.text] == nil {
        error(
          "unknown CAMEO code '\(code.text)'", code.range,
          suggestions: Suggestions.closest(to: code.text, in: CAMEO.codes.keys.sorted()))
      }
      for phrase in relation.phrases {
        let folded = phrase.text.lowercased()
        if let owner = phraseOwner[folded], owner != relation.id.text {
          error("the phrase '\(folded)' already names relation '\(owner)'", phrase.range)
        }
        phraseOwner[folded] = relation.id.text
      }
    }
  }

  /// Every name an entity answers to (display name, id, aliases, metonyms) must name that
  /// entity alone, or a query could not tell which is meant.
  private mutating func checkEntities() {
    var nameOwner: [String: String] = [:]
    for entity in syntax.entities {
      _ = lookup(entity.kind, "kind", in: kindIDs)
      let names =
        [entity.id, Spelled(text: entity.name.text.lowercased(), range: entity.name.range)]
        + entity.aliases + entity.metonyms
      var own: Set<String> = []
      for name in names {
        let folded = name.text.lowercased()
        guard own.insert(folded).inserted else { continue }
        if let owner = nameOwner[folded], owner != entity.id.text {
          error("the name '\(folded)' already names entity '\(owner)'", name.range)
        } else {
          nameOwner[folded] = entity.id.text
        }
      }
    }
  }

  private mutating func checkSets() {
    let plurals = Set(syntax.kinds.map { $0.plural.text.lowercased() })
    var seen: Set<String> = []
    for set in syntax.sets {
      if plurals.contains(set.id.text) || !seen.insert(set.id.text).inserted {
        error("duplicate set name '\(set.id.text)'", set.id.range)
      }
    }
  }

  private mutating func checkFact(_ syntax: FactSyntax, documents: [Document]) -> Fact? {
    let subject = lookup(syntax.subject, "entity", in: entityIDs)
    let relation = lookup(syntax.relation, "relation", in: relationIDs)
    let object = lookup(syntax.object, "entity", in: entityIDs)
    if let subject, let relation, let object {
      checkKinds(syntax, subject: subject, relation: relation, object: object)
    }
    var qualifiers: [Qualifier] = []
    for qualifier in syntax.qualifiers {
      if let id = qualifier.entity {
        if let index = lookup(id, "entity", in: entityIDs) {
          qualifiers.append(Qualifier(qualifier.key, .entity(index)))
        }
      } else if let text = qualifier.text {
        qualifiers.append(Qualifier(qualifier.key, .text(text)))
      }
    }
    var modality = Modality.reported
    if let assessment = syntax.assessment, syntax.scenario != nil {
      error("a fact is an assessment or a scenario's, not both", assessment.range)
    } else if syntax.assessment != nil {
      modality = .assessment
    }
    if let id = syntax.scenario, let index = lookup(id, "scenario", in: entityIDs) {
      if self.syntax.entities[index].kind.text != "scenario" {
        error(
          "'\(id.text)' is a \(self.syntax.entities[index].kind.text), not a scenario", id.range)
      }
      modality = .scenario(index)
    }
    if syntax.evidence.isEmpty {
      error(
        "the fact '\(syntax.subject.text) \(syntax.relation.text) \(syntax.object.text)' has no evidence",
        syntax.subject.range, notes: ["add: evidence PARAGRAPH \"quote from that paragraph\""])
    }
    let evidence = syntax.evidence.compactMap { checkEvidence($0, documents: documents) }
    guard let subject, let relation, let object else { return nil }
    return Fact(
      subject: subject, relation: relation, object: object, qualifiers: qualifiers,
      polarity: syntax.denied ? .denied : .affirmed, modality: modality,
      personal: syntax.personal, evidence: evidence,
      note: syntax.note)
  }

  private mutating func checkKinds(_ syntax: FactSyntax, subject: Int, relation: Int, object: Int) {
    let rule = self.syntax.relations[relation].relation
    let subjectKind = self.syntax.entities[subject].kind.text
    let objectKind = self.syntax.entities[object].kind.text
    if !rule.subjectKinds.isEmpty, !rule.subjectKinds.contains(subjectKind) {
      error(
        "'\(rule.phrase)' takes a subject of kind \(rule.subjectKinds.joined(separator: " or ")), but '\(syntax.subject.text)' is a \(subjectKind)",
        syntax.subject.range)
    }
    if !rule.objectKinds.isEmpty, !rule.objectKinds.contains(objectKind) {
      error(
        "'\(rule.phrase)' takes an object of kind \(rule.objectKinds.joined(separator: " or ")), but '\(syntax.object.text)' is a \(objectKind)",
        syntax.object.range)
    }
  }

  private mutating func checkEvidence(
    _ syntax: (document: Spelled?, paragraph: Spelled, quote: Spelled), documents: [Document]
  ) -> Evidence? {
    var documentIndex = 0
    if let id = syntax.document {
      guard let index = lookup(id, "document", in: documentIDs) else { return nil }
      documentIndex = index
    } else if documents.count != 1 {
      error(
        documents.isEmpty
          ? "evidence cites a paragraph, but the model has no document"
          : "the model has \(documents.count) documents: name the one this evidence cites",
        syntax.paragraph.range)
      return nil
    }
    let document = documents[documentIndex]
    // A document whose text could not be read has said so once; its citations are not
    // each wrong as well.
    guard !document.paragraphs.isEmpty else { return nil }
    guard let number = Int(syntax.paragraph.text), let paragraph = document.paragraph(number)
    else {
      error(
        "paragraph \(syntax.paragraph.text) is out of range: '\(document.id)' has paragraphs 1 to \(document.paragraphs.count)",
        syntax.paragraph.range)
      return nil
    }
    if syntax.quote.text.isEmpty {
      error("the quote is empty", syntax.quote.range)
      return nil
    }
    if !paragraph.contains(syntax.quote.text) {
      error(
        "quote not found verbatim in paragraph \(number)", syntax.quote.range,
        notes: Self.nearestPassage(to: syntax.quote.text, in: paragraph).map {
          ["the paragraph has: \"\($0)\""]
        } ?? [])
      return nil
    }
    return Evidence(document: documentIndex, paragraph: number, quote: syntax.quote.text)
  }

  /// The stretch of `paragraph` that a wrong quote was meant to be: the same text with
  /// typographic apostrophes, quotes and dashes, or the stretch that begins like it.
  static func nearestPassage(to quote: String, in paragraph: String) -> String? {
    let plain = Array(paragraph).map(plainPunctuation)
    let wanted = Array(quote).map(plainPunctuation)
    if !wanted.isEmpty, plain.count >= wanted.count {
      for start in 0...(plain.count - wanted.count)
      where plain[start..<(start + wanted.count)].elementsEqual(wanted) {
        return String(Array(paragraph)[start..<(start + wanted.count)])
      }
    }
    let words = quote.split(separator: " ")
    for length in stride(from: min(4, words.count), through: 1, by: -1) {
      let start = words.prefix(length).joined(separator: " ")
      if let range = paragraph.range(of: start) {
        return String(paragraph[range.lowerBound...].prefix(quote.count))
      }
    }
    return nil
  }

  private static func plainPunctuation(_ character: Character) -> Character {
    switch character {
    case "’", "‘": "'"
    case "“", "”": "\""
    case "–", "—": "-"
    default: character
    }
  }
}
