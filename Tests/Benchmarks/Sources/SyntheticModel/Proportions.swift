import ArticleModel

/// What a model looks like in numbers, measured on a real one (the bundled article), so that a
/// synthetic model can have the same mix: entities per kind, which relations facts use and
/// between which kinds, how often a fact is denied, an assessment or a scenario's, how often it
/// has a qualifier, a note or a second piece of evidence, and how long quotes and notes are.
public struct Proportions: Sendable {
  /// Each kind with its share of the entities, in the model's order.
  public var kindShares: [(kind: String, share: Double)]
  /// The relations facts use (all but those that make one entity speak for another), each
  /// with the kind pairs it joins in the model, one entry per fact.
  public var relationUses: [(relation: String, pairs: [(subject: String, object: String)])]
  /// Relations through which a subject speaks for the object (offices, part of): for each
  /// subject and object kind, the number of facts per entity of the subject's kind.
  public var structure: [(relation: String, subject: String, object: String, perSubject: Double)]
  public var denied: Double
  public var assessment: Double
  public var scenario: Double
  /// The share of the facts whose subject is a person that are done in a private capacity.
  public var personal: Double
  public var note: Double
  /// The share of facts with a second piece of evidence.
  public var secondEvidence: Double
  /// The share of facts whose quote is the same as the previous fact's: two facts from one
  /// sentence.
  public var sharedQuote: Double
  /// Per qualifier key: how many qualifiers with that key a fact has on average, and the
  /// kinds of the entities it names (empty for the text qualifiers `when` and `amount`).
  public var qualifiers: [(key: Qualifier.Key, rate: Double, kinds: [String], texts: [String])]
  /// Aliases per entity, metonyms per country, and the share of entities with a background
  /// note.
  public var aliases: Double
  public var metonyms: Double
  public var background: Double
  public var quoteLengths: [Int]
  public var noteLengths: [Int]
  public var factsPerParagraph: Double

  /// The proportions of `model`.
  public init(of model: Model) {
    let facts = Double(model.facts.count)
    var kindCounts: [String: Int] = [:]
    for entity in model.entities.indices { kindCounts[model.kind(of: entity).id, default: 0] += 1 }
    kindShares = model.kinds.map {
      ($0.id, Double(kindCounts[$0.id] ?? 0) / Double(model.entities.count))
    }
    let kindOf = { (entity: Int) in model.kind(of: entity).id }
    var uses: [(String, [(String, String)])] = []
    var structure: [(String, String, String, Double)] = []
    for (index, relation) in model.relations.enumerated() {
      let pairs = model.index.factsByRelation[index].map {
        (kindOf(model.facts[$0].subject), kindOf(model.facts[$0].object))
      }
      guard !pairs.isEmpty else { continue }
      if relation.represents.isEmpty {
        uses.append((relation.id, pairs))
        continue
      }
      var seen: [String] = []
      for (subject, object) in pairs where !seen.contains(subject + " " + object) {
        seen.append(subject + " " + object)
        let count = pairs.filter { $0 == (subject, object) }.count
        structure.append(
          (relation.id, subject, object, Double(count) / Double(kindCounts[subject] ?? 1)))
      }
    }
    relationUses = uses
    self.structure = structure
    let share = { (keep: (Fact) -> Bool) in Double(model.facts.filter(keep).count) / facts }
    denied = share { $0.polarity == .denied }
    assessment = share { $0.modality == .assessment }
    scenario = share { $0.scenario != nil }
    let byPeople = model.facts.filter { kindOf($0.subject) == "person" }
    personal = Double(byPeople.filter(\.personal).count) / Double(max(1, byPeople.count))
    note = share { $0.note != nil }
    secondEvidence = share { $0.evidence.count > 1 }
    var shared = 0
    for (previous, fact) in zip(model.facts, model.facts.dropFirst())
    where fact.evidence.first?.quote == previous.evidence.first?.quote {
      shared += 1
    }
    sharedQuote = Double(shared) / facts
    qualifiers = Qualifier.Key.allCases.map { key in
      let all = model.facts.flatMap { $0.qualifiers.filter { $0.key == key } }
      var kinds: [String] = []
      var texts: [String] = []
      for qualifier in all {
        switch qualifier.value {
        case .entity(let entity): kinds.append(kindOf(entity))
        case .text(let text): texts.append(text)
        }
      }
      return (key, Double(all.count) / facts, kinds, texts)
    }
    let entities = Double(model.entities.count)
    aliases = Double(model.entities.map(\.aliases.count).reduce(0, +)) / entities
    metonyms =
      Double(model.entities.map(\.metonyms.count).reduce(0, +))
      / Double(max(1, kindCounts["country"] ?? 0))
    background = Double(model.entities.filter { !$0.background.isEmpty }.count) / entities
    quoteLengths = model.facts.flatMap { $0.evidence.map(\.quote.count) }
    noteLengths = model.facts.compactMap { $0.note?.count }
    factsPerParagraph = facts / Double(model.documents.map(\.paragraphs.count).reduce(0, +))
  }

  /// The proportions of the bundled CSTO article.
  public static let article = Proportions(of: ModelLoader.bundled)
}
