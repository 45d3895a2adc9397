import Syntax

/// Readers' questions that count (`how many countries were invited to regional
/// cooperation-2022`) or that ask under a scenario (`members if iran joins the csto`, `what if
/// iran joined the csto, how many members would there be`). They build the trees other forms
/// build: a count of the `which` question, a statement with its assumption.
extension Parser {
  /// The words that open a statement's assumptions: `assuming`, and `if` after a question.
  static let assumptionOpeners = ["assuming", "if"]

  /// True at `assuming` or `if`, where a statement's assumptions begin.
  var atAssumptions: Bool {
    at(.word) && Self.assumptionOpeners.contains(current.folded)
  }

  /// how-many ::= 'how' 'many' set ( there-be | 'where' condition | do-support
  ///              | ( 'is' | 'was' | 'are' | 'were' )? condition )?
  ///
  /// The count of the answer that `which SET ...` (or the bare SET) gives.
  mutating func howMany() throws(Diagnostic) -> Query {
    _ = eat("how")
    guard eat("many") else { throw found(expected: "'many'", candidates: ["many"]) }
    note(.set)
    let start = position
    let source = try set()
    if atThereBe {
      try thereBe()
      return .count(.selection(source, nil))
    }
    if at(.end) || at(.semicolon) || at(.question) || at(.comma) || atAssumptions {
      return .count(.selection(source, nil))
    }
    position = start
    return .count(try which())
  }

  /// True at `would there be`, `are there`, `will there be`: a count asked of the whole set.
  var atThereBe: Bool {
    at(.word) && Self.thereBeOpeners.contains(current.folded) && peek().folded == "there"
      && peek().kind == .word
  }

  /// The words that may open `there be`.
  static let thereBeOpeners = ["would", "will", "could", "are", "were", "is"]

  /// there-be ::= ( 'would' | 'will' | 'could' | 'are' | 'were' | 'is' ) 'there' 'be'?
  mutating func thereBe() throws(Diagnostic) {
    guard at(.word), Self.thereBeOpeners.contains(current.folded) else {
      throw found(expected: "'would there be'", candidates: Self.thereBeOpeners)
    }
    _ = eat(current.folded)
    guard eat("there") else { throw found(expected: "'there'", candidates: ["there"]) }
    _ = eat("be")
  }

  /// follow-up ::= ',' query
  ///
  /// After `what if SCENARIO`, the question to answer assuming it.
  mutating func followUp() throws(Diagnostic) -> Query {
    try expect(.comma)
    return try query()
  }
}

extension Parser {
  /// True at `what if` and `what would happen if`.
  var atWhatIf: Bool {
    guard at("what"), peek().kind == .word else { return false }
    return peek().folded == "if"
      || (peek().folded == "would" && peek(2).folded == "happen" && peek(3).folded == "if")
  }

  /// The object of an assumed fact; left off (`if iran joined`), any entity, written as
  /// `everything`, so that the scenario whose fact has that subject and relation is meant.
  mutating func assumedObject() throws(Diagnostic) -> Target {
    if at(.leftParen) || at(.string)
      || (at(.word) && !["and", "or"].contains(current.folded) && !atAssumptions)
    {
      return try target()
    }
    guard let everything = vocabulary.setNames.firstIndex(of: "everything") else {
      return try target()
    }
    note(.entity)
    note(.set)
    return .set(SetRef(everything, at: current.range.lowerBound..<current.range.lowerBound))
  }
}

extension Parser {
  /// True at the end of a question: the end, `;`, `?`, `,`, or its assumptions.
  var atQuestionEnd: Bool {
    at(.end) || at(.semicolon) || at(.question) || at(.comma) || atAssumptions
  }

  /// True at `who are the members`, `who would the members be`: a copula or `would`, then
  /// a whole set and nothing more (a relation after the set leaves it to `who`).
  var atWhoSet: Bool {
    guard at("who"), (Self.copulas + ["would"]).contains(peek().folded) else {
      return false
    }
    var after = self
    after.position += 2
    guard let (_, length) = after.setMatchSkippingArticle() else { return false }
    after.position += length
    _ = after.eat("be")
    return after.atQuestionEnd
  }

  /// who-set ::= 'who' ( 'is' | 'was' | 'are' | 'were' | 'would' ) SET 'be'?
  ///
  /// The members of the set, as the bare set answers.
  mutating func whoSet() throws(Diagnostic) -> Query {
    _ = eat("who")
    guard at(.word), (Self.copulas + ["would"]).contains(current.folded) else {
      throw found(expected: "'are'", candidates: ["is", "are", "would"])
    }
    _ = eat(current.folded)
    guard let (index, length) = setMatchSkippingArticle() else {
      throw found(expected: "a set", candidates: vocabulary.setNames)
    }
    let source = SetSource.named(SetRef(index, at: eat(tokens: length)))
    _ = eat("be")
    return .selection(source, nil)
  }
}
