/// Lookups derived from a model's facts: by id, by subject, object, relation, circumstance and
/// paragraph, and who speaks for whom (an office holder or a body for its state).
public struct ModelIndex: Sendable {
  public let entityByID: [String: Int]
  public let relationByID: [String: Int]
  /// Fact indices, per entity as subject, per entity as object, per relation.
  public let factsBySubject: [[Int]]
  public let factsByObject: [[Int]]
  public let factsByRelation: [[Int]]
  /// Fact indices, per entity named in a qualifier (`in`, `at`, `during`, …), in order.
  public let factsByQualifier: [[Int]]
  /// Fact indices, per document and paragraph number their evidence cites, in order.
  public let factsByParagraph: [[[Int]]]
  /// For each entity, the entities it speaks for, each with the chain of office or part-of
  /// facts that leads there (nearest first).
  public let speaksFor: [[Representation]]
  /// For each entity, the entities that speak for it (the inverse of `speaksFor`).
  public let spokenForBy: [[Representation]]

  /// One step up from an entity to what it speaks for.
  public struct Representation: Sendable, Equatable {
    /// The entity spoken for (in `speaksFor`) or the one speaking (in `spokenForBy`).
    public var entity: Int
    /// The office or part-of facts from the speaker up to the entity spoken for.
    public var chain: [Int]
  }

  /// Longest chain followed: a person, the body they lead, the state it belongs to, …
  static let maximumChain = 4
  /// The most entities one entity speaks for, nearest first: in a dense `part of` graph
  /// (5,000 bodies each part of 10 others) everything reaches nearly everything within four
  /// steps, and the index would grow with the square of the bodies. An article's chains are
  /// a few entities long.
  public static let maximumReach = 256

  init(kinds: [Kind], relations: [Relation], entities: [Entity], facts: [Fact]) {
    self.init(kinds: kinds, relations: relations, entities: entities, fields: FactFields(facts))
  }

  /// The index of facts whose fields are `fields` (read from a snapshot or from the facts).
  init(kinds: [Kind], relations: [Relation], entities: [Entity], fields: FactFields) {
    var entityByID: [String: Int] = [:]
    for (index, entity) in entities.enumerated() where entityByID[entity.id] == nil {
      entityByID[entity.id] = index
    }
    var relationByID: [String: Int] = [:]
    for (index, relation) in relations.enumerated() where relationByID[relation.id] == nil {
      relationByID[relation.id] = index
    }
    var bySubject = [[Int]](repeating: [], count: entities.count)
    var byObject = [[Int]](repeating: [], count: entities.count)
    var byRelation = [[Int]](repeating: [], count: relations.count)
    var byQualifier = [[Int]](repeating: [], count: entities.count)
    var byParagraph: [[[Int]]] = []
    var steps = [[(to: Int, fact: Int)]](repeating: [], count: entities.count)
    // Whether a relation's subject of a given kind speaks for its object, decided per
    // relation and kind once: not by copying the relation and comparing kind names per fact.
    let kindOfEntity = entities.map(\.kind.index)
    let kindNumbers = Dictionary(
      kinds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let representing = relations.map { relation in
      Set(relation.represents.compactMap { kindNumbers[$0] })
    }
    // Read from flat columns, not from facts: no fact is made or copied (issue 14).
    for index in 0..<fields.count {
      let subject = Int(fields.subjects[index])
      let relation = Int(fields.relations[index])
      let object = Int(fields.objects[index])
      bySubject[subject].append(index)
      byObject[object].append(index)
      byRelation[relation].append(index)
      for place in Int(fields.qualifierStarts[index])..<Int(fields.qualifierStarts[index + 1]) {
        let entity = Int(fields.qualifierEntities[place])
        if byQualifier[entity].last != index { byQualifier[entity].append(index) }
      }
      for place in Int(fields.placeStarts[index])..<Int(fields.placeStarts[index + 1]) {
        let document = Int(fields.placeDocuments[place])
        let paragraph = Int(fields.placeParagraphs[place])
        guard paragraph >= 0, document >= 0 else { continue }
        if document >= byParagraph.count {
          byParagraph += [[[Int]]](repeating: [], count: document + 1 - byParagraph.count)
        }
        if paragraph >= byParagraph[document].count {
          byParagraph[document] += [[Int]](
            repeating: [], count: paragraph + 1 - byParagraph[document].count)
        }
        if byParagraph[document][paragraph].last != index {
          byParagraph[document][paragraph].append(index)
        }
      }
      if !representing[relation].isEmpty, fields.affirmedAndReported[index],
        representing[relation].contains(kindOfEntity[subject]), subject != object
      {
        steps[subject].append((object, index))
      }
    }
    var speaksFor = [[Representation]](repeating: [], count: entities.count)
    var spokenForBy = [[Representation]](repeating: [], count: entities.count)
    for start in entities.indices where !steps[start].isEmpty {
      var seen: Set<Int> = [start]
      var frontier = [Representation(entity: start, chain: [])]
      reaching: while !frontier.isEmpty {
        var next: [Representation] = []
        for here in frontier where here.chain.count < Self.maximumChain {
          for step in steps[here.entity] where seen.insert(step.to).inserted {
            guard speaksFor[start].count < Self.maximumReach else { break reaching }
            let reached = Representation(entity: step.to, chain: here.chain + [step.fact])
            speaksFor[start].append(reached)
            spokenForBy[step.to].append(Representation(entity: start, chain: reached.chain))
            next.append(reached)
          }
        }
        frontier = next
      }
    }
    self.entityByID = entityByID
    self.relationByID = relationByID
    factsBySubject = bySubject
    factsByObject = byObject
    factsByRelation = byRelation
    factsByQualifier = byQualifier
    factsByParagraph = byParagraph
    self.speaksFor = speaksFor
    self.spokenForBy = spokenForBy
  }

  /// The facts whose evidence cites paragraph `number` of document `document`, in order.
  public func facts(inParagraph number: Int, of document: Int) -> [Int] {
    guard factsByParagraph.indices.contains(document),
      factsByParagraph[document].indices.contains(number)
    else { return [] }
    return factsByParagraph[document][number]
  }
}
