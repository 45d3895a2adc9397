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
  func entities(_ matches: Matches, negations: [Int: [EntityResult.Negation]] = [:])
    -> [EntityResult]
  {
    matches.keys.sorted { rank[$0] < rank[$1] }.map {
      var result = entity($0, supports: matches[$0] ?? [])
      result.negations = negations[$0]
      return result
    }
  }

  func entity(_ index: Int, supports: [Support] = []) -> EntityResult {
    let entity = model.entities[index]
    let ordered = supports.sorted {
      let (pa, pb) = (place(of: $0.fact), place(of: $1.fact))
      return pa != pb ? pa < pb : $0.fact < $1.fact
    }
    return EntityResult(
      id: entity.id, name: entity.name, kind: model.kind(of: index).id,
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

  /// Where a fact is first said, as (document, paragraph), for ordering.
  private func place(of fact: Int) -> Place {
    let first = model.facts[fact].evidence.first
    return Place(document: first?.document ?? 0, paragraph: first?.paragraph ?? 0)
  }

  /// A document and a paragraph of it, ordered by document, then paragraph.
  struct Place: Comparable, Hashable {
    var document: Int
    var paragraph: Int

    static func < (a: Place, b: Place) -> Bool {
      a.document != b.document ? a.document < b.document : a.paragraph < b.paragraph
    }
  }

  /// A fact with its evidence, the one in `paragraph` first when it has one there.
  func fact(_ index: Int, preferring paragraph: ParagraphRef? = nil) -> FactResult {
    let fact = model.facts[index]
    let name = { (entity: Int) in self.model.entities[entity].name }
    var evidence = fact.evidence
    if let paragraph,
      let preferred = evidence.firstIndex(where: {
        $0.document == paragraph.document && $0.paragraph == paragraph.number
      })
    {
      evidence.insert(evidence.remove(at: preferred), at: 0)
    }
    let first = evidence.first
    return FactResult(
      index: index, subject: name(fact.subject), relation: model.relations[fact.relation].phrase,
      object: name(fact.object), polarity: fact.polarity, modality: fact.modality,
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
      document: first.map { documentID($0.document) } ?? "",
      paragraph: first?.paragraph ?? 0, quote: first?.quote ?? "",
      moreEvidence: evidence.dropFirst().map {
        FactResult.Citation(
          document: documentID($0.document), paragraph: $0.paragraph, quote: $0.quote)
      }, sentence: FactSentence(model: model).sentence(index))
  }

  /// A document's id, or "" for an index the model does not have.
  func documentID(_ document: Int) -> String {
    model.documents.indices.contains(document) ? model.documents[document].id : ""
  }

  /// Facts in the order of the documents: by document and paragraph, then as the model
  /// lists them; with `paragraph`, each shown by its evidence there.
  func facts(_ indices: some Sequence<Int>, in paragraph: ParagraphRef? = nil) -> [FactResult] {
    let key = { (index: Int) -> Place in
      if let paragraph { return Place(document: paragraph.document, paragraph: paragraph.number) }
      return self.place(of: index)
    }
    // Each fact's place found once, not at every comparison: a fact of a snapshot is made
    // to find it (`facts about` a name of a million-fact model took 1.5 s).
    return Array(Set(indices)).map { (index: $0, place: key($0)) }.sorted {
      $0.place != $1.place ? $0.place < $1.place : $0.index < $1.index
    }.map { fact($0.index, preferring: paragraph) }
  }
}
