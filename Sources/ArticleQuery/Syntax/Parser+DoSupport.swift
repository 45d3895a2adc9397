import Syntax

extension Parser {
  /// The words that give a question do-support: `did`, `does`, `do`, `has`, `have`.
  static let auxiliaries = ["did", "does", "do", "has", "have"]

  /// True at an auxiliary that is not itself the start of a relation phrase (`has member`
  /// is the inverse of `member of`, not do-support).
  var atAuxiliary: Bool {
    at(.word) && Self.auxiliaries.contains(current.folded) && vocabulary.relation(at: words) == nil
  }

  /// Notes the auxiliaries as what may come next, for completion at the end of the text.
  mutating func noteAuxiliaries() {
    for auxiliary in Self.auxiliaries { note(.keyword(auxiliary)) }
  }

  /// do-support ::= ( 'did' | 'does' | 'do' | 'has' | 'have' ) target ( 'not' | 'never' )? ADVERB?
  ///                  RELATION qualifier*
  mutating func doSupport() throws(Diagnostic) -> DoQuestion {
    let start = position
    noteAuxiliaries()
    guard at(.word), Self.auxiliaries.contains(current.folded) else {
      throw found(expected: "'did'", candidates: Self.auxiliaries)
    }
    _ = eat(current.folded)
    let subject = try whatSubject()
    let negated = eat("not") || eat("never")
    let adverb = adverbBeforeRelation()
    let reference: RelationRef
    if let split = relationBeforeQualifier() {
      reference = split
    } else {
      reference = try relation()
    }
    let qualifiers = (adverb.map { [$0] } ?? []) + (try self.qualifiers())
    return DoQuestion(
      asking: .what, subject: subject, relation: reference, negated: negated,
      qualifiers: qualifiers, range: range(from: start))
  }

  /// The relation of a do-support question, which takes no object: a phrase that ends in
  /// an entity qualifier's key (`provided to`) followed by what can only be that key's
  /// target is the shorter phrase and a qualifier (`what did the us not provide to
  /// central asia` asks what, provided to whom). Nil when the longest phrase reads right.
  mutating func relationBeforeQualifier() -> RelationRef? {
    let all = Array(words)
    guard let (_, length) = vocabulary.relation(at: all[...]), length > 1,
      vocabulary.qualifierTakesEntity[all[length - 1]] == true
    else { return nil }
    let next = peek(length)
    let ends =
      [.end, .semicolon, .question, .rightParen].contains(next.kind)
      || (next.kind == .word
        && (next.folded == "not" || endsWords(next.folded)
          || vocabulary.adverbs[next.folded] != nil))
    guard !ends, let (shorter, shortLength) = vocabulary.relation(at: all.prefix(length - 1)[...]),
      shortLength == length - 1
    else { return nil }
    return RelationRef(shorter.index, reversed: shorter.reversed, at: eat(tokens: shortLength))
  }

  /// office-holder ::= NAME OFFICE
  mutating func officeHolder() throws(Diagnostic) -> Condition {
    guard let (nameLength, office, officeLength) = officeHolderLength(from: 0) else {
      throw found(expected: "a name and an office (as in: who is the president of tajikistan)")
    }
    let owner: EntityRef
    if at(.string) {
      owner = try name()
    } else if nameLength == 0 {
      // `kyrgyzstan's president`: the owner is the possessive's stem, in its one word.
      let stem = Vocabulary.possessiveStem(current.folded) ?? ""
      guard let (index, _) = vocabulary.entity(at: [stem]) else {
        throw unknownName(candidates: [])
      }
      owner = EntityRef(index, at: eat(tokens: 1))
    } else {
      guard let index = wholeName(words.prefix(nameLength)) else {
        throw unknownName(candidates: Array(vocabulary.entityNames))
      }
      owner = EntityRef(index, at: eat(tokens: nameLength))
    }
    let title = eat(tokens: officeLength)
    return .predicate(RelationRef(office, at: title), .entity(owner))
  }

  /// At `offset` tokens on, a NAME and an OFFICE that end the question (`the tajik
  /// president`, `armenia's parliament speaker`, `kyrgyzstan's president`): the name's length
  /// in words (0 for a possessive whose stem is the name, in its one word), the office's
  /// relation and the title's length.
  func officeHolderLength(from offset: Int) -> (Int, Int, Int)? {
    if peek(offset).kind == .string {
      // A quoted name, then the title to the end of the question.
      var title: [String] = []
      var next = offset + 1
      while peek(next).kind == .word, !Self.assumptionOpeners.contains(peek(next).folded),
        title.count < 3
      {
        title.append(peek(next).folded)
        next += 1
      }
      let ends =
        [.end, .semicolon, .question, .rightParen].contains(peek(next).kind)
        || Self.assumptionOpeners.contains(peek(next).folded)
      guard ends, vocabulary.entity(named: peek(offset).text) != nil,
        let office = vocabulary.offices[title.joined(separator: " ")]
      else { return nil }
      return (1, office, title.count)
    }
    let all = Array(words)[...]
    guard offset < all.count else { return nil }
    // The question ends after the title: at a non-word, or at `assuming` or `if`.
    let end =
      all.firstIndex(where: Self.assumptionOpeners.contains).map { $0 > offset ? $0 : all.count }
      ?? all.count
    if end == all.count {
      let following = peek(all.count).kind
      guard following != .word, following != .number, following != .string else { return nil }
    }
    let rest = all[offset..<end]
    for title in 1...min(3, max(1, rest.count)) where rest.count > title {
      guard let office = vocabulary.offices[rest.suffix(title).joined(separator: " ")] else {
        continue
      }
      let name = rest.dropLast(title)
      if wholeName(name) != nil { return (name.count, office, title) }
      if name.count == 1, let stem = Vocabulary.possessiveStem(name.first ?? ""),
        let (_, matched) = vocabulary.entity(at: [stem]), matched == 1
      {
        return (0, office, title)
      }
    }
    return nil
  }
}
