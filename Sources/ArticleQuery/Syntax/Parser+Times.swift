import Syntax

/// A time a reader puts after `in` at the end of a question (`what happened in
/// kazakhstan in the winter of 2022`, `in mid-september`): when the words name no entity or set
/// but occur in a `when` value of the model's facts, they are read as `when` with those words.
extension Parser {
  /// 'in' TIME: the `when` condition the words after `in` make, or
  /// nil (and nothing taken) when they name an entity or set, or occur in no fact's time.
  mutating func timeAfterIn() throws(Diagnostic) -> QualifierCondition? {
    guard at("in"), peek().kind == .word || peek().kind == .number else {
      return nil
    }
    let start = position
    position += 1
    let skipped = at("the") ? 1 : 0
    if vocabulary.entity(at: words) != nil || vocabulary.set(at: words) != nil
      || (skipped == 1
        && (vocabulary.entity(at: words.dropFirst()) != nil
          || vocabulary.set(at: words.dropFirst()) != nil))
    {
      position = start
      return nil
    }
    position += skipped
    // The time runs to a connective, another key or an adverb (`in mid-september openly`).
    let tokens = words.prefix { word in
      !endsWords(word) && vocabulary.adverbs[word] == nil
    }
    let typed = tokens.flatMap { QualifierCondition.words(of: $0) }
    guard !typed.isEmpty,
      vocabulary.times.contains(where: { QualifierCondition.contains($0, typed) })
    else {
      position = start
      return nil
    }
    _ = eat(tokens: tokens.count)
    return QualifierCondition(key: "when", value: .words(typed), range: range(from: start))
  }
}
