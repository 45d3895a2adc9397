import ArticleModel

/// Builds the answers to `why` and `why not`: a proof tree from the claim down to quoted facts,
/// and, where the claim does not hold, what the article says nearby.
struct Explainer {
  var evaluator: Evaluator
  let builder: ResultBuilder

  private var model: Model { evaluator.model }

  private var claimPrinter: QueryPrinter {
    let model = self.model
    return QueryPrinter(vocabulary: evaluator.context.vocabulary) { model.entities[$0].name }
  }

  /// The proof that `entity` satisfies `condition`, or of why it does not.
  mutating func prove(_ entity: Int, _ condition: Condition) -> Proof {
    let name = model.entities[entity].name
    let claim = "\(name) \(claimPrinter.print(condition))"
    switch condition {
    case .predicate(let relation, let target):
      let targets = evaluator.targetSet(target)
      let supports =
        evaluator.predicate(relation, targets, among: [entity], polarity: .affirmed)[entity] ?? []
      var steps: [Proof] = supports.compactMap(officeStep)
      if case .entity(let reference) = target {
        steps += supports.compactMap {
          targetStep($0, relation: relation, target: reference.index)
        }
      } else {
        steps += supports.compactMap { membershipStep($0, relation: relation, target: target) }
      }
      return Proof(
        claim: claim, holds: !supports.isEmpty, evidence: supports.map(builder.evidence),
        steps: steps)
    case .qualified(let qualified):
      let supports =
        evaluator.qualified(qualified, among: [entity], polarity: .affirmed)[entity] ?? []
      return Proof(
        claim: claim, holds: !supports.isEmpty, evidence: supports.map(builder.evidence),
        steps: supports.compactMap(officeStep))
    case .not(let inner):
      let innerProof = prove(entity, inner)
      var denials: [Support] = []
      if case .predicate(let relation, let target) = inner {
        denials =
          evaluator.predicate(
            relation, evaluator.targetSet(target), among: [entity], polarity: .denied)[entity] ?? []
      } else if case .qualified(let qualified) = inner {
        denials = evaluator.qualified(qualified, among: [entity], polarity: .denied)[entity] ?? []
      }
      return Proof(
        claim: "\(name) \(claimPrinter.print(condition))", holds: !innerProof.holds,
        evidence: denials.map(builder.evidence), steps: [innerProof])
    case .and(let parts):
      let proofs = parts.map { prove(entity, $0) }
      return Proof(claim: claim, holds: proofs.allSatisfy(\.holds), steps: proofs)
    case .or(let parts):
      let proofs = parts.map { prove(entity, $0) }
      return Proof(claim: claim, holds: proofs.contains(where: \.holds), steps: proofs)
    }
  }

  /// The step that shows an office holder or body speaks for the entity.
  private func officeStep(_ support: Support) -> Proof? {
    guard let via = support.via, let last = support.chain.last else { return nil }
    let holder = model.entities[via].name
    let state = model.entities[model.facts[last].object].name
    let first = model.relations[model.facts[support.chain[0]].relation]
    let role = first.office ? "\(first.role) of" : "part of"
    return Proof(
      claim:
        "\(holder) speaks for \(state) as \(role) \(model.entities[model.facts[support.chain[0]].object].name)",
      holds: true,
      evidence: support.chain.map { builder.evidence(Support(fact: $0, via: nil, chain: [])) })
  }

  /// The step that shows the far end of a fact speaks for the target it was asked about: the
  /// post-Soviet countries of Central Asia for Central Asia, as part of it.
  private func targetStep(_ support: Support, relation: RelationRef, target: Int) -> Proof? {
    let fact = model.facts[support.fact]
    let far = relation.reversed ? fact.subject : fact.object
    guard far != target,
      let step = model.index.speaksFor[far].first(where: { $0.entity == target }),
      let first = step.chain.first
    else { return nil }
    let relationOfFirst = model.relations[model.facts[first].relation]
    let role = relationOfFirst.office ? "\(relationOfFirst.role) of" : "part of"
    return Proof(
      claim:
        "\(model.entities[far].name) speaks for \(model.entities[target].name) as \(role) \(model.entities[model.facts[first].object].name)",
      holds: true,
      evidence: step.chain.map { builder.evidence(Support(fact: $0, via: nil, chain: [])) })
  }

  /// The step that shows the far end of a fact is in the target set.
  private mutating func membershipStep(_ support: Support, relation: RelationRef, target: Target)
    -> Proof?
  {
    let fact = model.facts[support.fact]
    let symmetric = model.relations[fact.relation].symmetric
    let candidates =
      symmetric ? [fact.object, fact.subject] : [relation.reversed ? fact.subject : fact.object]
    let members: Matches
    switch target {
    case .entity: return nil
    case .set(let set): members = evaluator.set(set)
    case .query(let inner): members = evaluator.entities(of: inner)
    }
    for far in candidates {
      for (entity, _) in evaluator.spokenFor(by: far) {
        guard let supports = members[entity] else { continue }
        return Proof(
          claim: "\(model.entities[entity].name) is in \(claimPrinter.print(target))", holds: true,
          evidence: supports.map(builder.evidence))
      }
    }
    return nil
  }

  /// What the article says near a claim that does not hold: the same pair under another
  /// relation, the reverse direction, a denial, a scenario, a paragraph naming both.
  mutating func nearMisses(_ entity: Int, _ condition: Condition) -> [NearMiss] {
    var misses: [NearMiss] = []
    var seen: Set<String> = []
    var places: Set<ResultBuilder.Place> = []
    func add(_ reason: String, _ factIndex: Int) {
      guard seen.insert("\(reason)#\(factIndex)").inserted else { return }
      let fact = builder.fact(factIndex)
      if let first = model.facts[factIndex].evidence.first {
        places.insert(ResultBuilder.Place(document: first.document, paragraph: first.paragraph))
      }
      misses.append(
        NearMiss(
          reason: reason, fact: fact, document: fact.document, paragraph: fact.paragraph,
          quote: fact.quote))
    }
    for (relation, target, qualified) in predicates(in: condition) {
      let relationIndex = relation.index
      let targets = evaluator.targetSet(target)
      let mine = Set(evaluator.speakers(for: entity).map(\.entity))
      for speaker in mine {
        for factIndex in model.index.factsBySubject[speaker] + model.index.factsByObject[speaker] {
          let fact = model.facts[factIndex]
          let forward = mine.contains(fact.subject) && evaluator.matches(fact.object, targets)
          let backward = mine.contains(fact.object) && evaluator.matches(fact.subject, targets)
          guard forward || backward else { continue }
          let sameDirection = relation.reversed ? backward : forward
          if fact.relation != relationIndex {
            add("another relation", factIndex)
          } else if fact.polarity == .denied {
            add("denied", factIndex)
          } else if !evaluator.inScope(fact) {
            add("only in a scenario", factIndex)
          } else if !sameDirection {
            add("reverse direction", factIndex)
          } else if qualified {
            add("other circumstances", factIndex)
          }
        }
      }
      for (place, sentence) in paragraphsNaming(entity, targets)
      where places.insert(place).inserted {
        misses.append(
          NearMiss(
            reason: "same paragraph", fact: nil, document: builder.documentID(place.document),
            paragraph: place.paragraph, quote: sentence))
      }
    }
    let order = Dictionary(model.documents.enumerated().map { ($1.id, $0) }) { first, _ in first }
    return misses.enumerated().sorted { a, b in
      let placeA = ResultBuilder.Place(
        document: order[a.element.document] ?? 0, paragraph: a.element.paragraph)
      let placeB = ResultBuilder.Place(
        document: order[b.element.document] ?? 0, paragraph: b.element.paragraph)
      return placeA != placeB ? placeA < placeB : a.offset < b.offset
    }.map(\.element)
  }

  /// The relations and targets a condition names, each with whether it asks circumstances
  /// too (then the same fact with others is a near miss).
  private func predicates(in condition: Condition) -> [(RelationRef, Target, Bool)] {
    switch condition {
    case .predicate(let relation, let target): [(relation, target, false)]
    case .qualified(let claim): claim.object.map { [(claim.relation, $0, true)] } ?? []
    case .not(let inner): predicates(in: inner)
    case .and(let parts), .or(let parts): parts.flatMap(predicates)
    }
  }

  /// Paragraphs (of every document) whose text names the entity and one of the targets, each
  /// with the first sentence that names both (or the entity).
  func paragraphsNaming(_ entity: Int, _ targets: EntitySet) -> [(ResultBuilder.Place, String)] {
    guard targets.count <= 32 else { return [] }
    let own = names(of: entity)
    let others = targets.flatMap(names)
    guard !own.isEmpty, !others.isEmpty else { return [] }
    let search = evaluator.context.paragraphSearch
    var found: [(ResultBuilder.Place, String)] = []
    for (number, document) in model.documents.enumerated() {
      for offset in search.paragraphs(of: number, naming: own.map(ParagraphSearch.fold)) {
        let text = document.paragraphs[offset]
        let folded = text.lowercased()
        guard own.contains(where: folded.contains), others.contains(where: folded.contains)
        else { continue }
        let sentences = Coverage.sentences(of: text).map(\.text)
        let both = sentences.first { sentence in
          let lower = sentence.lowercased()
          return own.contains(where: lower.contains) && others.contains(where: lower.contains)
        }
        found.append(
          (
            ResultBuilder.Place(document: number, paragraph: offset + 1),
            both ?? sentences.first { s in own.contains(where: s.lowercased().contains) } ?? text
          ))
      }
    }
    return found
  }

  func names(of entity: Int) -> [String] {
    let record = model.entities[entity]
    return ([record.name.lowercased()] + record.aliases + record.metonyms).filter { $0.count >= 4 }
  }
}
