import ArticleModel
import Syntax

/// Parses the query language (`Grammar/query.ebnf`) by recursive descent, one function per
/// rule (its doc comment is the rule, checked against the grammar file by `GrammarTests`),
/// resolving names against a model's vocabulary as it goes: the tree it builds holds indices
/// and source ranges, not names. It moves through the tokens only by `at`, `peek`, `eat` and
/// `expect` (internal, so that rules may live in extensions in files of their own), and stops
/// at the first error with what was expected, what was found, and up to three suggestions.
public struct Parser {
  /// The deepest nesting of parentheses and `not`s accepted.
  public static let maximumDepth = 100
  /// The longest query text accepted, in UTF-8 bytes.
  public static let maximumLength = 4 * 1024 * 1024

  let vocabulary: Vocabulary
  let tokens: [Token]
  var position = 0
  var depth = 0
  /// Set by `who was` and `which ... were`: the condition's first relation may be a passive
  /// without its agent (`who was invited to ...`).
  var afterCopula = false
  /// What the parser looked for when it met the end of the input, for completion.
  private(set) var expected: Set<Expectation> = []
  /// Whether `expected` is kept: only for completion (`expectations(after:)`). A query's
  /// parse does without, and its start then makes no `Set<Expectation>` (its metadata, made
  /// at run time, cost 0.24M instructions).
  private var collectsExpectations = false

  /// A kind of word that may come next.
  enum Expectation: Hashable {
    case keyword(String)
    case opener
    case relation
    case entity
    case set
    case number
    case document
  }

  /// The statements of `text`, separated by `;`; empty statements are skipped.
  public static func parse(_ text: String, vocabulary: Vocabulary) throws(Diagnostic)
    -> [Statement]
  {
    try parse(text, vocabulary: vocabulary, hinting: true)
  }

  /// The statements of `text`; a syntax error, with `hinting`, notes the nearest query that
  /// parses (`Parser+Hints.swift`).
  static func parse(_ text: String, vocabulary: Vocabulary, hinting: Bool) throws(Diagnostic)
    -> [Statement]
  {
    do {
      var parser = try Parser(text, vocabulary: vocabulary)
      return try parser.script()
    } catch {
      guard hinting else { throw error }
      throw hinted(error, for: text, vocabulary: vocabulary)
    }
  }

  /// What may follow `text`: the expectations met at its end, or none when it is complete
  /// or wrong before its end.
  static func expectations(after text: String, vocabulary: Vocabulary) -> Set<Expectation> {
    guard var parser = try? Parser(text, vocabulary: vocabulary) else { return [] }
    parser.collectsExpectations = true
    do {
      _ = try parser.script()
      return parser.expected
    } catch {
      return parser.tokens[parser.position].kind == .end ? parser.expected : []
    }
  }

  private init(_ text: String, vocabulary: Vocabulary) throws(Diagnostic) {
    guard text.utf8.count <= Self.maximumLength else {
      throw Diagnostic(
        "query is \(text.utf8.count) bytes long; the limit is \(Self.maximumLength)", at: 0..<0)
    }
    self.vocabulary = vocabulary
    tokens = try Lexer.tokenize(text)
  }

  // MARK: helpers

  var current: Token { tokens[position] }

  /// The token `offset` places after the current one (the end token past the end).
  func peek(_ offset: Int = 1) -> Token {
    tokens[min(position + offset, tokens.count - 1)]
  }

  /// True when the current token is the word `word`.
  func at(_ word: String) -> Bool {
    current.kind == .word && current.folded == word
  }

  /// True when the current token is of `kind`.
  func at(_ kind: Token.Kind) -> Bool { current.kind == kind }

  /// The forms of `be` that open a yes/no question or follow `who`, `which` and pairs.
  static let copulas = ["is", "was", "are", "were"]

  /// True when `word` ends a run of unquoted words (a qualifier's text, a time, words read
  /// for their readings): a connective, a clause that follows a query, or a qualifier's key.
  func endsWords(_ word: String) -> Bool {
    ["and", "or", "assuming", "if"].contains(word) || vocabulary.qualifierTakesEntity[word] != nil
  }

  mutating func note(_ expectation: Expectation) {
    if collectsExpectations, current.kind == .end { expected.insert(expectation) }
  }

  /// Takes the word `word` if it comes next.
  mutating func eat(_ word: String) -> Bool {
    note(.keyword(word))
    guard at(word) else { return false }
    position += 1
    return true
  }

  /// Takes a token of `kind` if one comes next.
  mutating func eat(_ kind: Token.Kind) -> Bool {
    guard at(kind) else { return false }
    position += 1
    return true
  }

  /// Takes the next `count` tokens (a name or phrase of that many words, at least one) and
  /// gives their source range.
  mutating func eat(tokens count: Int) -> Range<Int> {
    let start = position
    position = min(position + max(1, count), tokens.count - 1)
    return range(from: start)
  }

  /// Takes a token of `kind`, or fails with "expected ..., found ...".
  mutating func expect(_ kind: Token.Kind) throws(Diagnostic) {
    guard eat(kind) else { throw found(expected: kind.rawValue) }
  }

  /// The folded words from the current token on, up to the first non-word, at most 24: room
  /// for a long name and a long relation phrase after it (`inclusion of iran in the csto
  /// stated readiness to provide military assistance to`, 13 words), which a split between
  /// them must see whole.
  var words: ArraySlice<String> {
    var end = position
    while end < tokens.count, tokens[end].kind == .word || tokens[end].kind == .number,
      end - position < 24
    {
      end += 1
    }
    return tokens[position..<end].map(\.folded)[...]
  }

  /// The source range from the token at `start` to the last token taken.
  func range(from start: Int) -> Range<Int> {
    let last = max(start, position - 1)
    return tokens[start].range.lowerBound..<tokens[last].range.upperBound
  }

  /// "expected X, found Y" at the current token, with suggestions from `candidates`.
  func found(expected what: String, candidates: [String] = []) -> Diagnostic {
    Diagnostic(
      "expected \(what), found \(current.description)", at: current.range,
      suggestions: suggest(from: candidates))
  }

  /// Candidates close to the words at the current position, trying one to three words.
  func suggest(from candidates: [String]) -> [String] {
    guard current.kind == .word || current.kind == .string else { return [] }
    var scored: [String] = []
    let available = current.kind == .string ? [current.folded] : Array(words)
    for length in 1...min(3, max(1, available.count)) {
      let typed = available.prefix(length).joined(separator: " ")
      let sameLength = candidates.filter {
        $0.split(separator: " ").count == length || current.kind == .string
      }
      for suggestion in Suggestions.closest(to: typed, in: sameLength)
      where !scored.contains(suggestion) {
        scored.append(suggestion)
      }
    }
    return Array(scored.prefix(3))
  }

  mutating func nested<T>(_ body: (inout Parser) throws(Diagnostic) -> T)
    throws(Diagnostic) -> T
  {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw Diagnostic(
        "query nested more than \(Self.maximumDepth) levels deep", at: current.range)
    }
    return try body(&self)
  }

  // MARK: rules

  /// script ::= statement? ( ';' statement? )*
  mutating func script() throws(Diagnostic) -> [Statement] {
    var statements: [Statement] = []
    while !at(.end) {
      if eat(.semicolon) { continue }
      statements.append(try statement())
      if !at(.end), !eat(.semicolon) {
        throw found(expected: "';' or the end of the query")
      }
    }
    if statements.isEmpty {
      note(.opener)
      note(.set)
    }
    return statements
  }

  /// statement ::= ( what-if follow-up? | query ) assumptions? '?'?
  mutating func statement() throws(Diagnostic) -> Statement {
    let start = position
    var query = try self.query()
    var assumptions: [Assumption] = []
    if case .whatIf(let assumption) = query, at(.comma) {
      assumptions.append(assumption)
      query = try followUp()
    }
    if atAssumptions { assumptions += try self.assumptions() }
    if !atAssumptions { note(.keyword("assuming")) }
    _ = eat(.question)
    return Statement(query: query, assumptions: assumptions, range: range(from: start))
  }

  /// assumptions ::= ( 'assuming' | 'if' ) assumption ( 'and' assumption )*
  mutating func assumptions() throws(Diagnostic) -> [Assumption] {
    if !eat("assuming"), eat("if"), at(.word) || at(.string) { try expectScenarioOrFact() }
    var assumptions: [Assumption] = []
    repeat {
      assumptions.append(try assumption())
    } while eat("and")
    return assumptions
  }

  /// assumption ::= SCENARIO | NAME RELATION target?
  mutating func assumption() throws(Diagnostic) -> Assumption {
    let start = position
    if at(.string), let index = vocabulary.entity(named: current.text),
      vocabulary.isScenario(index),
      !(peek().kind == .word && vocabulary.startsRelation(peek().folded))
    {
      return .scenario(EntityRef(index, at: eat(tokens: 1)))
    }
    if let (index, length) = entityMatchSkippingThe(), vocabulary.isScenario(index),
      vocabulary.relation(at: words.dropFirst(length)) == nil
    {
      return .scenario(EntityRef(index, at: eat(tokens: length)))
    }
    let subject = try nameBeforeRelation()
    let reference = try relation()
    let object = try assumedObject()
    return Assumption(
      .fact(subject: subject, relation: reference, object: object), range: range(from: start))
  }

  /// query ::= entity-query | who-set | count | how-many | show | facts | why | verdict
  ///            | wh-question | happened | what-if | pairs | connection | listing
  mutating func query() throws(Diagnostic) -> Query {
    note(.opener)
    note(.set)
    switch at(.word) ? current.folded : "" {
    case "what" where atWhatIf: return try whatIf()
    case "who" where atWhoSet: return try whoSet()
    case "who" where atPairs, "what" where atPairs, "which" where atPairs: return try pairs()
    case "count": return try count()
    case "list",
      "show" where atListing:
      return try listing()
    case "show": return try show()
    case "facts": return try facts()
    case "why": return try why()
    case let word where Self.verdictOpeners.contains(word): return try verdict()
    case "where", "when": return try whQuestion()
    case "how"
    where peek().folded == "much" || Self.verdictOpeners.contains(peek(2).folded)
      || atHowManyAmount:
      return try whQuestion()
    case "how" where peek().folded == "many": return try howMany()
    case "how": return try connection()
    case "what" where peek().folded == "happened": return try happened()
    case "what" where ["links", "connects"].contains(peek().folded): return try connection()
    default: return try entityQuery()
    }
  }

  /// entity-query ::= selection | who | what | which
  mutating func entityQuery() throws(Diagnostic) -> Query {
    switch at(.word) ? current.folded : "" {
    case "who": return try who()
    case "what" where atWhatWhich: return try which()
    case "what": return try what()
    case "which": return try which()
    case "count", "show", "facts", "why":
      let start = position
      let opener = current.description
      _ = try query()
      throw Diagnostic(
        "a sub-query here must answer entities (a set, who or what did), not \(opener)",
        at: range(from: start))
    default: return try selection()
    }
  }

  /// selection ::= set ( ( 'where' | 'that' ) condition )?
  mutating func selection() throws(Diagnostic) -> Query {
    let source = try set()
    if eat("where") || eat("that") {
      return .selection(source, try condition())
    }
    if at(.word), !atAssumptions {
      throw found(expected: "'where', 'assuming' or ';'", candidates: ["where", "assuming"])
    }
    return .selection(source, nil)
  }

  /// set ::= SET | related-set | '(' entity-query ')'
  mutating func set() throws(Diagnostic) -> SetSource {
    if eat(.leftParen) {
      let inner = try nested { parser throws(Diagnostic) in try parser.entityQuery() }
      try expect(.rightParen)
      return .query(inner)
    }
    if atRelatedSet { return .query(try relatedSet()) }
    if let (index, length) = setMatchSkippingArticle() {
      return .named(SetRef(index, at: eat(tokens: length)))
    }
    var diagnostic = found(
      expected: "a set or a question",
      candidates: vocabulary.setNames + Vocabulary.openers)
    if at(.word), vocabulary.entity(at: wordsSkippingThe) != nil {
      diagnostic.notes.append("to see what the article says about it, type: show \(current.text)")
    }
    throw diagnostic
  }

  var wordsSkippingThe: ArraySlice<String> {
    let all = words
    return all.first == "the" ? all.dropFirst() : all
  }

  /// who ::= 'who' ( do-support | ( 'is' | 'was' | 'are' | 'were' ) office-holder
  ///            | ( 'is' | 'was' | 'are' | 'were' | 'would' 'be' )? condition )
  mutating func who() throws(Diagnostic) -> Query {
    _ = eat("who")
    noteAuxiliaries()
    if at(.word), Self.copulas.contains(current.folded),
      officeHolderLength(from: 1) != nil
    {
      _ = eat(current.folded)
      return .who(try officeHolder())
    }
    if at("would"), peek().folded == "be" { position += 2 }
    if atAuxiliary, peek().folded != "not" {
      var question = try doSupport()
      question.asking = .who
      return .did(question)
    }
    if at(.word), Self.copulas.contains(current.folded),
      vocabulary.relation(at: words) == nil
    {
      _ = eat(current.folded)
      afterCopula = true
    }
    return .who(try condition())
  }

  /// what ::= 'what' do-support
  mutating func what() throws(Diagnostic) -> Query {
    _ = eat("what")
    noteAuxiliaries()
    guard atAuxiliary else {
      throw found(
        expected: "'did' (as in: what did pelosi visit)",
        candidates: Self.auxiliaries)
    }
    let question = try doSupport()
    if question.negated { return .did(question) }
    if !question.qualifiers.isEmpty {
      return .qualifiedWhat(
        subject: question.subject, relation: question.relation,
        qualifiers: question.qualifiers)
    }
    return .what(subject: question.subject, relation: question.relation)
  }

  /// The subject of `what did` (its `target`): the longest name or set that a relation
  /// phrase follows, so that a name which happens to go on with a verb does not swallow it.
  mutating func whatSubject() throws(Diagnostic) -> Target {
    if at(.leftParen) { return try target() }
    if let length = lengthBeforeRelation(), let index = wholeSet(words.prefix(length)) {
      return .set(SetRef(index, at: eat(tokens: length)))
    }
    if let entity = try? nameBeforeRelation() { return .entity(entity) }
    return try term()
  }

  /// An entity name that a condition follows (`why pelosi visited armenia`): the longest
  /// split of the words into a whole name and the start of a condition, else the longest name.
  mutating func nameBeforeRelation() throws(Diagnostic) -> EntityRef {
    if at(.word), let length = lengthBeforeRelation(orCondition: true) {
      if let index = wholeName(words.prefix(length)) {
        return EntityRef(index, at: eat(tokens: length))
      }
    }
    return try name()
  }

  /// The longest count of words at the current position that make a whole name or set and
  /// are followed by a relation phrase, or an adverb and one (or, with `orCondition`, by `not`
  /// or `(`).
  func lengthBeforeRelation(orCondition: Bool = false) -> Int? {
    let available = words
    guard !available.isEmpty else { return nil }
    for length in stride(from: available.count, through: 1, by: -1) {
      let rest = available.dropFirst(length)
      let adverb = rest.first.map { vocabulary.adverbs[$0] != nil } ?? false
      let follows =
        vocabulary.relation(at: rest) != nil
        || (adverb && vocabulary.relation(at: rest.dropFirst()) != nil)
        || (orCondition
          && (rest.first == "not" || rest.first == "never"
            || (rest.isEmpty && peek(length).kind == .leftParen)))
      guard follows else { continue }
      let head = available.prefix(length)
      if wholeName(head) != nil { return length }
      if wholeSet(head) != nil { return length }
    }
    return nil
  }

  /// count ::= 'count' ( entity-query | facts | pairs )
  mutating func count() throws(Diagnostic) -> Query {
    _ = eat("count")
    if at("facts") { return .count(try facts()) }
    if atPairs { return .count(try pairs()) }
    return .count(try nested { parser throws(Diagnostic) in try parser.entityQuery() })
  }

  /// show ::= 'show' NAME
  mutating func show() throws(Diagnostic) -> Query {
    _ = eat("show")
    return .show(try name())
  }

  /// facts ::= 'facts' ( 'about' target | 'in' 'paragraph' NUMBER ( 'of' DOCUMENT )? | qualifier+ )?
  mutating func facts() throws(Diagnostic) -> Query {
    _ = eat("facts")
    if eat("about") {
      return .facts(.about(try target()))
    }
    // `in` before a number or `paragraph` is a paragraph; otherwise a circumstance.
    if at("in"), peek().folded == "paragraph" || peek(2).kind == .number || !atQualifier {
      _ = eat("in")
      guard eat("paragraph") else {
        throw found(expected: "'paragraph'", candidates: ["paragraph"])
      }
      return .facts(.paragraph(try paragraph()))
    }
    if atQualifier { return .facts(.qualified(try qualifiers())) }
    if at(.word), !atAssumptions {
      throw found(
        expected: "'about', 'in paragraph', a qualifier (as in: facts at the astana summit) or ';'",
        candidates: ["about", "in"] + vocabulary.qualifierKeys)
    }
    for key in vocabulary.qualifierKeys { note(.keyword(key)) }
    return .facts(.all)
  }

  /// A paragraph's NUMBER and, when the model has several documents, `of` and the
  /// DOCUMENT's id: resolved here, so that a paragraph no document has is an error at its
  /// number, and one that several documents have asks which.
  mutating func paragraph() throws(Diagnostic) -> ParagraphRef {
    note(.number)
    guard at(.number), let number = Int(current.text) else {
      throw found(expected: "a paragraph number")
    }
    let numberRange = eat(tokens: 1)
    var document: Int?
    var documentRange: Range<Int>?
    if vocabulary.documentIDs.count > 1 { note(.keyword("of")) }
    if at("of") {
      _ = eat("of")
      note(.document)
      guard at(.word) || at(.number) || at(.string),
        let index = vocabulary.document(id: current.text)
      else {
        throw Diagnostic(
          "unknown document \(current.description): the documents are "
            + vocabulary.documentIDs.joined(separator: ", "), at: current.range,
          suggestions: Suggestions.closest(to: current.text, in: vocabulary.documentIDs))
      }
      document = index
      documentRange = eat(tokens: 1)
    }
    switch vocabulary.paragraph(number, of: document) {
    case .success(let index):
      let whole = numberRange.lowerBound..<(documentRange ?? numberRange).upperBound
      return ParagraphRef(document: index, number: number, at: whole)
    case .failure(let problem):
      throw Diagnostic(problem.message, at: numberRange, notes: problem.notes)
    }
  }

  /// why ::= 'why' 'not'? NAME condition
  mutating func why() throws(Diagnostic) -> Query {
    _ = eat("why")
    let negated = eat("not")
    let entity = try nameBeforeRelation()
    return .why(entity, condition: try condition(), negated: negated)
  }

  /// condition ::= conjunction ( 'or' conjunction )*
  mutating func condition() throws(Diagnostic) -> Condition {
    var parts = [try conjunction()]
    while eat("or") { parts.append(try conjunction()) }
    return parts.count == 1 ? parts[0] : .or(parts)
  }

  /// conjunction ::= negation ( 'and' negation )*
  mutating func conjunction() throws(Diagnostic) -> Condition {
    var parts = [try negation()]
    while eat("and") { parts.append(try negation()) }
    return parts.count == 1 ? parts[0] : .and(parts)
  }

  /// negation ::= ( 'did' | 'does' | 'do' )? 'not' negation | '(' condition ')' | predicate
  mutating func negation() throws(Diagnostic) -> Condition {
    if at(.word), ["did", "does", "do"].contains(current.folded), peek().folded == "not" {
      _ = eat(current.folded)
    }
    if eat("not") {
      return .not(try nested { parser throws(Diagnostic) in try parser.negation() })
    }
    if eat(.leftParen) {
      let inner = try nested { parser throws(Diagnostic) in try parser.condition() }
      try expect(.rightParen)
      return inner
    }
    return try predicate()
  }

  /// predicate ::= ADVERB? RELATION ( target qualifier* | qualifier+ )
  mutating func predicate() throws(Diagnostic) -> Condition {
    let adverb = adverbBeforeRelation()
    let passive = afterCopula && atPassiveWithoutAgent
    afterCopula = false
    var reference = try relation()
    if passive { reference.reversed = true }
    let object = atQualifier ? nil : try target()
    let qualifiers = (adverb.map { [$0] } ?? []) + (try self.qualifiers())
    guard let object, qualifiers.isEmpty else {
      return .qualified(
        QualifiedPredicate(relation: reference, object: object, qualifiers: qualifiers))
    }
    return .predicate(reference, object)
  }

  /// A RELATION: a relation phrase of the model, in any of its forms.
  mutating func relation() throws(Diagnostic) -> RelationRef {
    note(.relation)
    if let (reference, length) = vocabulary.relation(at: words) {
      return RelationRef(reference.index, reversed: reference.reversed, at: eat(tokens: length))
    }
    if atArticle, let (reference, length) = vocabulary.relation(at: words.dropFirst()) {
      return RelationRef(
        reference.index, reversed: reference.reversed, at: eat(tokens: length + 1))
    }
    if atArticle, peek().kind == .word, vocabulary.startsRelation(peek().folded) {
      // `who is the president`: the relation begun after the article is what is missing.
      position += 1
    }
    throw found(expected: "a relation", candidates: Array(vocabulary.relationPhrases))
  }

  /// target ::= term | '(' entity-query ')'
  mutating func target() throws(Diagnostic) -> Target {
    if eat(.leftParen) {
      let inner = try nested { parser throws(Diagnostic) in try parser.entityQuery() }
      try expect(.rightParen)
      return .query(inner)
    }
    return try term()
  }

  /// term ::= NAME | SET
  mutating func term() throws(Diagnostic) -> Target {
    note(.entity)
    note(.set)
    if at(.string) {
      // A quoted name closes the term: `at "events" in armenia` is the set and a place, where
      // unquoted the words read as the alias `events in armenia`.
      if vocabulary.entity(named: current.text) == nil {
        guard let index = vocabulary.set(named: current.text) else {
          throw unknownName(
            candidates: Array(vocabulary.entityNames) + vocabulary.setNames,
            expecting: "a name or a set")
        }
        return .set(SetRef(index, at: eat(tokens: 1)))
      }
      return .entity(try name())
    }
    let set = setMatchSkippingArticle()
    let entity = entityMatchSkippingThe()
    if let (index, length) = set, length >= (entity?.1 ?? 0) {
      return .set(SetRef(index, at: eat(tokens: length)))
    }
    if let (index, length) = entity {
      return .entity(EntityRef(index, at: eat(tokens: length)))
    }
    throw unknownName(
      candidates: Array(vocabulary.entityNames) + vocabulary.setNames, expecting: "a name or a set")
  }

  /// A NAME: the words of an entity's name, alias or metonym, or a quoted name.
  mutating func name() throws(Diagnostic) -> EntityRef {
    note(.entity)
    if at(.string) {
      guard let index = vocabulary.entity(named: current.text) else {
        throw unknownName(candidates: Array(vocabulary.entityNames))
      }
      return EntityRef(index, at: eat(tokens: 1))
    }
    guard let (index, length) = entityMatchSkippingThe() else {
      throw unknownName(candidates: Array(vocabulary.entityNames))
    }
    return EntityRef(index, at: eat(tokens: length))
  }

  /// The entity named at the current position and how many tokens it takes, with a leading
  /// `the` ignored when the name does not itself begin with it.
  func entityMatchSkippingThe() -> (Int, Int)? {
    var plain = vocabulary.entity(at: words)
    if plain == nil, atArticle, let (index, length) = vocabulary.entity(at: words.dropFirst()) {
      plain = (index, length + 1)
    }
    if let possessive = possessive(at: words), possessive.entities.count == 1,
      possessive.length > plain?.1 ?? 0
    {
      return (possessive.entities[0], possessive.length)
    }
    return plain
  }

  func unknownName(candidates: @autoclosure () -> [String], expecting what: String = "a name")
    -> Diagnostic
  {
    guard at(.word) || at(.string) else {
      return found(expected: what)
    }
    if let ambiguity = ambiguousPossessive() ?? unknownPossessive() { return ambiguity }
    if at(.word), Vocabulary.keywords.contains(current.folded) {
      return found(expected: what)
    }
    if at("whom") {
      return found(expected: what).noting(
        "'who R whom' lists the facts of a relation: it is a query of its own, or counted")
    }
    // Completion drops the diagnostic: the candidates (every name, 296,632 strings at a
    // million facts) are not made at each Tab.
    let suggestions = collectsExpectations ? [] : suggest(from: candidates())
    let width = at(.word) ? (suggestions.first?.split(separator: " ").count ?? 1) : 1
    let last = min(position + width - 1, tokens.count - 1)
    let covered = tokens[position...last].allSatisfy { $0.kind == .word || $0.kind == .number }
    let end = covered ? last : position
    let source = tokens[position...end].map(\.text).joined(separator: " ")
    let spelled = at(.string) ? current.description : "'\(source)'"
    return Diagnostic(
      "unknown name \(spelled)", at: current.range.lowerBound..<tokens[end].range.upperBound,
      suggestions: suggestions)
  }
}
