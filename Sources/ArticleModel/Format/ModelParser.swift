import Syntax

/// Parses the model format (`Grammar/model.ebnf`) into `ModelSyntax`. One function per rule;
/// after a syntax error it skips to the next statement, so that a file's errors all show.
///
/// It takes its tokens one at a time from the lexer and tells keywords by their bytes: a model
/// file of a million facts is parsed without an array of tokens or a string per keyword. After
/// a lexical error (an unexpected character, a quote left open) it skips to the next statement
/// too, so that every lexical error of a file shows, and none is followed by errors it caused.
struct ModelParser {
  private var lexer: Lexer
  private var current: Lexer.Lexeme
  /// The keyword the current token spells, in any case; nil for other words and tokens.
  private var keyword: Keyword?
  private(set) var diagnostics: [Diagnostic] = []
  /// The statement that follows a lexical error, held back while the statement the error cut
  /// short sees the end of input: it ends there without taking that statement's words.
  private var resumption: (lexeme: Lexer.Lexeme, keyword: Keyword?)?
  /// The keys of the `qualifier` statements read so far: a fact may use those declared above it.
  private(set) var declaredQualifiers: Set<String> = []
  /// `Keyword.slots`, held here so that the lookup of every word does not go through the
  /// static's lazy initialisation.
  private let keywordSlots = Keyword.slots
  /// The range of the token `advance()` last passed.
  private var previousRange = 0..<0
  /// Given each whole fact as it is parsed, with the syntax read so far; true when it has
  /// taken the fact, which then goes into no array. Once it declines one, it is asked no more.
  private var factTaker: ((FactSyntax, ModelSyntax) -> Bool)?

  static let statementKeywords = Keyword.allCases.filter(\.startsStatement).map(\.rawValue)

  /// The syntax of `text` and every syntax error found in it.
  static func parse(_ text: String) -> (ModelSyntax, [Diagnostic]) {
    Lexer.scanning(text, stringsSpanLines: false) { parse($0) }
  }

  /// The syntax of the text `lexer` reads from its start (a lexer that leaves strings at
  /// their line's end), and every syntax error found in it. The facts' ranges point into the
  /// lexer's bytes.
  static func parse(_ lexer: Lexer) -> (ModelSyntax, [Diagnostic]) {
    var parser = ModelParser(lexer: lexer)
    let syntax = parser.model()
    return (syntax, parser.diagnostics)
  }

  /// A parser of the text `lexer` reads, from `offset` (the start of a statement: another
  /// parser reads the text before it, whose qualifiers `declaredQualifiers` are), handing each
  /// whole fact to `takeFact` until it declines one. `statements(into:before:while:)`
  /// and `takenFacts(before:)` read it a stretch at a time.
  init(
    lexer: Lexer, from offset: Int = 0, declaredQualifiers: Set<String> = [],
    takingFacts takeFact: ((FactSyntax, ModelSyntax) -> Bool)? = nil
  ) {
    self.lexer = lexer
    self.lexer.move(to: offset)
    self.declaredQualifiers = declaredQualifiers
    factTaker = takeFact
    current = Lexer.Lexeme(.end, 0..<0)
    read()
    // A lexical error before the first statement has held it back.
    resume()
  }

  // MARK: helpers

  /// Reads the next token into `current`. A lexical error is reported, and the tokens after
  /// it are skipped up to the next statement, which `resume()` gives back once the statement
  /// the error cut short has ended.
  private mutating func read() {
    var failed = false
    while true {
      do {
        current = try lexer.next()
      } catch {
        diagnostics.append(error)
        lexer.skip(past: error)
        failed = true
        continue
      }
      keyword = current.kind == .word ? keyword(in: current.range) : nil
      guard failed else { return }
      if !atStatementEnd { continue }
      resumption = (current, keyword)
      current = Lexer.Lexeme(.end, current.range.lowerBound..<current.range.lowerBound)
      keyword = nil
      return
    }
  }

  /// The statement held back after a lexical error becomes the current token again; true
  /// when there was one (the statement read before it was cut short).
  @discardableResult
  private mutating func resume() -> Bool {
    guard let (lexeme, word) = resumption else { return false }
    resumption = nil
    current = lexeme
    keyword = word
    return true
  }

  /// The keyword a word spells: by its bytes when it is ASCII, else by its folded text (a
  /// letter outside ASCII may fold to one inside).
  private func keyword(in range: Range<Int>) -> Keyword? {
    guard range.count <= 16 else { return nil }
    // No ASCII keyword is longer than 12 bytes: a longer word (most ids) is one only if it
    // is not ASCII and folds to a keyword.
    if range.count > 12 {
      for index in range where lexer.bytes[index] >= 0x80 {
        return Keyword(rawValue: lexer.folded(range))
      }
      return nil
    }
    guard let start = lexer.bytes.baseAddress, !range.isEmpty else { return nil }
    guard
      let packed = Keyword.Packed(
        start + range.lowerBound, count: range.count,
        readable: lexer.bytes.count - range.lowerBound)
    else { return Keyword(rawValue: lexer.folded(range)) }
    var slot = packed.slot
    while let keyword = keywordSlots[slot].keyword {
      if keywordSlots[slot].packed == packed { return keyword }
      slot = (slot + 1) & 127
    }
    return nil
  }

  /// How a message names the current token: `'wher'`, `"a name"`, `end of input`.
  private var description: String { lexer.token(current).description }

  private var atStatementEnd: Bool {
    current.kind == .end || keyword?.startsStatement == true
  }

  private mutating func advance() -> Lexer.Lexeme {
    let token = current
    previousRange = token.range
    if token.kind != .end { read() }
    return token
  }

  private mutating func expect(_ kind: Token.Kind, _ what: String) throws(Diagnostic) -> Spelled {
    guard current.kind == kind else {
      throw Diagnostic("expected \(what), found \(description)", at: current.range)
    }
    let text = kind == .word ? lexer.folded(current.range) : lexer.text(of: current)
    return Spelled(text: text, range: advance().range)
  }

  /// The current token, which must be of `kind`, by its bytes: a fact's ids and strings
  /// become text only when the checker needs it.
  private mutating func expectLexeme(_ kind: Token.Kind, _ what: String) throws(Diagnostic)
    -> Lexer.Lexeme
  {
    guard current.kind == kind else {
      throw Diagnostic("expected \(what), found \(description)", at: current.range)
    }
    return advance()
  }

  /// One of a fact's three ids, which share the line of its `fact`: a keyword or other token
  /// on a later line means the id is missing, and the error is put where it is missing, after
  /// the id before it, rather than on the line that follows.
  private mutating func factID(_ what: String) throws(Diagnostic) -> Range<Int> {
    if current.kind != .word || keyword != nil, startsLaterLine {
      let end = previousRange.upperBound
      throw Diagnostic(
        "expected \(what) after '\(lexer.string(previousRange))'", at: end..<end,
        notes: ["a fact begins: fact SUBJECT RELATION OBJECT"])
    }
    return try expectLexeme(.word, what).range
  }

  /// True when a line break lies between the token passed last and the current one.
  private var startsLaterLine: Bool {
    let gap = UnsafeBufferPointer(
      rebasing: lexer.bytes[
        previousRange.upperBound..<max(previousRange.upperBound, current.range.lowerBound)])
    return UTF8Text.firstOffset(of: UInt8(ascii: "\n"), in: gap, from: 0) != nil
  }

  private mutating func identifier(_ what: String = "an id") throws(Diagnostic) -> Spelled {
    try expect(.word, what)
  }

  private mutating func string(_ what: String = "a quoted string") throws(Diagnostic) -> Spelled {
    try expect(.string, what)
  }

  private mutating func strings() throws(Diagnostic) -> [Spelled] {
    var values = [try string()]
    while current.kind == .string { values.append(try string()) }
    return values
  }

  private mutating func identifiers() throws(Diagnostic) -> [Spelled] {
    var values = [try identifier("a kind")]
    while current.kind == .word, !atStatementEnd, keyword?.isRelationClause != true {
      values.append(try identifier("a kind"))
    }
    return values
  }

  private mutating func unexpectedClause(in statement: String) -> Diagnostic {
    Diagnostic(
      "expected a clause of '\(statement)' or a new statement, found \(description)",
      at: current.range)
  }

  private mutating func skipToNextStatement() {
    _ = advance()
    while !atStatementEnd { _ = advance() }
  }

  // MARK: rules

  /// model ::= statement* 'end'
  ///
  /// The `end` line tells a whole file from one cut short; nothing may follow it but
  /// comments. Whether a text without it is an error is the loader's choice.
  private mutating func model() -> ModelSyntax {
    var syntax = ModelSyntax()
    statements(into: &syntax)
    return syntax
  }

  /// statement* 'end', up to the first statement that starts at or after `limit`, or whose
  /// keyword `going` refuses: a stretch of the text, which the next call goes on from. A
  /// model text read in stretches (`ModelChecker.loadCheckingFactsAsParsed`) is read
  /// statement for statement as it is read whole.
  mutating func statements(
    into syntax: inout ModelSyntax, before limit: Int = .max,
    while going: (Keyword?) -> Bool = { _ in true }
  ) {
    while current.kind != .end, current.range.lowerBound < limit, going(keyword) {
      if keyword == .end, syntax.end == nil {
        syntax.end = current.range
        _ = advance()
        if current.kind != .end {
          diagnostics.append(
            Diagnostic("nothing may follow 'end', which ends the model", at: current.range))
          repeat {
            while current.kind != .end { _ = advance() }
          } while resume()
        }
        continue
      }
      do {
        try statement(into: &syntax)
      } catch {
        // A statement cut short by a lexical error is missing its end: that error says so.
        if resumption == nil {
          diagnostics.append(error)
          skipToNextStatement()
        }
      }
      resume()
    }
  }

  /// fact*: the facts from where the parser stands, each taken as it is parsed, up to the
  /// first statement that starts at or after `limit`, or before the first that is not a fact
  /// taken whole (another statement, a fact declined, any error). Gives where it stopped: the
  /// start of the statement it left, from which another parser reads on as if it had read
  /// the facts before it itself.
  mutating func takenFacts(before limit: Int) -> Int {
    var syntax = ModelSyntax()
    while current.kind != .end, current.range.lowerBound < limit, keyword == .fact {
      let start = current.range.lowerBound
      do {
        try fact(into: &syntax)
      } catch {
        return start
      }
      guard isClean, factTaker != nil else { return start }
    }
    return position
  }

  /// Where the statement the parser stands at begins; the text's end after its last.
  var position: Int { current.range.lowerBound }

  /// True when the parser stands at a fact.
  var standsAtFact: Bool { keyword == .fact }

  /// True when no error has been found so far, nor one held back.
  var isClean: Bool { diagnostics.isEmpty && resumption == nil }

  /// Reads on from `offset`, the start of a statement, where a parser that read the stretch
  /// before it stopped (`takenFacts(before:)`): that parser read a keyword or the text's end
  /// there, so reading on finds the same, with no error to hold back.
  mutating func move(to offset: Int) {
    lexer.move(to: offset)
    read()
  }

  /// statement ::= document | kind | relation | entity | set | qualifier | fact | noclaim
  private mutating func statement(into syntax: inout ModelSyntax) throws(Diagnostic) {
    guard current.kind == .word else {
      throw Diagnostic(
        "expected a statement (document, kind, relation, entity, set or fact), found \(description)",
        at: current.range)
    }
    switch keyword {
    case .document: syntax.documents.append(try document())
    case .kind: syntax.kinds.append(try kind())
    case .relation: syntax.relations.append(try relation())
    case .entity: syntax.entities.append(try entity())
    case .set: syntax.sets.append(try namedSet())
    case .fact: try fact(into: &syntax)
    case .qualifier: syntax.qualifierDeclarations.append(try qualifier())
    case .noclaim: syntax.noClaims.append(try noclaim())
    default:
      let suggestions = Suggestions.closest(
        to: lexer.text(of: current), in: Self.statementKeywords.sorted())
      throw Diagnostic(
        "expected a statement (document, kind, relation, entity, set or fact), found \(description)",
        at: current.range, suggestions: suggestions)
    }
  }

  /// document ::= 'document' id document-clause*
  private mutating func document() throws(Diagnostic) -> DocumentSyntax {
    _ = advance()
    var document = DocumentSyntax(id: try identifier())
    while !atStatementEnd {
      guard let clause = keyword else { throw unexpectedClause(in: "document") }
      switch clause {
      case .title, .author, .publisher, .date, .url, .text:
        _ = advance()
        document.fields[clause.rawValue] = try string()
      case .skip:
        _ = advance()
        document.skipped.append(try string().text)
      case .paragraph:
        _ = advance()
        document.paragraphs.append(try string())
      default:
        throw unexpectedClause(in: "document")
      }
    }
    return document
  }

  /// kind ::= 'kind' id 'plural' string 'hypothetical'? set-names?
  private mutating func kind() throws(Diagnostic) -> KindSyntax {
    _ = advance()
    let id = try identifier()
    guard keyword == .plural else {
      throw Diagnostic("expected 'plural', found \(description)", at: current.range)
    }
    _ = advance()
    var kind = KindSyntax(id: id, plural: try string())
    if keyword == .hypothetical {
      kind.isScenario = true
      _ = advance()
    }
    kind.aliases = try setNames()
    return kind
  }

  /// relation ::= 'relation' id string relation-clause*
  private mutating func relation() throws(Diagnostic) -> RelationSyntax {
    _ = advance()
    let id = try identifier()
    let phrase = try string("the relation's phrase")
    var relation = Relation(id: id.text, phrase: phrase.text.lowercased())
    var syntax = RelationSyntax(id: id, relation: relation, phrases: [phrase], kindNames: [])
    while !atStatementEnd {
      guard let keyword, keyword.isRelationClause else { throw unexpectedClause(in: "relation") }
      _ = advance()
      switch keyword {
      case .symmetric: relation.symmetric = true
      case .office: relation.office = true
      case .reflexive:
        relation.reflexive = true
        syntax.reflexive = previousRange
      case .personal: relation.personal = true
      case .represents, .subject, .object:
        let kinds = try identifiers()
        syntax.kindNames += kinds
        let names = kinds.map(\.text)
        if keyword == .represents { relation.represents += names }
        if keyword == .subject { relation.subjectKinds += names }
        if keyword == .object { relation.objectKinds += names }
      case .cameo:
        let code = try string("a CAMEO code")
        relation.cameo = code.text
        syntax.cameo = code
      case .also:
        let phrases = try strings()
        syntax.phrases += phrases
        relation.synonyms += phrases.map { $0.text.lowercased() }
      default:
        let form = try string()
        syntax.phrases.append(form)
        let text = form.text.lowercased()
        switch keyword {
        case .present: relation.present = text
        case .past: relation.past = text
        case .base: relation.base = text
        case .passive: relation.passive = text
        default: relation.inverse = text
        }
      }
    }
    syntax.relation = relation
    return syntax
  }

  /// entity ::= 'entity' id string id entity-clause*
  private mutating func entity() throws(Diagnostic) -> EntitySyntax {
    _ = advance()
    let id = try identifier()
    let name = try string("the entity's display name")
    var entity = EntitySyntax(id: id, name: name, kind: try identifier("a kind"))
    while !atStatementEnd {
      switch keyword {
      case .alias:
        _ = advance()
        entity.aliases += try strings()
      case .metonym:
        _ = advance()
        entity.metonyms += try strings()
      case .background:
        _ = advance()
        entity.background.append(try string().text)
      default:
        throw unexpectedClause(in: "entity")
      }
    }
    return entity
  }

  /// set ::= 'set' id string set-names?
  private mutating func namedSet() throws(Diagnostic) -> SetSyntax {
    _ = advance()
    let id = try identifier()
    let query = try string("the set's query")
    return SetSyntax(id: id, query: query, aliases: try setNames())
  }

  /// set-names ::= 'also' string+
  private mutating func setNames() throws(Diagnostic) -> [Spelled] {
    guard keyword == .also else { return [] }
    _ = advance()
    return try strings()
  }

  /// qualifier ::= 'qualifier' id ( 'id' | 'string' ) string?
  private mutating func qualifier() throws(Diagnostic) -> QualifierDeclarationSyntax {
    _ = advance()
    let key = try identifier("the qualifier's key")
    if Keyword(rawValue: key.text) != nil {
      throw Diagnostic(
        "'\(key.text)' is a keyword of the model format, not a qualifier's key", at: key.range)
    }
    let type = try identifier("'id' or 'string'")
    guard type.text == "id" || type.text == "string" else {
      throw Diagnostic("expected 'id' or 'string', found '\(type.text)'", at: type.range)
    }
    declaredQualifiers.insert(key.text)
    let meaning = current.kind == .string ? try string() : nil
    return QualifierDeclarationSyntax(key: key, takesEntity: type.text == "id", meaning: meaning)
  }

  /// noclaim ::= 'noclaim' id? number string 'reason' string
  private mutating func noclaim() throws(Diagnostic) -> NoClaimSyntax {
    _ = advance()
    let evidence = try citation()
    guard keyword == .reason else {
      throw Diagnostic("expected 'reason', found \(description)", at: current.range)
    }
    _ = advance()
    return NoClaimSyntax(evidence: evidence, reason: try string("the reason"))
  }

  /// A paragraph cited: id? number string, as `evidence` and `noclaim` write it.
  private mutating func citation() throws(Diagnostic) -> EvidenceSyntax {
    let document =
      current.kind == .word ? try expectLexeme(.word, "an id").range : nil
    let paragraph = try expectLexeme(.number, "a paragraph number").range
    let quote = try expectLexeme(.string, "a quote")
    return EvidenceSyntax(document: document, paragraph: paragraph, quote: quote)
  }

  /// fact ::= 'fact' id id id fact-clause*
  ///
  /// The fact goes into `syntax` when it is whole: its qualifiers and evidence are appended
  /// to the shared arrays as they come, and a fact left by a syntax error leaves them unused.
  private mutating func fact(into syntax: inout ModelSyntax) throws(Diagnostic) {
    _ = advance()
    let subject = try factID("the subject's id")
    let relation = try factID("a relation id")
    var fact = FactSyntax(
      subject: subject, relation: relation, object: try factID("the object's id"))
    let firstQualifier = syntax.qualifiers.count
    let firstEvidence = syntax.evidence.count
    while !atStatementEnd {
      guard let clause = keyword else {
        let key = current.kind == .word ? lexer.folded(current.range) : ""
        guard declaredQualifiers.contains(key) else {
          throw unexpectedClause(in: "fact")
        }
        _ = advance()
        let value = current
        guard value.kind == .word || value.kind == .string else {
          throw Diagnostic(
            "expected an id or a quoted string, found \(description)", at: value.range)
        }
        _ = advance()
        syntax.qualifiers.append(
          QualifierSyntax(
            key: Qualifier.Key(rawValue: key), entity: value.kind == .word ? value.range : nil,
            text: value.kind == .string ? value : nil))
        continue
      }
      switch clause {
      case .at, .in, .to:
        _ = advance()
        let entity = try expectLexeme(.word, "an id").range
        syntax.qualifiers.append(
          QualifierSyntax(key: Qualifier.Key(rawValue: clause.rawValue), entity: entity))
      case .when, .amount:
        _ = advance()
        let text = try expectLexeme(.string, "a quoted string")
        syntax.qualifiers.append(
          QualifierSyntax(key: Qualifier.Key(rawValue: clause.rawValue), text: text))
      case .denied:
        _ = advance()
        fact.denied = true
      case .personal:
        _ = advance()
        fact.personal = true
      case .assessment:
        fact.assessment = advance().range
      case .scenario:
        _ = advance()
        fact.scenario = try expectLexeme(.word, "a scenario's id").range
      case .note:
        _ = advance()
        fact.note = try expectLexeme(.string, "a quoted string")
      case .evidence:
        _ = advance()
        syntax.evidence.append(try citation())
      default:
        throw unexpectedClause(in: "fact")
      }
    }
    // A fact cut short by a lexical error is left out: its missing evidence is no news.
    guard resumption == nil else { return }
    fact.qualifiers = firstQualifier..<syntax.qualifiers.count
    fact.evidence = firstEvidence..<syntax.evidence.count
    if let factTaker {
      if factTaker(fact, syntax) {
        syntax.qualifiers.removeSubrange(firstQualifier...)
        syntax.evidence.removeSubrange(firstEvidence...)
        return
      }
      self.factTaker = nil
    }
    syntax.facts.append(fact)
  }
}
