import Syntax

extension Parser {
  /// which ::= 'which' set ( 'where' condition | do-support | ( 'is' | 'was' | 'are' | 'were' )? condition )
  mutating func which() throws(Diagnostic) -> Query {
    _ = eat("which")
    let source = try set()
    if eat("where") { return .which(source, try condition()) }
    if atAuxiliary {
      var question = try doSupport()
      question.asking = .which(source)
      return .did(question)
    }
    if at(.word), ["is", "was", "are", "were"].contains(current.folded),
      vocabulary.relation(at: words) == nil
    {
      _ = eat(current.folded)
    }
    note(.keyword("where"))
    note(.keyword("did"))
    return .which(source, try condition())
  }
}
