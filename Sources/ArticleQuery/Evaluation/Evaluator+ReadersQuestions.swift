import ArticleModel

/// Readers' questions over the core evaluation: do-support (`who did X R`, `what did X not
/// R`, `which SET did X R`), what a `not` rests on (a denial or the article's silence), and
/// the target a `not` never offers.
extension Evaluator {
  /// The answers to a question with do-support: the other ends of the subject's facts (the
  /// denied ones when negated), kept to actors for `who` and to the set's members for
  /// `which`.
  mutating func answers(to question: DoQuestion) -> Matches {
    let found = objects(
      of: question.subject, question.relation, qualifiers: resolve(question.qualifiers),
      polarity: question.negated ? .denied : .affirmed)
    switch question.asking {
    case .what:
      return found
    case .who:
      var actorKinds: [Int: Bool] = [:]
      return found.filter { entry in
        let kind = context.kindOfEntity[entry.key]
        if let known = actorKinds[kind] { return known }
        let actor = isActorKind(kind)
        actorKinds[kind] = actor
        return actor
      }
    case .which(let source):
      let members = candidateSet(source)
      return found.filter { members.contains($0.key) }
    }
  }

  /// True when entities of the kind act in the article's events, so that `who` asks for
  /// them: some entity of the kind is the subject of a fact whose relation is an event (has
  /// a CAMEO code). Scenarios, places and documents are not who.
  func isActorKind(_ kind: Int) -> Bool {
    guard kind >= 0, kind < context.membersByKind.count else { return false }
    if model.kinds[kind].isScenario { return false }
    return context.membersByKind[kind].contains { entity in
      index.factsBySubject[entity].contains {
        model.relations[model.facts[$0].relation].cameo != nil
      }
    }
  }

  /// The entities a `not` over `condition` must not offer: a relation's target itself, when
  /// the target is one entity and the relation is not reflexive (a state does not support
  /// itself); for `not (A or B)` the targets of either, for `not (A and B)` those of both.
  func excludedTargets(of condition: Condition) -> Set<Int> {
    switch condition {
    case .predicate(let relation, .entity(let entity)):
      return model.relations[relation.index].reflexive ? [] : [entity.index]
    case .qualified(let claim):
      guard case .entity(let entity) = claim.object else { return [] }
      return model.relations[claim.relation.index].reflexive ? [] : [entity.index]
    case .predicate, .not: return []
    case .or(let parts):
      return parts.reduce(into: Set<Int>()) { $0.formUnion(excludedTargets(of: $1)) }
    case .and(let parts):
      guard let first = parts.first else { return [] }
      return parts.dropFirst().reduce(excludedTargets(of: first)) {
        $0.intersection(excludedTargets(of: $1))
      }
    }
  }

  /// For each entity found, what each `not` of the query's condition rests on: the article
  /// denies it, or says nothing of it. Only the condition's own `not`s over a relation count
  /// (through `and` and `or`), not those inside a sub-query, which answer other entities.
  mutating func negations(in query: Query, _ found: Matches) -> [Int: [EntityResult.Negation]] {
    let condition: Condition? =
      switch query {
      case .selection(_, let condition): condition
      case .who(let condition), .which(_, let condition): condition
      default: nil
      }
    guard let condition, !found.isEmpty else { return [:] }
    var claims: [Condition] = []
    Self.negatedRelations(in: condition, into: &claims)
    guard !claims.isEmpty else { return [:] }
    let printer = QueryPrinter(vocabulary: context.vocabulary) { [model] in model.entities[$0].name
    }
    let entities = EntitySet.listed(found.keys)
    var result: [Int: [EntityResult.Negation]] = [:]
    for claim in claims {
      let holding = self.holding(claim, among: entities)
      let denied: Matches =
        switch claim {
        case .predicate(let relation, let target):
          predicate(relation, targetSet(target), among: entities, polarity: .denied)
        case .qualified(let qualified):
          self.qualified(qualified, among: entities, polarity: .denied)
        default: [:]
        }
      let text = printer.print(claim)
      for entity in found.keys where holding[entity] == nil {
        result[entity, default: []].append(
          EntityResult.Negation(claim: text, status: denied[entity] == nil ? .notStated : .denied))
      }
    }
    return result
  }

  /// The relations (with or without circumstances) under a `not` in a condition, through
  /// `and` and `or`.
  static func negatedRelations(in condition: Condition, into claims: inout [Condition]) {
    switch condition {
    case .not(let inner):
      switch inner {
      case .predicate, .qualified: claims.append(inner)
      default: break
      }
    case .and(let parts), .or(let parts):
      for part in parts { negatedRelations(in: part, into: &claims) }
    case .predicate, .qualified: break
    }
  }

  /// The facts whose modality is the scenario `entity` (none for an entity that is not a
  /// scenario): what holds if it happens.
  func ownFacts(ofScenario entity: Int) -> [Int] {
    guard model.isScenario(entity) else { return [] }
    return model.facts.indices.filter { model.facts.scenario(at: $0) == entity }
  }
}
