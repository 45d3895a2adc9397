/// Parses the model format (`Grammar/model.ebnf`) into `ModelSyntax`. One function per rule;
/// after a syntax error it skips to the next statement, so that a file's errors all show.
struct ModelParser {
  private var tokens: [Token]
  private var position = 0
  private(set) var diagnostics: [Diagnostic] = []

  static let statementKeywords: Set<String> = [
    "document", "kind", "relation", "entity", "set", "fact",
  ]

  /// The syntax of `text` and every syntax error found in it.
  static func parse(_ text: String) -> (ModelSyntax, [Diagnostic]) {
    let tokens: [Token]
    do {
      tokens = try Lexer.tokenize(text)
    } catch {
      return (ModelSyntax(), [error])
    }
    var parser = ModelParser(tokens: tokens)
    let syntax = parser.model()
    return (syntax, parser.diagnostics)
  }

  private init(tokens: [Token]) {
    self.tokens = tokens
  }

  // MARK: helpers

  private var current: Token { tokens[position] }

  private func at(_ keyword: String) -> Bool {
    current.kind == .word && current.folded == keyword
  }

  private var atStatementEnd: Bool {
    current.kind == .end
      || (current.kind == .word && Self.statementKeywords.contains(current.folded))
  }

  private mutating func advance() -> Token {
    let token = current
    if token.kind != .end { position += 1 }
    return token
  }

  private mutating func expect(_ kind: Token.Kind, _ what: String) throws(Diagnostic) -> Spelled {
    guard current.kind == kind else {
      throw Diagnostic("expected \(what), found \(current.description)", at: current.range)
    }
    let token = advance()
    return Spelled(text: kind == .word ? token.folded : token.text, range: token.range)
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
    while current.kind == .word, !atStatementEnd, !Self.relationClauses.contains(current.folded) {
      values.append(try identifier("a kind"))
    }
    return values
  }

  private mutating func unexpectedClause(in statement: String) -> Diagnostic {
    Diagnostic(
      "expected a clause of '\(statement)' or a new statement, found \(current.description)",
      at: current.range)
  }

  private mutating func skipToNextStatement() {
    _ = advance()
    while !atStatementEnd { _ = advance() }
  }

  // MARK: rules

  /// model ::= statement*
  private mutating func model() -> ModelSyntax {
    var syntax = ModelSyntax()
    while current.kind != .end {
      do {
        try statement(into: &syntax)
      } catch {
        diagnostics.append(error)
        skipToNextStatement()
      }
    }
    return syntax
  }

  /// statement ::= document | kind | relation | entity | set | fact
  private mutating func statement(into syntax: inout ModelSyntax) throws(Diagnostic) {
    guard current.kind == .word else {
      throw Diagnostic(
        "expected a statement (document, kind, relation, entity, set or fact), found \(current.description)",
        at: current.range)
    }
    switch current.folded {
    case "document": syntax.documents.append(try document())
    case "kind": syntax.kinds.append(try kind())
    case "relation": syntax.relations.append(try relation())
    case "entity": syntax.entities.append(try entity())
    case "set": syntax.sets.append(try namedSet())
    case "fact": syntax.facts.append(try fact())
    default:
      let suggestions = Suggestions.closest(to: current.text, in: Self.statementKeywords.sorted())
      throw Diagnostic(
        "expected a statement (document, kind, relation, entity, set or fact), found \(current.description)",
        at: current.range, suggestions: suggestions)
    }
  }

  /// document ::= 'document' id document-clause*
  private mutating func document() throws(Diagnostic) -> DocumentSyntax {
    _ = advance()
    var document = DocumentSyntax(id: try identifier())
    while !atStatementEnd {
      let keyword = current.folded
      switch keyword {
      case "title", "author", "publisher", "date", "url", "text":
        _ = advance()
        document.fields[keyword] = try string()
      case "skip":
        _ = advance()
        document.skipped.append(try string().text)
      case "paragraph":
        _ = advance()
        document.paragraphs.append(try string())
      default:
        throw unexpectedClause(in: "document")
      }
    }
    return document
  }

  /// kind ::= 'kind' id 'plural' string
  private mutating func kind() throws(Diagnostic) -> KindSyntax {
    _ = advance()
    let id = try identifier()
    guard at("plural") else {
      throw Diagnostic("expected 'plural', found \(current.description)", at: current.range)
    }
    _ = advance()
    return KindSyntax(id: id, plural: try string())
  }

  static let relationClauses: Set<String> = [
    "present", "past", "base", "passive", "inverse", "also", "symmetric", "office",
    "represents", "subject", "object", "cameo",
  ]

  /// relation ::= 'relation' id string relation-clause*
  private mutating func relation() throws(Diagnostic) -> RelationSyntax {
    _ = advance()
    let id = try identifier()
    let phrase = try string("the relation's phrase")
    var relation = Relation(id: id.text, phrase: phrase.text.lowercased())
    var syntax = RelationSyntax(id: id, relation: relation, phrases: [phrase], kindNames: [])
    while !atStatementEnd {
      let keyword = current.folded
      guard Self.relationClauses.contains(keyword) else { throw unexpectedClause(in: "relation") }
      _ = advance()
      switch keyword {
      case "symmetric": relation.symmetric = true
      case "office": relation.office = true
      case "represents", "subject", "object":
        let kinds = try identifiers()
        syntax.kindNames += kinds
        let names = kinds.map(\.text)
        if keyword == "represents" { relation.represents += names }
        if keyword == "subject" { relation.subjectKinds += names }
        if keyword == "object" { relation.objectKinds += names }
      case "cameo":
        let code = try string("a CAMEO code")
        relation.cameo = code.text
        syntax.cameo = code
      case "also":
        let phrases = try strings()
        syntax.phrases += phrases
        relation.synonyms += phrases.map { $0.text.lowercased() }
      default:
        let form = try string()
        syntax.phrases.append(form)
        let text = form.text.lowercased()
        switch keyword {
        case "present": relation.present = text
        case "past": relation.past = text
        case "base": relation.base = text
        case "passive": relation.passive = text
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
      switch current.folded {
      case "alias":
        _ = advance()
        entity.aliases += try strings()
      case "metonym":
        _ = advance()
        entity.metonyms += try strings()
      case "background":
        _ = advance()
        entity.background.append(try string().text)
      default:
        throw unexpectedClause(in: "entity")
      }
    }
    return entity
  }

  /// set ::= 'set' id string
  private mutating func namedSet() throws(Diagnostic) -> SetSyntax {
    _ = advance()
    let id = try identifier()
    return SetSyntax(id: id, query: try string("the set's query"))
  }

  /// fact ::= 'fact' id id id fact-clause*
  private mutating func fact() throws(Diagnostic) -> FactSyntax {
    _ = advance()
    let subject = try identifier("the subject's id")
    let relation = try identifier("a relation id")
    var fact = FactSyntax(
      subject: subject, relation: relation, object: try identifier("the object's id"))
    while !atStatementEnd {
      let keyword = current.folded
      switch keyword {
      case "at", "in", "to":
        _ = advance()
        fact.qualifiers.append((Qualifier.Key(rawValue: keyword)!, try identifier(), nil))
      case "when", "amount":
        _ = advance()
        fact.qualifiers.append((Qualifier.Key(rawValue: keyword)!, nil, try string().text))
      case "denied":
        _ = advance()
        fact.denied = true
      case "personal":
        _ = advance()
        fact.personal = true
      case "assessment":
        fact.assessment = Spelled(text: keyword, range: advance().range)
      case "scenario":
        _ = advance()
        fact.scenario = try identifier("a scenario's id")
      case "note":
        _ = advance()
        fact.note = try string().text
      case "evidence":
        _ = advance()
        let document = current.kind == .word ? try identifier() : nil
        let paragraph = try expect(.number, "a paragraph number")
        fact.evidence.append((document, paragraph, try string("a quote")))
      default:
        throw unexpectedClause(in: "fact")
      }
    }
    return fact
  }
}
