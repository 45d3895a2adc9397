import Syntax

/// Adverbs around a relation (`did not openly support`, `not support publicly`): a one-word
/// value of a text qualifier the model declares, read as that qualifier (`manner openly`),
/// so that they print as it and mean what it means.
extension Parser {
  /// An ADVERB before a relation phrase, taken as its qualifier; nil when none comes next
  /// (or when the word begins a relation itself).
  mutating func adverbBeforeRelation() -> QualifierCondition? {
    guard at(.word), let key = vocabulary.adverbs[current.folded],
      vocabulary.relation(at: words) == nil, vocabulary.relation(at: words.dropFirst()) != nil
    else { return nil }
    let word = current.folded
    return QualifierCondition(key: key, value: .words([word]), range: eat(tokens: 1))
  }

  /// True at an ADVERB that stands for a qualifier: a word that is no key and begins no
  /// relation and no longer name.
  var atAdverb: Bool {
    guard at(.word), vocabulary.adverbs[current.folded] != nil,
      vocabulary.qualifierTakesEntity[current.folded] == nil, vocabulary.relation(at: words) == nil
    else { return false }
    if let (_, length) = vocabulary.entity(at: words), length > 1 { return false }
    return true
  }

  /// An ADVERB after a relation (`support publicly`), as its qualifier.
  mutating func adverbQualifier() -> QualifierCondition? {
    guard atAdverb, let key = vocabulary.adverbs[current.folded] else { return nil }
    let word = current.folded
    return QualifierCondition(key: key, value: .words([word]), range: eat(tokens: 1))
  }
}
