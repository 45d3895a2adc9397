import Syntax

/// Readers' questions about one subject: yes/no (`did kyrgyzstan cancel unbreakable
/// brotherhood`, `is belarus a member of the csto`), a circumstance (`where did rakhmon
/// criticize russia`, `when`, `how much`), and `what happened at X`. Relation phrases are
/// looked up as everywhere else, so base, present and past forms all read.
extension Parser {
  /// The words that open a yes/no question.
  static let verdictOpeners: Set<String> = [
    "did", "does", "do", "has", "have", "is", "was", "are", "were", "would", "could",
  ]

  /// verdict ::= verdict-do NAME claim | verdict-be NAME ( 'a' | 'an' | 'the' )? claim
  mutating func verdict() throws(Diagnostic) -> Query {
    let copula = Self.copulas.contains(current.folded)
    if copula { try verdictBe() } else { try verdictDo() }
    let subject = try questionSubject(article: copula)
    if copula, vocabulary.relation(at: words) == nil, at("a") || at("an") || at("the") {
      position += 1
    }
    return .verdict(subject: subject, try claim(copula: copula))
  }

  /// verdict-do ::= 'did' | 'does' | 'do' | 'has' | 'have' | 'would' | 'could'
  mutating func verdictDo() throws(Diagnostic) {
    for word in ["did", "does", "do", "has", "have", "would", "could"] where eat(word) { return }
    throw found(
      expected: "'did' (as in: did kyrgyzstan cancel unbreakable brotherhood)",
      candidates: ["did", "does", "has"])
  }

  /// verdict-be ::= 'is' | 'was' | 'are' | 'were'
  mutating func verdictBe() throws(Diagnostic) {
    for word in Self.copulas where eat(word) { return }
    throw found(
      expected: "'is' (as in: is belarus a member of the csto)", candidates: ["is", "was"])
  }

  /// claim ::= 'ever'? ADVERB? RELATION target? qualifier*
  ///
  /// `ever` (`has the us ever promised ...`) asks nothing more. An ADVERB is a one-word value of a qualifier the model declares (`openly`), read as that
  /// qualifier (`manner openly`). After `is`/`was` (`copula`) the relation may be a passive
  /// without its agent (see `relation(afterCopula:)`).
  mutating func claim(copula: Bool = false) throws(Diagnostic) -> QualifiedPredicate {
    if at("ever"), vocabulary.relation(at: words) == nil { _ = eat("ever") }
    var adverb: QualifierCondition?
    if at(.word), let key = vocabulary.adverbs[current.folded],
      vocabulary.relation(at: words) == nil, vocabulary.relation(at: words.dropFirst()) != nil
    {
      let word = current.folded
      adverb = QualifierCondition(key: key, value: .words([word]), range: eat(tokens: 1))
    }
    let relation = try self.relation(afterCopula: copula)
    var object: Target?
    if startsTarget { object = try target() }
    let qualifiers = try self.qualifiers()
    return QualifiedPredicate(
      relation: relation, object: object, qualifiers: (adverb.map { [$0] } ?? []) + qualifiers)
  }

  /// A RELATION, which after `is`/`was` (`copula`) may be a passive without its agent: a
  /// form that with `by` after it is the relation's passive (`was kazakhstan invited` asks
  /// whether someone invited Kazakhstan). A question may leave off the phrase's last
  /// preposition as it ends (`relationMissingItsPreposition`).
  mutating func relation(afterCopula copula: Bool) throws(Diagnostic) -> RelationRef {
    let passive = copula && atPassiveWithoutAgent
    var relation: RelationRef
    if let shortened = relationMissingItsPreposition() {
      relation = shortened
    } else {
      relation = try self.relation()
    }
    if passive { relation.reversed = true }
    return relation
  }

  /// True when a relation form comes next that with `by` after it is the same relation's
  /// passive (`invited`, whose passive is `invited by`): after `is`/`was` it is that passive.
  var atPassiveWithoutAgent: Bool {
    guard let (reference, length) = vocabulary.relation(at: words), !reference.reversed,
      let (agentive, longer) = vocabulary.relation(at: (Array(words.prefix(length)) + ["by"])[...])
    else { return false }
    return agentive.index == reference.index && agentive.reversed && longer == length + 1
  }

  /// A relation phrase whose last word, a preposition, the question leaves off as it ends
  /// (`where was unbreakable brotherhood supposed to take place` for `supposed to take place
  /// in`): the words up to the end of the statement and the preposition make the phrase, and
  /// the words alone make no relation that takes them all.
  private mutating func relationMissingItsPreposition() -> RelationRef? {
    let available = words.prefix { !Self.assumptionOpeners.contains($0) }
    guard !available.isEmpty, peek(available.count).kind != .word,
      (vocabulary.relation(at: available)?.1 ?? 0) < available.count
    else { return nil }
    for preposition in ["in", "to", "from", "at", "with", "on", "of"] {
      let phrase = (Array(available) + [preposition])[...]
      if let (reference, length) = vocabulary.relation(at: phrase), length == phrase.count {
        return RelationRef(
          reference.index, reversed: reference.reversed, at: eat(tokens: available.count))
      }
    }
    return nil
  }

  /// True when a target may begin here: not a qualifier, a connective or the end.
  private var startsTarget: Bool {
    if at(.leftParen) || at(.string) { return true }
    guard at(.word), !atQualifier else { return false }
    return !endsWords(current.folded)
  }

  /// wh-question ::= ( 'where' | 'when' | 'how' ( 'much' | 'many' ) MEASURE? ) ( verdict-do | verdict-be ) NAME claim
  mutating func whQuestion() throws(Diagnostic) -> Query {
    let asked: WhQuestion.Asked
    if eat("where") {
      asked = .place
    } else if eat("when") {
      asked = .time
    } else {
      _ = eat("how")
      guard eat("much") || eat("many") else {
        throw found(
          expected: "'much' (as in: how much did the pentagon fund)", candidates: ["much"])
      }
      skipMeasure()
      asked = .amount
    }
    let copula = Self.copulas.contains(current.folded) && at(.word)
    if copula {
      try verdictBe()
    } else {
      note(.keyword("did"))
      guard at(.word), Self.verdictOpeners.contains(current.folded) else {
        throw found(
          expected: "'did' (as in: \(Self.example(asked)))",
          candidates: ["did", "does", "was"])
      }
      try verdictDo()
    }
    let subject = try questionSubject(article: false)
    return .wh(WhQuestion(asked: asked, subject: subject, predicate: try claim(copula: copula)))
  }

  /// happened ::= 'what' 'happened' ( ( 'at' | 'in' | 'to' | 'with' | 'during' ) target | 'between' NAME 'and' target | 'in' TIME ) qualifier*
  ///
  /// `in TIME` (`what happened in mid-september`) lists the facts of that time, as `facts when`
  /// does.
  mutating func happened() throws(Diagnostic) -> Query {
    _ = eat("what")
    _ = eat("happened")
    if let time = try timeAfterIn() {
      return .facts(.qualified([time] + (try qualifiers())))
    }
    if eat("between") {
      let first = try name()
      guard eat("and") else {
        throw found(expected: "'and' (as in: what happened between kyrgyzstan and tajikistan)")
      }
      let second = try target()
      return .happened(key: "between", second, between: first, qualifiers: try qualifiers())
    }
    for key in ["at", "in", "to", "with", "during"] where eat(key) {
      let place = try target()
      return .happened(key: key, place, between: nil, qualifiers: try qualifiers())
    }
    throw found(
      expected: "'at', 'in' or 'between' (as in: what happened at the astana summit)",
      candidates: ["at", "in", "to", "with", "during", "between"])
  }

  /// A question of each kind, from the article, for hints.
  static func example(_ asked: WhQuestion.Asked) -> String {
    switch asked {
    case .place: "where did rakhmon criticize russia"
    case .time: "when did pelosi visit armenia"
    case .amount: "how much did the pentagon spend"
    }
  }

  /// The NAME a question is about: the longest whole name that a relation phrase follows
  /// (after `a`, `an` or `the` when `article`), else the longest name. A set there is an
  /// error whose note is the selection that asks it of each member.
  mutating func questionSubject(article: Bool) throws(Diagnostic) -> EntityRef {
    let the = at("the") ? 1 : 0
    if at(.word), vocabulary.entity(at: wordsSkippingThe) == nil,
      let (set, named) = vocabulary.set(at: words.dropFirst(the))
    {
      let length = named + the
      var rest = tokens[(position + length)...].prefix { $0.kind != .end && $0.kind != .semicolon }
      if let first = rest.first, ["a", "an", "the"].contains(first.folded) {
        rest = rest.dropFirst()
      }
      let condition = rest.map(\.text).joined(separator: " ")
      let name = vocabulary.setNames[set]
      throw Diagnostic(
        "a question here is about one name, not the set '\(name)'",
        at: current.range.lowerBound..<tokens[position + length - 1].range.upperBound,
        notes: condition.isEmpty ? [] : ["to ask it of each: \(name) where \(condition)"])
    }
    guard at(.word) else { return try name() }
    let available = words
    for length in stride(from: available.count, through: 1, by: -1) {
      var rest = available.dropFirst(length)
      if article, vocabulary.relation(at: rest) == nil, let first = rest.first,
        ["a", "an", "the"].contains(first)
      {
        rest = rest.dropFirst()
      }
      if vocabulary.relation(at: rest) == nil, rest.first == "ever" {
        rest = rest.dropFirst()
      }
      if vocabulary.relation(at: rest) == nil, let first = rest.first,
        vocabulary.adverbs[first] != nil
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
