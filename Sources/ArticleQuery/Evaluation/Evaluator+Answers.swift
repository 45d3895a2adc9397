import ArticleModel

extension Evaluator {
  /// The answer's body for a query.
  mutating func body(for query: Query) -> Answer.Body {
    let builder = ResultBuilder(context: context)
    switch query {
    case .selection, .who, .what, .qualifiedWhat, .which, .did:
      let found = entities(of: query)
      return .entities(builder.entities(found, negations: negations(in: query, found)))
    case .count(let inner):
      if case .facts(let filter) = inner { return .count(facts(filter).count) }
      if case .pairs(let relation, let qualifiers, let ends) = inner {
        return .count(pairs(relation, qualifiers, ends).count)
      }
      return .count(entities(of: inner).count)
    case .facts(let filter):
      if case .paragraph(let paragraph) = filter {
        return .facts(builder.facts(facts(filter), in: paragraph))
      }
      return .facts(builder.facts(facts(filter)))
    case .show(let entity):
      return .profile(profile(of: entity.index))
    case .why(let reference, let condition, let negated):
      let entity = reference.index
      var explainer = Explainer(evaluator: self, builder: builder)
      let proof = explainer.prove(entity, condition)
      if !negated || proof.holds { return .explanation(proof) }
      return .nearMisses(
        NearMisses(
          claim: proof.claim, holds: false,
          misses: explainer.nearMisses(entity, condition)))
    case .verdict(let subject, let claim):
      return .verdict(verdict(subject.index, claim))
    case .wh(let question):
      return .values(values(question))
    case .happened(_, let target, let between, let qualifiers):
      return .facts(builder.facts(happened(target, between: between?.index, qualifiers)))
    case .whatIf(let assumption):
      return .whatIf(whatIf(assumption))
    case .pairs(let relation, let qualifiers, let ends):
      return .facts(builder.facts(pairs(relation, qualifiers, ends)))
    case .connection(let from, let to):
      return .connections(connections(from.index, to.index))
    }
  }

  /// The facts a `facts` query lists: all, those about a target (as subject, object or
  /// circumstance, or through those who speak for it, and a scenario's own facts), or those
  /// of one paragraph of one document.
  mutating func facts(_ filter: FactFilter) -> [Int] {
    switch filter {
    case .all:
      return Array(model.facts.indices)
    case .paragraph(let paragraph):
      return model.index.facts(inParagraph: paragraph.number, of: paragraph.document)
    case .about(let target):
      var found: Set<Int> = []
      for entity in targetSet(target) {
        for (speaker, _) in speakers(for: entity) {
          found.formUnion(model.index.factsBySubject[speaker])
          found.formUnion(model.index.factsByObject[speaker])
        }
        found.formUnion(model.index.factsByQualifier[entity])
        found.formUnion(ownFacts(ofScenario: entity))
      }
      return Array(found)
    case .qualified(let qualifiers):
      let wanted = resolve(qualifiers)
      return model.facts.indices.filter { has(model.facts[$0], wanted) }
    }
  }

  /// Everything the article says about an entity, grouped: what it did, what was done to it,
  /// what was done through those who speak for it, a scenario's own facts, what the article
  /// denies, its scenarios.
  func profile(of entity: Int) -> Profile {
    let builder = ResultBuilder(context: context)
    let index = model.index
    var groups: [Profile.Group] = []
    var used: Set<Int> = []

    func group(_ title: String, _ candidates: [Int], where keep: (Fact) -> Bool) {
      let chosen = candidates.filter { !used.contains($0) && keep(model.facts[$0]) }
      guard !chosen.isEmpty else { return }
      used.formUnion(chosen)
      groups.append(Profile.Group(title: title, facts: builder.facts(chosen)))
    }

    let own = index.factsBySubject[entity]
    let toward = index.factsByObject[entity]
    let reported = { (fact: Fact) in fact.polarity == .affirmed && fact.scenario == nil }
    group(
      "what it is", own,
      where: { reported($0) && model.relations[$0.relation].represents.isEmpty == false })
    group("what it did", own, where: reported)
    group("what others did to it", toward, where: reported)
    for speaker in index.spokenForBy[entity] {
      let name = model.entities[speaker.entity].name
      let role = speaker.chain.first.map { model.relations[model.facts[$0].relation] }
      let title = role.map { $0.office ? "through \(name) (\($0.role))" : "through \(name)" }
      group(
        title ?? "through \(name)",
        index.factsBySubject[speaker.entity] + index.factsByObject[speaker.entity],
        where: reported)
    }
    group("where it is mentioned", index.factsByQualifier[entity], where: reported)
    group(
      "the scenario's own facts (they hold only if it happens)", ownFacts(ofScenario: entity),
      where: { _ in true })
    group("what the article denies", own + toward, where: { $0.polarity == .denied })
    group("in scenarios the author considers", own + toward, where: { $0.scenario != nil })
    let record = model.entities[entity]
    return Profile(
      entity: builder.entity(entity), aliases: record.aliases + record.metonyms,
      background: record.background, groups: groups)
  }
}
