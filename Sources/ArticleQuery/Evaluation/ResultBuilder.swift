import ArticleModel

/// Turns the evaluator's working values (entity and fact indices) into the answer's typed,
/// named results, in the stable order: entities by name, evidence by paragraph.
struct ResultBuilder {
  let model: Model
  /// Each entity's place in the answer order (`EngineContext.rank`).
  let rank: [Int]

  init(context: EngineContext) {
    model = context.model
    rank = context.rank
  }

  init(model: Model) {
    self.model = model
    rank = Array(model.entities.indices)
  }

  /// Entities in answer order, each with its evidence.
  func entities(_ matches: Matches) -> [EntityResult] {
    matches.keys.sorted { rank[$0] < rank[$1] }.map {
      entity($0, supports: matches[$0] ?? [])
    }
  }

  func entity(_ index: Int, supports: [Support] = []) -> EntityResult {
    let entity = model.entities[index]
    let ordered = supports.sorted {
      let (a, b) = (model.facts[$0.fact], model.facts[$1.fact])
      let (pa, pb) = (a.evidence.first?.paragraph ?? 0, b.evidence.first?.paragraph ?? 0)
      return pa != pb ? pa < pb : $0.fact < $1.fact
    }
    return EntityResult(
      id: entity.id, name: entity.name, kind: entity.kind,
      evidence: ordered.map(evidence))
  }

  func evidence(_ support: Support) -> EvidenceItem {
    let via = support.via.map { model.entities[$0].name }
    let role = support.chain.first.map { model.relations[model.facts[$0].relation] }.map {
      $0.office ? $0.role : nil
    }
    return EvidenceItem(
      fact: fact(support.fact), via: via, role: role ?? nil, chain: support.chain.map { fact($0) })
  }

  /// A fact with its evidence, the one in `paragraph` first when it has one there.
  func fact(_ index: Int, preferring paragraph: Int? = nil) -> FactResult {
    let fact = model.facts[index]
    let name = { (entity: Int) in self.model.entities[entity].name }
    var evidence = fact.evidence
    if let paragraph, let preferred = evidence.firstIndex(where: { $0.paragraph == paragraph }) {
      evidence.insert(evidence.remove(at: preferred), at: 0)
    }
    let first = evidence.first
    return FactResult(
      index: index, subject: name(fact.subject), relation: model.relations[fact.relation].phrase,
      object: name(fact.object), polarity: fact.polarity.rawValue, modality: fact.modality.name,
      personal: fact.personal,
      scenario: fact.scenario.map(name),
      // A declared qualifier's key is the model's word, not the reader's: its text alone,
      // in parentheses, reads as the article's hedge ("(openly)").
      qualifiers: fact.qualifiers.map { qualifier in
        let builtIn = Qualifier.Key.allCases.contains(qualifier.key)
        switch qualifier.value {
        case .entity(let entity):
          return builtIn ? "\(qualifier.key.rawValue) \(name(entity))" : "(\(name(entity)))"
        case .text(let text):
          return builtIn ? "\(qualifier.key.rawValue) \(text)" : "(\(text))"
        }
      },
      note: fact.note,
      document: first.map { model.documents[$0.document].id } ?? "",
      paragraph: first?.paragraph ?? 0, quote: first?.quote ?? "",
      moreEvidence: evidence.dropFirst().map {
        FactResult.Citation(paragraph: $0.paragraph, quote: $0.quote)
      })
  }

  /// Facts in the order of the article: by paragraph, then as the model lists them; with
  /// `paragraph`, each shown by its evidence there.
  func facts(_ indices: some Sequence<Int>, paragraph: Int? = nil) -> [FactResult] {
    let key = { (index: Int) -> Int in
      let evidence = self.model.facts[index].evidence
      return paragraph.flatMap { p in evidence.first { $0.paragraph == p }?.paragraph }
        ?? evidence.first?.paragraph ?? 0
    }
    return Array(Set(indices)).sorted {
      let (pa, pb) = (key($0), key($1))
      return pa != pb ? pa < pb : $0 < $1
    }.map { fact($0, preferring: paragraph) }
  }
}
