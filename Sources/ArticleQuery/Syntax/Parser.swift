import ArticleModel
import Syntax

/// Parses the query language (`Grammar/query.ebnf`) by recursive descent, one function per
/// rule, resolving names against a model's vocabulary as it goes. It stops at the first error
/// with what was expected, what was found, and up to three suggestions.
public struct Parser {
  /// The deepest nesting of parentheses and `not`s accepted.
  public static let maximumDepth = 100
  /// The longest query text accepted, in UTF-8 bytes.
  public static let maximumLength = 4 * 1024 * 1024

  private let vocabulary: Vocabulary
  private let tokens: [Token]
  private var position = 0
  private var depth = 0
  /// What the parser looked for when it met the end of the input, for completion.
  private(set) var expected: Set<Expectation> = []

  /// A kind of word that may come next.
  enum Expectation: Hashable {
    case keyword(String)
    case opener
    case relation
    case entity
    case set
    case number
  }

  /// The statements of `text`, separated by `;`; empty statements are skipped.
  public static func parse(_ text: String, vocabulary: Vocabulary) throws(Diagnostic)
    -> [Statement]
  {
    var parser = try Parser(text, vocabulary: vocabulary)
    return try parser.script()
  }

  /// The statements of `text` with the source range of each.
  static func parseWithRanges(_ text: String, vocabulary: Vocabulary) throws(Diagnostic)
    -> [(Statement, Range<Int>)]
  {
    var parser = try Parser(text, vocabulary: vocabulary)
    return try parser.scriptWithRanges()
  }

  /// What may follow `text`: the expectations met at its end, or none when it is complete
  /// or wrong before its end.
  static func expectations(after text: String, vocabulary: Vocabulary) -> Set<Expectation> {
    guard var parser = try? Parser(text, vocabulary: vocabulary) else { return [] }
    do {
      _ = try parser.scriptWithRanges()
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

  private var current: Token { tokens[position] }

  private func at(_ word: String) -> Bool {
    current.kind == .word && current.folded == word
  }

  private mutating func note(_ expectation: Expectation) {
    if current.kind == .end { expected.insert(expectation) }
  }

  private mutating func eat(_ word: String) -> Bool {
    note(.keyword(word))
    guard at(word) else { return false }
    position += 1
    return true
  }

  private mutating func eat(_ kind: Token.Kind) -> Bool {
    guard current.kind == kind else { return false }
    position += 1
    return true
  }

  private mutating func expect(_ kind: Token.Kind) throws(Diagnostic) {
    guard eat(kind) else { throw found(expected: kind.rawValue) }
  }

  /// The folded words from the current token on, up to the first non-word.
  private var words: ArraySlice<String> {
    var end = position
    while end < tokens.count, tokens[end].kind == .word || tokens[end].kind == .number,
      end - position < 12
    {
      end += 1
    }
    return tokens[position..<end].map(\.folded)[...]
  }

  private func range(from start: Int) -> Range<Int> {
    let last = max(start, position - 1)
    return tokens[start].range.lowerBound..<tokens[last].range.upperBound
  }

  /// "expected X, found Y" at the current token, with suggestions from `candidates`.
  private func found(expected what: String, candidates: [String] = []) -> Diagnostic {
    Diagnostic(
      "expected \(what), found \(current.description)", at: current.range,
      suggestions: suggest(from: candidates))
  }

  /// Candidates close to the words at the current position, trying one to three words.
  private func suggest(from candidates: [String]) -> [String] {
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

  private mutating func nested<T>(_ body: (inout Parser) throws(Diagnostic) -> T)
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
  private mutating func script() throws(Diagnostic) -> [Statement] {
    try scriptWithRanges().map(\.0)
  }

  private mutating func scriptWithRanges() throws(Diagnostic) -> [(Statement, Range<Int>)] {
    var statements: [(Statement, Range<Int>)] = []
    while current.kind != .end {
      if eat(.semicolon) { continue }
      let start = position
      let parsed = try statement()
      statements.append((parsed, range(from: start)))
      if current.kind != .end, !eat(.semicolon) {
        throw found(expected: "';' or the end of the query")
      }
    }
    if statements.isEmpty {
      note(.opener)
      note(.set)
    }
    return statements
  }

  /// statement ::= query ( 'assuming' assumption ( 'and' assumption )* )? '?'?
  private mutating func statement() throws(Diagnostic) -> Statement {
    let query = try self.query()
    var assumptions: [Assumption] = []
    if eat("assuming") {
      repeat {
        assumptions.append(try assumption())
      } while eat("and")
    }
    _ = eat(.question)
    return Statement(query: query, assumptions: assumptions)
  }

  /// query ::= count | show | facts | why | who | what | selection
  private mutating func query() throws(Diagnostic) -> Query {
    note(.opener)
    note(.set)
    switch current.kind == .word ? current.folded : "" {
    case "count":
      position += 1
      if at("facts") { return .count(try facts()) }
      return .count(try nested { parser throws(Diagnostic) in try parser.entityQuery() })
    case "show":
      position += 1
      return .show(entity: try entityName())
    case "facts": return try facts()
    case "why": return try why()
    case "who": return try who()
    case "what": return try what()
    default: return try selection()
    }
  }

  /// entity-query ::= selection | who | what
  private mutating func entityQuery() throws(Diagnostic) -> Query {
    let start = position
    let parsed = try query()
    switch parsed {
    case .selection, .who, .what: return parsed
    default:
      throw Diagnostic(
        "a sub-query here must answer entities (a set, who or what did), not \(tokens[start].description)",
        at: range(from: start))
    }
  }

  /// selection ::= set ( 'where' condition )?
  private mutating func selection() throws(Diagnostic) -> Query {
    let source = try setSource()
    if eat("where") {
      return .selection(source, try condition())
    }
    if current.kind == .word, !at("assuming") {
      throw found(expected: "'where', 'assuming' or ';'", candidates: ["where", "assuming"])
    }
    note(.keyword("assuming"))
    return .selection(source, nil)
  }

  /// set ::= set-name | '(' query ')'
  private mutating func setSource() throws(Diagnostic) -> SetSource {
    if eat(.leftParen) {
      let inner = try nested { parser throws(Diagnostic) in try parser.entityQuery() }
      try expect(.rightParen)
      return .query(inner)
    }
    if let (name, length) = vocabulary.set(at: words) {
      position += length
      return .named(name)
    }
    var diagnostic = found(
      expected: "a set or a question",
      candidates: vocabulary.setNames + Vocabulary.openers)
    if current.kind == .word, let (entity, _) = vocabulary.entity(at: wordsSkippingThe) {
      _ = entity
      diagnostic.notes.append("to see what the article says about it, type: show \(current.text)")
    }
    throw diagnostic
  }

  private var wordsSkippingThe: ArraySlice<String> {
    let all = words
    return all.first == "the" ? all.dropFirst() : all
  }

  /// who ::= 'who' ( 'is' | 'was' | 'are' | 'were' )? condition
  private mutating func who() throws(Diagnostic) -> Query {
    position += 1
    if ["is", "was", "are", "were"].contains(current.folded), current.kind == .word,
      vocabulary.relation(at: words) == nil
    {
      position += 1
    }
    return .who(try condition())
  }

  /// what ::= 'what' ( 'did' | 'does' ) target relation
  private mutating func what() throws(Diagnostic) -> Query {
    position += 1
    guard eat("did") || eat("does") else {
      throw found(expected: "'did' (as in: what did pelosi visit)", candidates: ["did", "does"])
    }
    let subject = try whatSubject()
    return .what(subject: subject, relation: try relation())
  }

  /// show ::= 'show' name   (the name is read by entityName)
  /// The subject of `what did`: the longest name or set that a relation phrase follows, so
  /// that a name which happens to go on with a verb does not swallow it.
  private mutating func whatSubject() throws(Diagnostic) -> Target {
    if current.kind == .leftParen { return try target() }
    if let length = lengthBeforeRelation(), let (name, matched) = vocabulary.set(at: words),
      matched == length
    {
      position += length
      return .set(name)
    }
    if let id = try? nameBeforeRelation() { return .entity(id) }
    return try term()
  }

  /// An entity name that a condition follows (`why pelosi visited armenia`): the longest
  /// split of the words into a whole name and the start of a condition, else the longest name.
  private mutating func nameBeforeRelation() throws(Diagnostic) -> String {
    if current.kind == .word, let length = lengthBeforeRelation(orCondition: true) {
      let head = words.prefix(length)
      let named = head.first == "the" && length > 1 ? head.dropFirst() : head
      if let (index, matched) = vocabulary.entity(at: named), matched == named.count {
        position += length
        return vocabulary.entityID(index)
      }
    }
    return try entityName()
  }

  /// The longest count of words at the current position that make a whole name or set and
  /// are followed by a relation phrase (or, with `orCondition`, by `not` or `(`).
  private func lengthBeforeRelation(orCondition: Bool = false) -> Int? {
    let available = words
    guard !available.isEmpty else { return nil }
    for length in stride(from: available.count, through: 1, by: -1) {
      let rest = available.dropFirst(length)
      let follows =
        vocabulary.relation(at: rest) != nil
        || (orCondition
          && (rest.first == "not"
            || (rest.isEmpty && tokens[position + length].kind == .leftParen)))
      guard follows else { continue }
      let head = available.prefix(length)
      let named = head.first == "the" && length > 1 ? head.dropFirst() : head
      if let (_, matched) = vocabulary.entity(at: named), matched == named.count { return length }
      if let (_, matched) = vocabulary.set(at: head), matched == length { return length }
    }
    return nil
  }

  /// facts ::= 'facts' ( 'about' target | 'in' 'paragraph' number )?
  private mutating func facts() throws(Diagnostic) -> Query {
    position += 1
    if eat("about") {
      return .facts(.about(try target()))
    }
    if eat("in") {
      guard eat("paragraph") else {
        throw found(expected: "'paragraph'", candidates: ["paragraph"])
      }
      note(.number)
      guard current.kind == .number, let number = Int(current.text) else {
        throw found(expected: "a paragraph number")
      }
      position += 1
      return .facts(.paragraph(number))
    }
    if current.kind == .word, !at("assuming") {
      throw found(expected: "'about', 'in paragraph' or ';'", candidates: ["about", "in"])
    }
    return .facts(.all)
  }

  /// why ::= 'why' 'not'? name condition
  private mutating func why() throws(Diagnostic) -> Query {
    position += 1
    let negated = eat("not")
    let entity = try nameBeforeRelation()
    return .why(entity: entity, condition: try condition(), negated: negated)
  }

  /// condition ::= conjunction ( 'or' conjunction )*
  private mutating func condition() throws(Diagnostic) -> Condition {
    var parts = [try conjunction()]
    while eat("or") { parts.append(try conjunction()) }
    return parts.count == 1 ? parts[0] : .or(parts)
  }

  /// conjunction ::= negation ( 'and' negation )*
  private mutating func conjunction() throws(Diagnostic) -> Condition {
    var parts = [try negation()]
    while eat("and") { parts.append(try negation()) }
    return parts.count == 1 ? parts[0] : .and(parts)
  }

  /// negation ::= 'not' negation | '(' condition ')' | predicate
  private mutating func negation() throws(Diagnostic) -> Condition {
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

  /// predicate ::= relation target
  private mutating func predicate() throws(Diagnostic) -> Condition {
    let reference = try relation()
    return .predicate(reference, try target())
  }

  /// relation ::= a relation phrase of the model, in any of its forms
  private mutating func relation() throws(Diagnostic) -> RelationRef {
    note(.relation)
    if let (reference, length) = vocabulary.relation(at: words) {
      position += length
      return reference
    }
    throw found(expected: "a relation", candidates: vocabulary.relationPhrases)
  }

  /// target ::= '(' query ')' | term
  private mutating func target() throws(Diagnostic) -> Target {
    if eat(.leftParen) {
      let inner = try nested { parser throws(Diagnostic) in try parser.entityQuery() }
      try expect(.rightParen)
      return .query(inner)
    }
    return try term()
  }

  /// term ::= name | set-name
  private mutating func term() throws(Diagnostic) -> Target {
    note(.entity)
    note(.set)
    if current.kind == .string {
      return .entity(try entityName())
    }
    let set = vocabulary.set(at: words)
    let entity = entityMatch()
    if let (name, length) = set, length >= (entity?.length ?? 0) {
      position += length
      return .set(name)
    }
    if let entity {
      position += entity.length
      return .entity(entity.id)
    }
    throw unknownName(
      candidates: vocabulary.entityNames + vocabulary.setNames, expecting: "a name or a set")
  }

  /// name ::= the words of an entity's name, alias or metonym, or a quoted name
  private mutating func entityName() throws(Diagnostic) -> String {
    note(.entity)
    if current.kind == .string {
      guard let index = vocabulary.entity(named: current.text) else {
        throw unknownName(candidates: vocabulary.entityNames)
      }
      position += 1
      return vocabulary.entityID(index)
    }
    guard let entity = entityMatch() else {
      throw unknownName(candidates: vocabulary.entityNames)
    }
    position += entity.length
    return entity.id
  }

  /// The entity named at the current position, with a leading `the` ignored when the name
  /// does not itself begin with it.
  private func entityMatch() -> (id: String, length: Int)? {
    entityMatchSkippingThe().map { (vocabulary.entityID($0.0), $0.1) }
  }

  private func entityMatchSkippingThe() -> (Int, Int)? {
    if let match = vocabulary.entity(at: words) { return match }
    if at("the"), let (index, length) = vocabulary.entity(at: words.dropFirst()) {
      return (index, length + 1)
    }
    return nil
  }

  private func unknownName(candidates: [String], expecting what: String = "a name")
    -> Diagnostic
  {
    guard current.kind == .word || current.kind == .string else {
      return found(expected: what)
    }
    if current.kind == .word, Vocabulary.keywords.contains(current.folded) {
      return found(expected: what)
    }
    let suggestions = suggest(from: candidates)
    let width = current.kind == .word ? (suggestions.first?.split(separator: " ").count ?? 1) : 1
    let last = min(position + width - 1, tokens.count - 1)
    let covered = tokens[position...last].allSatisfy { $0.kind == .word || $0.kind == .number }
    let end = covered ? last : position
    let source = tokens[position...end].map(\.text).joined(separator: " ")
    let spelled = current.kind == .string ? current.description : "'\(source)'"
    return Diagnostic(
      "unknown name \(spelled)", at: current.range.lowerBound..<tokens[end].range.upperBound,
      suggestions: suggestions)
  }

  /// assumption ::= name | name relation target
  private mutating func assumption() throws(Diagnostic) -> Assumption {
    if let (index, length) = entityMatchSkippingThe(),
      vocabulary.isScenario(vocabulary.entityID(index)),
      vocabulary.relation(at: words.dropFirst(length)) == nil
    {
      position += length
      return .scenario(vocabulary.entityID(index))
    }
    let subject = try nameBeforeRelation()
    let reference = try relation()
    return .fact(subject: subject, relation: reference, object: try target())
  }
}
