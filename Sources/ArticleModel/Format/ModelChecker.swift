import Syntax

/// Resolves a parsed model file into a `Model`, checking it whole: unknown and duplicate ids,
/// relations between kinds they do not join, unknown CAMEO codes, paragraphs out of range and
/// quotes not found verbatim. Every problem is collected; a model with any is not built.
struct ModelChecker {
  /// The whole file's syntax, once parsed (while facts are checked as they are parsed, only
  /// what comes before them).
  var syntax: ModelSyntax
  /// The model text's bytes, which the facts' ranges point into.
  let lexer: Lexer
  /// The model file's name, for the origin of named sets.
  private let name: String
  let readText: (String) throws -> String
  var diagnostics: [Diagnostic] = []

  var kindIDs = IDTable(capacity: 0)
  var relationIDs = IDTable(capacity: 0)
  var entityIDs = IDTable(capacity: 0)
  var documentIDs = IDTable(capacity: 0)
  /// Each entity's kind, and each relation's rule, read for every fact: held apart so that
  /// reading them does not copy a whole entity or relation.
  var entityKinds: [String] = []
  /// Each entity's kind, by its index in the kinds; nil for a kind that is not declared.
  var entityKindIndices: [Int?] = []
  /// Whether each kind is hypothetical (its entities are scenarios).
  var kindScenarios: [Bool] = []
  var relationRules:
    [(
      phrase: String, subjectKinds: [String], objectKinds: [String], reflexive: Bool, personal: Bool
    )] =
      []
  /// The declared qualifiers by key: whether each takes an entity's id.
  var declaredQualifiers: [String: Bool] = [:]
  /// The facts' strings (quotes, notes, circumstances) by their bytes, each made once: a
  /// quote cited again shares the first one's text.
  var texts: TextTable
  /// The paragraphs of each document's text file (by the document's index), read once.
  var paragraphsRead: [Int: Result<[String], any Error>] = [:]
  /// What checking facts as they are parsed has done (`ModelChecker+Streaming.swift`).
  var streaming = Streaming()

  /// A checker of `syntax`, parsed from the text `lexer` reads; `readText` reads a
  /// document's text file by the name the model gives it. `ModelChecker.load` makes one.
  init(
    syntax: ModelSyntax, lexer: Lexer, name: String,
    readText: @escaping (String) throws -> String
  ) {
    self.syntax = syntax
    self.lexer = lexer
    texts = TextTable(text: lexer.bytes)
    self.name = name
    self.readText = readText
  }

  /// `lookup(_:_:in:)` for the word at `range`, by its bytes: a string is made only for a
  /// word that is not ASCII, and for the message.
  private mutating func lookup(_ range: Range<Int>, _ what: String, in table: IDTable) -> Int? {
    let bytes = UnsafeBufferPointer(rebasing: lexer.bytes[range])
    if let found = table.index(ofASCIIWord: bytes) { return found }
    return lookup(Spelled(text: lexer.folded(range), range: range), what, in: table)
  }

  /// The text of a fact's string, made once for all strings of the same bytes.
  private mutating func text(of lexeme: Lexer.Lexeme) -> String {
    guard !lexeme.escaped else { return lexer.text(of: lexeme) }
    return texts.string(at: lexeme.content) { lexer.string(lexeme.content) }
  }

  private mutating func error(
    _ message: String, _ range: Range<Int>, notes: [String] = [], suggestions: [String] = []
  ) {
    diagnostics.append(Diagnostic(message, at: range, notes: notes, suggestions: suggestions))
  }

  private mutating func declare(_ ids: [Spelled], as what: String) -> IDTable {
    var table = IDTable(capacity: ids.count)
    for (index, id) in ids.enumerated() where table.add(id.text, index) != nil {
      error("duplicate \(what) id '\(id.text)'", id.range)
    }
    return table
  }

  private mutating func lookup(_ id: Spelled, _ what: String, in table: IDTable) -> Int? {
    if let index = table.index(of: id.text) { return index }
    // Suggestions scan every id: only for the errors that will be printed, so that a file of
    // 100,000 unknown ids costs their number, not their number times the ids. (`closest`
    // orders what it finds; the ids need no sorting.)
    let suggestions =
      diagnostics.count < ModelError.maximumShown
      ? Suggestions.closest(to: id.text, in: table.ids) : []
    error("unknown \(what) '\(id.text)'", id.range, suggestions: suggestions)
    return nil
  }

  /// The model, or every problem found, from the whole file's syntax (after the facts
  /// checked as they were parsed, if any).
  mutating func run() -> (Model?, [Diagnostic]) {
    var facts = streaming.facts
    streaming.facts = []
    // When every fact was checked as it was parsed, the index's columns of them are taken on
    // the second core while this thread checks the declarations (issue 14). The two threads
    // share the facts, which neither changes: no fact is appended to them then, and they are
    // not given room. The other thread owns the columns; this one the rest of the checker.
    let fields =
      syntax.facts.isEmpty && facts.count >= Self.factsWorthAThread
      ? Alongside { [facts] in FactFields(facts) } : nil
    if fields == nil { facts.reserveCapacity(facts.count + syntax.facts.count) }
    // What checking facts as they were parsed declared is declared again, in the order and
    // with the messages of a file checked whole.
    entityKindIndices = []
    declaredQualifiers = [:]
    kindScenarios = syntax.kinds.map(\.isScenario)
    kindIDs = declare(syntax.kinds.map(\.id), as: "kind")
    relationIDs = declare(syntax.relations.map(\.id), as: "relation")
    entityIDs = declare(syntax.entities.map(\.id), as: "entity")
    documentIDs = declare(syntax.documents.map(\.id), as: "document")
    entityKinds = syntax.entities.map(\.kind.text)
    relationRules = syntax.relations.map {
      (
        $0.relation.phrase, $0.relation.subjectKinds, $0.relation.objectKinds,
        $0.relation.reflexive, $0.relation.personal
      )
    }
    let documents = syntax.documents.indices.map { checkDocument(syntax.documents[$0], at: $0) }
    checkRelations()
    checkEntities()
    checkSets()
    let qualifiers = checkQualifierDeclarations()
    for fact in syntax.facts {
      if let fact = checkFact(
        fact, qualifiers: syntax.qualifiers[fact.qualifiers],
        evidence: syntax.evidence[fact.evidence], documents: documents)
      {
        facts.append(fact)
      }
    }
    let noClaims = syntax.noClaims.compactMap { checkNoClaim($0, documents: documents) }
    guard diagnostics.isEmpty else {
      // The columns' thread ends before the checker does, though its work is not used.
      _ = fields?.result()
      return (nil, diagnostics)
    }
    // Only named sets, which are few and come first, need lines: those up to the last set.
    let setLines = UnsafeBufferPointer(
      rebasing: lexer.bytes[..<(syntax.sets.last.map { $0.query.range.lowerBound + 1 } ?? 0)])
    let lineStarts = UTF8Text.lineStarts(of: setLines)
    var model = Model(
      documents: documents,
      kinds: syntax.kinds.map {
        Kind(
          id: $0.id.text, plural: $0.plural.text.lowercased(), isScenario: $0.isScenario,
          aliases: $0.aliases.map { $0.text.lowercased() })
      },
      relations: syntax.relations.map(\.relation),
      entities: zip(syntax.entities, entityKindIndices).map { entity, kind in
        Entity(
          id: entity.id.text, name: entity.name.text, kind: KindRef(kind!),
          aliases: entity.aliases.map { $0.text.lowercased() },
          metonyms: entity.metonyms.map { $0.text.lowercased() },
          background: entity.background)
      },
      sets: syntax.sets.map { set in
        let start = UTF8Text.location(
          of: set.query.range.lowerBound + 1, in: setLines, lineStarts: lineStarts)
        return NamedSet(
          id: set.id.text, query: set.query.text,
          origin: NamedSet.Origin(file: name, line: start.line, column: start.column),
          aliases: set.aliases.map { $0.text.lowercased() })
      },
      facts: facts, fields: fields?.result() ?? FactFields(facts), qualifiers: qualifiers,
      noClaims: noClaims)
    model.stringNumbers = texts.numbers()
    return (model, [])
  }

  private mutating func checkDocument(_ syntax: DocumentSyntax, at index: Int) -> Document {
    let (document, readError) = self.document(syntax, at: index)
    if let file = syntax.fields["text"] {
      if !syntax.paragraphs.isEmpty {
        error("a document takes its paragraphs either from 'text' or inline, not both", file.range)
      }
      if let readError {
        self.error("cannot read the document's text '\(file.text)': \(readError)", file.range)
      }
    }
    if document.paragraphs.isEmpty, diagnostics.isEmpty {
      error("document '\(syntax.id.text)' has no paragraphs", syntax.id.range)
    }
    return document
  }

  /// The document of statement `index`, its paragraphs from its text file when it names one
  /// (read once, however often asked), and why that file could not be read.
  mutating func document(_ syntax: DocumentSyntax, at index: Int) -> (Document, (any Error)?) {
    var document = Document(
      id: syntax.id.text, title: syntax.fields["title"]?.text,
      author: syntax.fields["author"]?.text, publisher: syntax.fields["publisher"]?.text,
      date: syntax.fields["date"]?.text, url: syntax.fields["url"]?.text,
      textFile: syntax.fields["text"]?.text, skipped: syntax.skipped,
      paragraphs: syntax.paragraphs.map(\.text))
    guard let read = paragraphsRead[index] ?? Self.paragraphs(of: syntax, reading: readText)
    else { return (document, nil) }
    paragraphsRead[index] = read
    switch read {
    case .success(let paragraphs):
      document.paragraphs = TextList(paragraphs)
      return (document, nil)
    case .failure(let error):
      return (document, error)
    }
  }

  /// The paragraphs of the text file a document names, read by `readText`, or why it could
  /// not be read; nil for a document that names none.
  static func paragraphs(
    of syntax: DocumentSyntax, reading readText: (String) throws -> String
  ) -> Result<[String], any Error>? {
    guard let file = syntax.fields["text"] else { return nil }
    return Result { UTF8Text.paragraphs(of: try readText(file.text), skipping: syntax.skipped) }
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
      if let reflexive = relation.reflexive {
        checkReflexive(relation, at: reflexive)
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

  /// A relation declared reflexive must be able to join an entity to itself: not an office
  /// or a relation through which its subject speaks for its object (a body is not part of
  /// itself, nobody is their own office), and not one whose subject and object kinds have
  /// none in common.
  private mutating func checkReflexive(_ syntax: RelationSyntax, at range: Range<Int>) {
    let relation = syntax.relation
    if relation.office || !relation.represents.isEmpty {
      error(
        "relation '\(relation.id)' cannot be reflexive: \(relation.office ? "an office" : "a relation that speaks for its object ('represents')") joins two different entities",
        range)
    } else if !relation.subjectKinds.isEmpty, !relation.objectKinds.isEmpty,
      Set(relation.subjectKinds).isDisjoint(with: relation.objectKinds)
    {
      error(
        "relation '\(relation.id)' cannot be reflexive: its subject (\(relation.subjectKinds.joined(separator: " or "))) and object (\(relation.objectKinds.joined(separator: " or "))) cannot be the same entity",
        range)
    }
  }

  /// The declared qualifiers, each once (the parser has refused those named like a keyword,
  /// the built-in ones among them).
  private mutating func checkQualifierDeclarations() -> [Qualifier.Declaration] {
    var declarations: [Qualifier.Declaration] = []
    for declaration in syntax.qualifierDeclarations {
      let key = declaration.key.text
      if declaredQualifiers[key] != nil {
        error("duplicate qualifier '\(key)'", declaration.key.range)
      } else {
        declaredQualifiers[key] = declaration.takesEntity
        declarations.append(
          Qualifier.Declaration(
            key: Qualifier.Key(rawValue: key), takesEntity: declaration.takesEntity,
            meaning: declaration.meaning?.text))
      }
    }
    return declarations
  }

  /// Every name an entity answers to (display name, id, aliases, metonyms) must name that
  /// entity alone, or a query could not tell which is meant.
  ///
  /// The table of names has room for them all at once and holds each owner's number, and an
  /// entity's own names are told apart in a small array: a dictionary that grew 19 times and a
  /// set made for each of 100,000 entities were 5% of a first load (issue 14).
  private mutating func checkEntities() {
    var nameOwner: [String: Int] = [:]
    nameOwner.reserveCapacity(
      syntax.entities.reduce(0) { $0 + 2 + $1.aliases.count + $1.metonyms.count })
    entityKindIndices.reserveCapacity(syntax.entities.count)
    var own: [String] = []
    for (index, entity) in syntax.entities.enumerated() {
      entityKindIndices.append(lookup(entity.kind, "kind", in: kindIDs))
      let names =
        [entity.id, Spelled(text: entity.name.text.lowercased(), range: entity.name.range)]
        + entity.aliases + entity.metonyms
      own.removeAll(keepingCapacity: true)
      for name in names {
        let folded = name.text.lowercased()
        guard !own.contains(folded) else { continue }
        own.append(folded)
        if let owner = nameOwner[folded].map({ syntax.entities[$0].id.text }),
          owner != entity.id.text
        {
          error(
            "the name '\(folded)' of entity '\(entity.id.text)' already names entity '\(owner)'",
            name.range)
        } else {
          nameOwner[folded] = index
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
    checkSetAliases()
  }

  /// Each further name of a kind or set (`also`) names one set: not a plural, a set's id, a
  /// kind's id (its singular) or another further name. A clash names both owners.
  private mutating func checkSetAliases() {
    var owner: [String: String] = [:]
    for kind in syntax.kinds {
      owner[kind.plural.text.lowercased()] = "kind '\(kind.id.text)'"
      owner[kind.id.text.lowercased()] =
        owner[kind.id.text.lowercased()] ?? "kind '\(kind.id.text)'"
    }
    for set in syntax.sets { owner[set.id.text.lowercased()] = "set '\(set.id.text)'" }
    let named =
      syntax.kinds.map { ("kind '\($0.id.text)'", $0.aliases) }
      + syntax.sets.map { ("set '\($0.id.text)'", $0.aliases) }
    for (name, aliases) in named {
      for alias in aliases {
        let folded = alias.text.lowercased()
        if let other = owner[folded] {
          error("the name '\(folded)' of \(name) already names \(other)", alias.range)
        } else {
          owner[folded] = name
        }
      }
    }
  }

  /// The fact `syntax`, whose qualifiers and evidence are `qualifiers` and `evidence`, or nil
  /// when one of its ids is unknown; every problem is reported.
  mutating func checkFact(
    _ syntax: FactSyntax, qualifiers qualifierSyntax: ArraySlice<QualifierSyntax>,
    evidence evidenceSyntax: ArraySlice<EvidenceSyntax>, documents: [Document]
  ) -> Fact? {
    let subject = lookup(syntax.subject, "entity", in: entityIDs)
    let relation = lookup(syntax.relation, "relation", in: relationIDs)
    let object = lookup(syntax.object, "entity", in: entityIDs)
    if let subject, let relation, let object {
      checkKinds(syntax, subject: subject, relation: relation, object: object)
      if subject == object, !relationRules[relation].reflexive {
        error(
          "'\(lexer.folded(syntax.subject))' is both the subject and the object, but '\(relationRules[relation].phrase)' is not reflexive",
          syntax.object,
          notes: ["declare the relation 'reflexive' if an entity can be joined to itself by it"])
      }
    }
    var qualifiers: [Qualifier] = []
    for qualifier in qualifierSyntax {
      if let takesEntity = declaredQualifiers[qualifier.key.rawValue],
        takesEntity != (qualifier.entity != nil)
      {
        error(
          "the qualifier '\(qualifier.key.rawValue)' takes \(takesEntity ? "an entity's id" : "a quoted string")",
          qualifier.entity ?? qualifier.text?.range ?? syntax.subject)
        continue
      }
      if let id = qualifier.entity {
        if let index = lookup(id, "entity", in: entityIDs) {
          qualifiers.append(Qualifier(qualifier.key, .entity(index)))
        }
      } else if let text = qualifier.text {
        qualifiers.append(Qualifier(qualifier.key, .text(self.text(of: text))))
      }
    }
    var modality = Modality.reported
    if let assessment = syntax.assessment, syntax.scenario != nil {
      error("a fact is an assessment or a scenario's, not both", assessment)
    } else if syntax.assessment != nil {
      modality = .assessment
    }
    if let id = syntax.scenario, let index = lookup(id, "scenario", in: entityIDs) {
      if !(entityKindIndices[index].map { kindScenarios[$0] } ?? false) {
        error(
          "'\(lexer.folded(id))' cannot be a fact's scenario: its kind, \(entityKinds[index]), is not hypothetical",
          id,
          notes: [
            "a scenario is an entity of a kind declared 'hypothetical' (kind scenario plural \"scenarios\" hypothetical)"
          ])
      }
      modality = .scenario(index)
    }
    if syntax.evidence.isEmpty {
      error(
        "the fact '\(lexer.folded(syntax.subject)) \(lexer.folded(syntax.relation)) \(lexer.folded(syntax.object))' has no evidence",
        syntax.subject, notes: ["add: evidence PARAGRAPH \"quote from that paragraph\""])
    }
    var evidence: [Evidence] = []
    evidence.reserveCapacity(syntax.evidence.count)
    for cited in evidenceSyntax {
      if let checked = checkEvidence(cited, documents: documents) { evidence.append(checked) }
    }
    guard let subject, let relation, let object else { return nil }
    return Fact(
      subject: subject, relation: relation, object: object, qualifiers: qualifiers,
      polarity: syntax.denied ? .denied : .affirmed, modality: modality,
      personal: syntax.personal || relationRules[relation].personal, evidence: evidence,
      note: syntax.note.map { text(of: $0) })
  }

  private mutating func checkNoClaim(_ syntax: NoClaimSyntax, documents: [Document]) -> NoClaim? {
    guard let cited = checkEvidence(syntax.evidence, documents: documents) else { return nil }
    if syntax.reason.text.allSatisfy(\.isWhitespace) {
      error("the reason is empty", syntax.reason.range)
    }
    return NoClaim(
      document: cited.document, paragraph: cited.paragraph, quote: cited.quote,
      reason: syntax.reason.text)
  }

  private mutating func checkKinds(_ syntax: FactSyntax, subject: Int, relation: Int, object: Int) {
    // The kinds are compared where they lie; the rule and the kinds' names are copied only
    // for a message (a copy of the rule for each of a million facts retained its three
    // fields, issue 14).
    if !relationRules[relation].subjectKinds.isEmpty,
      !relationRules[relation].subjectKinds.contains(entityKinds[subject])
    {
      reportKinds(syntax, subject: subject, relation: relation, object: object)
    } else if !relationRules[relation].objectKinds.isEmpty,
      !relationRules[relation].objectKinds.contains(entityKinds[object])
    {
      reportKinds(syntax, subject: subject, relation: relation, object: object)
    }
  }

  /// The messages of `checkKinds` for a fact whose subject or object is of a kind its
  /// relation does not take.
  private mutating func reportKinds(
    _ syntax: FactSyntax, subject: Int, relation: Int, object: Int
  ) {
    let rule = relationRules[relation]
    let subjectKind = entityKinds[subject]
    let objectKind = entityKinds[object]
    if !rule.subjectKinds.isEmpty, !rule.subjectKinds.contains(subjectKind) {
      error(
        "'\(rule.phrase)' takes a subject of kind \(rule.subjectKinds.joined(separator: " or ")), but '\(lexer.folded(syntax.subject))' is a \(subjectKind)",
        syntax.subject)
    }
    if !rule.objectKinds.isEmpty, !rule.objectKinds.contains(objectKind) {
      error(
        "'\(rule.phrase)' takes an object of kind \(rule.objectKinds.joined(separator: " or ")), but '\(lexer.folded(syntax.object))' is a \(objectKind)",
        syntax.object)
    }
  }

  private mutating func checkEvidence(_ syntax: EvidenceSyntax, documents: [Document])
    -> Evidence?
  {
    var documentIndex = 0
    if let id = syntax.document {
      guard let index = lookup(id, "document", in: documentIDs) else {
        return nil
      }
      documentIndex = index
    } else if documentIDs.ids.count != 1 {
      // Counted by id: a document declared twice is one error, at its second id, not one
      // more at every citation.
      error(
        documents.isEmpty
          ? "evidence cites a paragraph, but the model has no document"
          : "the model has \(documentIDs.ids.count) documents: name the one this evidence cites",
        syntax.paragraph)
      return nil
    }
    // The document's fields are read where they lie: a copy of the document for each of a
    // million citations retained and released each of its ten fields (issue 14).
    // A document whose text could not be read has said so once; its citations are not
    // each wrong as well.
    guard !documents[documentIndex].paragraphs.isEmpty else { return nil }
    guard let number = number(at: syntax.paragraph),
      let paragraph = documents[documentIndex].paragraph(number)
    else {
      error(
        "paragraph \(lexer.string(syntax.paragraph)) is out of range: '\(documents[documentIndex].id)' has paragraphs 1 to \(documents[documentIndex].paragraphs.count)",
        syntax.paragraph)
      return nil
    }
    let quote = syntax.quote
    if quote.content.isEmpty {
      error("the quote is empty", quote.range)
      return nil
    }
    let text = text(of: quote)
    if !UTF8Text.contains(text, in: paragraph) {
      error(
        "quote not found verbatim in paragraph \(number)", quote.range,
        notes: notes(onQuote: text, at: quote, in: paragraph))
      return nil
    }
    return Evidence(document: documentIndex, paragraph: number, quote: text)
  }

  /// The number a paragraph number's digits spell, as `Int(_:)` reads them: nil past
  /// `Int.max`.
  private func number(at range: Range<Int>) -> Int? {
    var value = 0
    for index in range {
      let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowSum) = times.addingReportingOverflow(Int(lexer.bytes[index] - 48))
      if overflowTimes || overflowSum { return nil }
      value = sum
    }
    return range.isEmpty ? nil : value
  }

  /// What a quote not found in its paragraph was meant to be: the passage it matches once
  /// look-alike characters are taken as one, with each character that differs named and
  /// placed (an invisible one cannot be told from the passage shown), or else the stretch
  /// that begins like it.
  private func notes(onQuote text: String, at quote: Lexer.Lexeme, in paragraph: String)
    -> [String]
  {
    if let (passage, differences) = LookAlikes.compare(text, with: paragraph) {
      return ["the paragraph has: \"\(passage)\""]
        + differences.map {
          LookAlikes.note(for: $0, column: column(ofCharacter: $0.offset, in: quote))
        }
    }
    return Self.nearestPassage(to: text, in: paragraph).map { ["the paragraph has: \"\($0)\""] }
      ?? []
  }

  /// The column, as messages count them, of the quote's character `offset` (counted in its
  /// text, escapes undone): a backslash that escapes a character takes a column of its own.
  private func column(ofCharacter offset: Int, in quote: Lexer.Lexeme) -> Int {
    var lineStart = quote.content.lowerBound
    while lineStart > 0, lexer.bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
    var column = lexer.string(lineStart..<quote.content.lowerBound).count + 1
    guard quote.escaped else { return column + offset }
    var characters = 0
    var escaping = false
    for character in lexer.string(quote.content) {
      if character == "\\", !escaping {
        escaping = true
      } else {
        if characters == offset { return column }
        characters += 1
        escaping = false
      }
      column += 1
    }
    return column
  }

  /// The stretch of `paragraph` that begins like a wrong quote.
  static func nearestPassage(to quote: String, in paragraph: String) -> String? {
    let words = quote.split(separator: " ")
    for length in stride(from: min(4, words.count), through: 1, by: -1) {
      let start = words.prefix(length).joined(separator: " ")
      if let range = paragraph.firstRange(of: start) {
        return String(paragraph[range.lowerBound...].prefix(quote.count))
      }
    }
    return nil
  }
}
