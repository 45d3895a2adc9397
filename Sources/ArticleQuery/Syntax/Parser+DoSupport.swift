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

  /// do-support ::= ( 'did' | 'does' | 'do' | 'has' | 'have' ) target 'not'? RELATION qualifier*
  mutating func doSupport() throws(Diagnostic) -> DoQuestion {
    let start = position
    noteAuxiliaries()
    guard at(.word), Self.auxiliaries.contains(current.folded) else {
      throw found(expected: "'did'", candidates: Self.auxiliaries)
    }
    _ = eat(current.folded)
    let subject = try whatSubject()
    let negated = eat("not")
    let reference = try relation()
    let qualifiers = try self.qualifiers()
    return DoQuestion(
      asking: .what, subject: subject, relation: reference, negated: negated,
      qualifiers: qualifiers, range: range(from: start))
  }
}
