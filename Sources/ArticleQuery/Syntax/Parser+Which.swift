import Syntax

extension Parser {
  /// which ::= 'which' set ( 'where' condition | do-support | ( 'is' | 'was' | 'are' | 'were' )? condition )
  mutating func which() throws(Diagnostic) -> Query {
    _ = eat("which")
    note(.set)
    let source = try set()
    noteAuxiliaries()
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
      afterCopula = true
    }
    return .which(source, try condition())
  }
}
