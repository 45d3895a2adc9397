import Syntax

/// Readers' questions about one subject: yes/no (`did kyrgyzstan cancel unbreakable
/// brotherhood`, `is belarus a member of the csto`), a circumstance (`where did rakhmon
/// criticize russia`, `when`, `how much`), and `what happened at X`. Relation phrases are
/// looked up as everywhere else, so base, present and past forms all read.
extension Parser {
  /// The words that open a yes/no question.
  static let verdictOpeners: Set<String> = [
    "did", "does", "do", "has", "have", "is", "was", "are", "were",
  ]

  /// verdict ::= verdict-do NAME claim | verdict-be NAME ( 'a' | 'an' | 'the' )? claim
  mutating func verdict() throws(Diagnostic) -> Query {
    let copula = ["is", "was", "are", "were"].contains(current.folded)
    if copula { try verdictBe() } else { try verdictDo() }
    let subject = try questionSubject(article: copula)
    if copula, vocabulary.relation(at: words) == nil, at("a") || at("an") || at("the") {
      position += 1
    }
    return .verdict(subject: subject, try claim(copula: copula))
  }

  /// verdict-do ::= 'did' | 'does' | 'do' | 'has' | 'have'
  mutating func verdictDo() throws(Diagnostic) {
    for word in ["did", "does", "do", "has", "have"] where eat(word) { return }
    throw found(
      expected: "'did' (as in: did kyrgyzstan cancel unbreakable brotherhood)",
      candidates: ["did", "does", "has"])
  }

  /// verdict-be ::= 'is' | 'was' | 'are' | 'were'
  mutating func verdictBe() throws(Diagnostic) {
    for word in ["is", "was", "are", "were"] where eat(word) { return }
    throw found(
      expected: "'is' (as in: is belarus a member of the csto)", candidates: ["is", "was"])
  }

  /// claim ::= RELATION target? qualifier*
  ///
  /// After `is`/`was` (`copula`), a relation's past form whose passive is that form and `by`
  /// reads as the passive without its agent: `was kazakhstan invited` asks whether someone
  /// invited Kazakhstan.
  mutating func claim(copula: Bool = false) throws(Diagnostic) -> QualifiedPredicate {
    var passive = false
    if copula, let (reference, length) = vocabulary.relation(at: words), !reference.reversed,
      let (agentive, longer) = vocabulary.relation(at: (Array(words.prefix(length)) + ["by"])[...]),
      agentive.index == reference.index, agentive.reversed, longer == length + 1
    {
      passive = true
    }
    var relation = try self.relation()
    if passive { relation.reversed = true }
    var object: Target?
    if startsTarget { object = try target() }
    return QualifiedPredicate(relation: relation, object: object, qualifiers: try qualifiers())
  }

  /// True when a target may begin here: not a qualifier, a connective or the end.
  private var startsTarget: Bool {
    if at(.leftParen) || at(.string) { return true }
    guard at(.word), !atQualifier else { return false }
    return !["and", "or", "assuming"].contains(current.folded)
  }

  /// wh-question ::= ( 'where' | 'when' | 'how' 'much' ) ( verdict-do | verdict-be ) NAME claim
  mutating func whQuestion() throws(Diagnostic) -> Query {
    let asked: WhQuestion.Asked
    if eat("where") {
      asked = .place
    } else if eat("when") {
      asked = .time
    } else {
      _ = eat("how")
      guard eat("much") else {
        throw found(
          expected: "'much' (as in: how much did the pentagon fund)", candidates: ["much"])
      }
      asked = .amount
    }
    let copula = ["is", "was", "are", "were"].contains(current.folded) && at(.word)
    if copula {
      try verdictBe()
    } else {
      note(.keyword("did"))
      guard at(.word), Self.verdictOpeners.contains(current.folded) else {
        throw found(
          expected: "'did' (as in: \(asked.rawValue) did rakhmon criticize russia)",
          candidates: ["did", "does", "was"])
      }
      try verdictDo()
    }
    let subject = try questionSubject(article: false)
    return .wh(WhQuestion(asked: asked, subject: subject, predicate: try claim(copula: copula)))
  }

  /// happened ::= 'what' 'happened' ( 'at' | 'in' ) target
  mutating func happened() throws(Diagnostic) -> Query {
    _ = eat("what")
    _ = eat("happened")
    for key in ["at", "in"] where eat(key) {
      return .happened(key: key, try target())
    }
    throw found(
      expected: "'at' or 'in' (as in: what happened at the astana summit)",
      candidates: ["at", "in"])
  }

  /// The NAME a question is about: the longest whole name that a relation phrase follows
  /// (after `a`, `an` or `the` when `article`), else the longest name.
  mutating func questionSubject(article: Bool) throws(Diagnostic) -> EntityRef {
    guard at(.word) else { return try name() }
    let available = words
    for length in stride(from: available.count, through: 1, by: -1) {
      var rest = available.dropFirst(length)
      if article, vocabulary.relation(at: rest) == nil, let first = rest.first,
        ["a", "an", "the"].contains(first)
      {
        rest = rest.dropFirst()
      }
      guard vocabulary.relation(at: rest) != nil else { continue }
      let head = available.prefix(length)
      let named = head.first == "the" && length > 1 ? head.dropFirst() : head
      if let (index, matched) = vocabulary.entity(at: named), matched == named.count {
        return EntityRef(index, at: eat(tokens: length))
      }
    }
    return try name()
  }
}
