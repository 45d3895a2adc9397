import ArticleModel

/// A qualifier condition with its target evaluated: the key and the entities or words a fact's
/// circumstance of that key must match.
struct ResolvedQualifier {
  var key: String
  var entities: EntitySet?
  var words: [String]
}

extension Evaluator {
  /// The qualifier conditions with their targets evaluated.
  mutating func resolve(_ qualifiers: [QualifierCondition]) -> [ResolvedQualifier] {
    qualifiers.map { qualifier in
      switch qualifier.value {
      case .target(let target):
        ResolvedQualifier(key: qualifier.key, entities: targetSet(target), words: [])
      case .words(let words):
        ResolvedQualifier(key: qualifier.key, entities: nil, words: words)
      }
    }
  }

  /// True when the fact has every circumstance wanted: a qualifier of that key whose entity is
  /// one of the target's (or speaks for one), or whose text holds the words. A denial also
  /// holds where it has no qualifier of the key (the article denies it whatever the
  /// circumstance).
  func holds(_ fact: Fact, _ wanted: [ResolvedQualifier]) -> Bool {
    wanted.allSatisfy { want in
      let same = fact.qualifiers.filter { $0.key.rawValue == want.key }
      if same.contains(where: { satisfies($0.value, want) }) { return true }
      return fact.polarity == .denied && same.isEmpty
    }
  }

  /// True when the fact has every circumstance wanted, a denial included: what `facts at X`
  /// lists.
  func has(_ fact: Fact, _ wanted: [ResolvedQualifier]) -> Bool {
    wanted.allSatisfy { want in
      fact.qualifiers.contains { $0.key.rawValue == want.key && satisfies($0.value, want) }
    }
  }

  /// True when a qualifier's value matches what is wanted.
  func satisfies(_ value: Qualifier.Value, _ want: ResolvedQualifier) -> Bool {
    switch value {
    case .entity(let entity):
      want.entities.map { matches(entity, $0) } ?? false
    case .text(let text):
      QualifierCondition.contains(QualifierCondition.words(of: text), want.words)
    }
  }

  /// The candidates that stand in the claim's relation to its target (any, when it has none)
  /// with its circumstances; with `.denied`, those for which the article denies it.
  mutating func qualified(
    _ claim: QualifiedPredicate, among candidates: EntitySet, polarity: Polarity
  ) -> Matches {
    var targets = EntitySet.everything(count: model.entities.count)
    if let object = claim.object { targets = targetSet(object) }
    return predicate(
      claim.relation, targets, among: candidates, polarity: polarity,
      qualifiers: resolve(claim.qualifiers))
  }
}
