import Synchronization

/// Lookups derived from a model's facts: by id, by subject, object, relation, circumstance and
/// paragraph, and who speaks for whom (an office holder or a body for its state).
public struct ModelIndex: Sendable {
  /// Each entity's index by its id (the first, should two share one).
  public var entityByID: [String: Int] { ids.tables.entities }
  /// Each relation's index by its id (the first, should two share one).
  public var relationByID: [String: Int] { ids.tables.relations }
  /// Made on first use for a model read from a snapshot: a million-fact model's 100,000 ids
  /// hashed at every start cost more than the query (issue 14).
  private let ids: IDTables
  /// Fact indices, per entity as subject, per entity as object, per relation.
  public let factsBySubject: FactLists
  public let factsByObject: FactLists
  public let factsByRelation: FactLists
  /// Fact indices, per entity named in a qualifier (`in`, `at`, `during`, …), in order.
  public let factsByQualifier: FactLists
  /// Fact indices, per document and paragraph number their evidence cites, in order.
  public let factsByParagraph: [FactLists]
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
    let count = fields.count
    let bySubject = Self.grouped(
      groups: entities.count, pairs: count, group: { Int(fields.subjects[$0]) }, fact: { $0 })
    let byObject = Self.grouped(
      groups: entities.count, pairs: count, group: { Int(fields.objects[$0]) }, fact: { $0 })
    let byRelation = Self.grouped(
      groups: relations.count, pairs: count, group: { Int(fields.relations[$0]) }, fact: { $0 })
    let qualifierOwners = Self.owners(fields.qualifierStarts)
    let byQualifier = Self.grouped(
      groups: entities.count, pairs: qualifierOwners.count,
      group: { Int(fields.qualifierEntities[$0]) }, fact: { Int(qualifierOwners[$0]) })
    let byParagraph = Self.byParagraph(fields)
    // In the facts' order, which decides the chain found first.
    let represents = representing.map { !$0.isEmpty }
    for index in 0..<count where fields.affirmedAndReported[index] {
      let relation = Int(fields.relations[index])
      guard represents[relation] else { continue }
      let (subject, object) = (Int(fields.subjects[index]), Int(fields.objects[index]))
      if representing[relation].contains(kindOfEntity[subject]), subject != object {
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
    ids = IDTables(entities: entities, relations: relations)
    factsBySubject = bySubject
    factsByObject = byObject
    factsByRelation = byRelation
    factsByQualifier = byQualifier
    factsByParagraph = byParagraph
    self.speaksFor = speaksFor
    self.spokenForBy = spokenForBy
  }

  /// An index read from a snapshot: its lists in place (`MappedLists`), who speaks for whom as
  /// stored, the id tables made when first used.
  init(
    relations: [Relation], entities: [Entity], lists: [FactLists], byParagraph: [FactLists],
    speaksFor: [[Representation]]
  ) {
    ids = IDTables(entities: entities, relations: relations)
    factsBySubject = lists[0]
    factsByObject = lists[1]
    factsByRelation = lists[2]
    factsByQualifier = lists[3]
    factsByParagraph = byParagraph
    self.speaksFor = speaksFor
    // In the order the index built them: by the speaker, then as each speaker's were found.
    var spokenForBy = [[Representation]](repeating: [], count: entities.count)
    for (start, reached) in speaksFor.enumerated() {
      for step in reached {
        spokenForBy[step.entity].append(Representation(entity: start, chain: step.chain))
      }
    }
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

/// The id tables of an index, made from the entities and relations when first used.
private final class IDTables: Sendable {
  private let entities: [Entity]
  private let relations: [Relation]
  private let made = Mutex<(entities: [String: Int], relations: [String: Int])?>(nil)

  init(entities: [Entity], relations: [Relation]) {
    self.entities = entities
    self.relations = relations
  }

  var tables: (entities: [String: Int], relations: [String: Int]) {
    made.withLock { made in
      if let made { return made }
      var entityByID: [String: Int] = [:]
      entityByID.reserveCapacity(entities.count)
      for (index, entity) in entities.enumerated() where entityByID[entity.id] == nil {
        entityByID[entity.id] = index
      }
      var relationByID: [String: Int] = [:]
      for (index, relation) in relations.enumerated() where relationByID[relation.id] == nil {
        relationByID[relation.id] = index
      }
      made = (entityByID, relationByID)
      return (entityByID, relationByID)
    }
  }
}
