/// The article model: documents, kinds, relations, entities, named sets and facts, with the
/// indexes that let a query touch only the facts it needs. Build one with `ModelLoader`.
public struct Model: Sendable, Equatable {
  public let documents: [Document]
  public let kinds: [Kind]
  public let relations: [Relation]
  public let entities: [Entity]
  public let sets: [NamedSet]
  /// The facts, in order: an array, or read when asked from the snapshot the model was loaded
  /// from (`FactList`).
  public let facts: FactList
  /// The qualifiers the model declares beyond the five built in.
  public let qualifiers: [Qualifier.Declaration]
  /// The sentences the model declares to make no claim.
  public let noClaims: [NoClaim]
  public let index: ModelIndex
  /// What the snapshot this model was read from carried beside it for the layers above
  /// (`SnapshotSection`); empty for a model loaded from its text. Not part of equality.
  public internal(set) var snapshotSections: [SnapshotSection] = []
  /// The numbers the checker gave the facts' strings, for the snapshot writer
  /// (`CheckedStrings`); nil once written, and for a model not made by the checker.
  /// Not part of equality.
  var stringNumbers: CheckedStrings?

  /// A model from its parts; indices in facts must be in range (the loader checks them).
  public init(
    documents: [Document], kinds: [Kind], relations: [Relation], entities: [Entity],
    sets: [NamedSet], facts: some Sequence<Fact>, qualifiers: [Qualifier.Declaration] = [],
    noClaims: [NoClaim] = []
  ) {
    let facts = Array(facts)
    self.init(
      documents: documents, kinds: kinds, relations: relations, entities: entities, sets: sets,
      facts: facts, fields: FactFields(facts), qualifiers: qualifiers, noClaims: noClaims)
  }

  /// A model of `facts`, whose fields `fields` were taken beforehand (by the checker, on
  /// another thread: `ModelChecker.run`).
  init(
    documents: [Document], kinds: [Kind], relations: [Relation], entities: [Entity],
    sets: [NamedSet], facts: [Fact], fields: FactFields, qualifiers: [Qualifier.Declaration],
    noClaims: [NoClaim]
  ) {
    self.documents = documents
    self.kinds = kinds
    self.relations = relations
    self.entities = entities
    self.sets = sets
    self.facts = FactList(facts)
    self.qualifiers = qualifiers
    self.noClaims = noClaims
    index = ModelIndex(kinds: kinds, relations: relations, entities: entities, fields: fields)
  }

  /// A model read from a snapshot: its facts read when asked, its index as stored.
  init(
    documents: [Document], kinds: [Kind], relations: [Relation], entities: [Entity],
    sets: [NamedSet], facts: FactList, index: ModelIndex, qualifiers: [Qualifier.Declaration],
    noClaims: [NoClaim]
  ) {
    self.documents = documents
    self.kinds = kinds
    self.relations = relations
    self.entities = entities
    self.sets = sets
    self.facts = facts
    self.qualifiers = qualifiers
    self.noClaims = noClaims
    self.index = index
  }

  public static func == (lhs: Model, rhs: Model) -> Bool {
    lhs.documents == rhs.documents && lhs.kinds == rhs.kinds && lhs.relations == rhs.relations
      && lhs.entities == rhs.entities && lhs.sets == rhs.sets && lhs.facts == rhs.facts
      && lhs.qualifiers == rhs.qualifiers && lhs.noClaims == rhs.noClaims
  }

  /// The kind of entity `entity`.
  public func kind(of entity: Int) -> Kind {
    kinds[entities[entity].kind.index]
  }

  /// Whether entity `entity` is a scenario: its kind is declared `hypothetical`.
  public func isScenario(_ entity: Int) -> Bool {
    kind(of: entity).isScenario
  }

  /// The kind with this id, if any.
  public func kind(id: String) -> KindRef? {
    kinds.firstIndex { $0.id == id }.map(KindRef.init)
  }

  /// The title of the first document, for banners.
  public var title: String {
    documents.first?.title ?? documents.first?.id ?? "model"
  }

  /// The entity with this id, if any.
  public func entity(id: String) -> Int? { index.entityByID[id] }

  /// The relation with this id, if any.
  public func relation(id: String) -> Int? { index.relationByID[id] }

  /// The evidence quote's paragraph text.
  public func paragraph(of evidence: Evidence) -> String? {
    documents.indices.contains(evidence.document)
      ? documents[evidence.document].paragraph(evidence.paragraph) : nil
  }
}

extension Model: Codable {
  private enum CodingKeys: String, CodingKey {
    case documents, kinds, relations, entities, sets, facts, qualifiers, noClaims
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kinds = try container.decode([Kind].self, forKey: .kinds)
    self.init(
      documents: try container.decode([Document].self, forKey: .documents),
      kinds: kinds,
      relations: try container.decode([Relation].self, forKey: .relations),
      entities: try container.decode([EntityRecord].self, forKey: .entities).map { record in
        guard let kind = kinds.firstIndex(where: { $0.id == record.kind }) else {
          throw DecodingError.dataCorruptedError(
            forKey: .entities, in: container, debugDescription: "unknown kind '\(record.kind)'")
        }
        return Entity(
          id: record.id, name: record.name, kind: KindRef(kind), aliases: record.aliases,
          metonyms: record.metonyms, background: record.background)
      },
      sets: try container.decode([NamedSet].self, forKey: .sets),
      facts: try container.decode([Fact].self, forKey: .facts),
      qualifiers: try container.decodeIfPresent([Qualifier.Declaration].self, forKey: .qualifiers)
        ?? [],
      noClaims: try container.decodeIfPresent([NoClaim].self, forKey: .noClaims) ?? [])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(documents, forKey: .documents)
    try container.encode(kinds, forKey: .kinds)
    try container.encode(relations, forKey: .relations)
    try container.encode(
      entities.map {
        EntityRecord(
          id: $0.id, name: $0.name, kind: kinds[$0.kind.index].id, aliases: $0.aliases,
          metonyms: $0.metonyms, background: $0.background)
      }, forKey: .entities)
    try container.encode(sets, forKey: .sets)
    try container.encode(facts, forKey: .facts)
    if !qualifiers.isEmpty { try container.encode(qualifiers, forKey: .qualifiers) }
    if !noClaims.isEmpty { try container.encode(noClaims, forKey: .noClaims) }
  }
}

/// An entity as JSON has it: its kind by id.
private struct EntityRecord: Codable {
  var id: String
  var name: String
  var kind: String
  var aliases: [String]
  var metonyms: [String]
  var background: [String]
}
