import ArticleModel

/// The vocabulary stored in a snapshot's `vocabulary` section (`Grammar/snapshot.md`), so that
/// an engine on a snapshot's model looks its phrases, possessives and printed forms up where
/// they lie in the snapshot's bytes instead of lexing every name again, or making the section's
/// tables into dictionaries and strings (issue 14).
///
/// The section is checked when it is opened (`VocabularySection`): every number against what
/// it counts or indexes, the model's sizes against the model's. A section that does not open is
/// built again from the model (`EngineContext`), never used in part.
extension Vocabulary {
  /// The name of the snapshot section that holds the vocabulary.
  static let sectionName = "vocabulary"
  /// The layout of the section (`VocabularySection`); a section of another layout is built
  /// again.
  static let sectionFormat = 2

  /// The vocabulary stored with `model` in the snapshot it was read from; nil when it has none
  /// or the section does not read.
  init?(storedWith model: Model) {
    guard let bytes = model.snapshotSectionBytes(named: Self.sectionName),
      let section = try? VocabularySection(bytes, model: model)
    else { return nil }
    self.init(section: section, model: model)
  }

  /// This vocabulary, of `model`, as a snapshot section; nil when a number of it does not fit
  /// the section's layout (32 bits), and the engine then builds it at every start.
  func section(of model: Model) -> SnapshotSection? {
    encoded(of: model).map { SnapshotSection(name: Self.sectionName, bytes: $0) }
  }

  /// The vocabulary in `bytes`, written by `encoded(of:)` for `model`; throws when the section
  /// is of another layout or another model, or does not read.
  init(decoding bytes: [UInt8], model: Model) throws(SnapshotError) {
    let carrying = model.withSnapshotSections([
      SnapshotSection(name: Self.sectionName, bytes: bytes)
    ])
    guard let placed = carrying.snapshotSectionBytes(named: Self.sectionName) else {
      throw .truncated
    }
    self.init(section: try VocabularySection(placed, model: model), model: model)
  }

  /// A vocabulary of these tables, with the parts a snapshot leaves out, since they are read
  /// off the model at no cost.
  init(
    basicsOf model: Model, entities: PhraseTable, relations: PhraseTable, sets: PhraseTable,
    entityNames: NameList, relationPhrases: NameList, primaryRelationPhrases: NameList,
    printedForms: OptionalTexts, baseForms: OptionalTexts, possessives: PossessiveTable
  ) {
    self.entities = entities
    self.relations = relations
    self.sets = sets
    self.entityNames = entityNames
    self.relationPhrases = relationPhrases
    self.primaryRelationPhrases = primaryRelationPhrases
    self.printedForms = printedForms
    self.baseForms = baseForms
    self.possessives = possessives
    entityList = model.entities
    scenarioKinds = model.kinds.map(\.isScenario)
    documentIDs = model.documents.map(\.id)
    paragraphCounts = model.documents.map(\.paragraphs.count)
  }

  /// The sizes of the model a section was written for, which the model read with it must have.
  static func sizes(of model: Model) -> [Int] {
    [
      model.entities.count, model.relations.count, model.kinds.count, model.sets.count,
      model.documents.count,
    ]
  }

  /// The vocabulary of an opened section: the phrase tables, the entities' names, the printed
  /// forms and the possessives stay in the section, searched or read when asked; the few
  /// relation phrases, set names, qualifier keys and small tables are made now.
  init(section: VocabularySection, model: Model) {
    self.init(
      basicsOf: model,
      entities: PhraseTable(section: section, nodes: .entityNodes, edges: .entityEdges),
      relations: PhraseTable(section: section, nodes: .relationNodes, edges: .relationEdges),
      sets: PhraseTable(section: section, nodes: .setNodes, edges: .setEdges),
      entityNames: NameList(section: section, part: .entityNames),
      relationPhrases: NameList(section: section, part: .relationPhrases),
      primaryRelationPhrases: NameList(section: section, part: .primaryRelationPhrases),
      printedForms: OptionalTexts(section: section, part: .printedForms),
      baseForms: OptionalTexts(section: section, part: .baseForms),
      possessives: PossessiveTable(section: section))
    setNames = section.strings(.setNames)
    setAliases = section.strings(.setAliases)
    qualifierKeys = section.strings(.qualifierKeys)
    setMeanings = (0..<section.count(.setMeanings)).map { index in
      switch section.number(.setMeanings, index) {
      case 0:
        let start = section.number(.setMeanings, index, 1)
        let count = section.number(.setMeanings, index, 2)
        return .kinds((start..<start + count).map { section.number(.setKinds, $0) })
      case 1: return .defined(section.number(.setMeanings, index, 1))
      default: return .everything
      }
    }
    for index in 0..<section.count(.singulars) {
      singularSets[section.string(section.number(.singulars, index))] =
        section.number(.singulars, index, 1)
    }
    for index in 0..<section.count(.offices) {
      offices[section.string(section.number(.offices, index))] = section.number(.offices, index, 1)
    }
    for index in 0..<section.count(.qualifiers) {
      qualifierTakesEntity[section.string(section.number(.qualifiers, index))] =
        section.number(.qualifiers, index, 1) == 1
    }
    for index in 0..<section.count(.adverbs) {
      adverbs[section.string(section.number(.adverbs, index))] =
        section.string(section.number(.adverbs, index, 1))
    }
    times = (0..<section.count(.times)).map { index in
      let start = section.number(.times, index)
      let count = section.number(.times, index, 1)
      return (start..<start + count).map { section.string(section.number(.timeWords, $0)) }
    }
  }

  /// The section's bytes (`VocabularySection`), in an order that does not depend on hashing
  /// (the bundled snapshot's bytes must be the same at every build); nil when a number does
  /// not fit.
  func encoded(of model: Model) -> [UInt8]? {
    var writer = VocabularySectionWriter()
    writer.strings(.entityNames, entityNames)
    writer.strings(.relationPhrases, relationPhrases)
    writer.strings(.primaryRelationPhrases, primaryRelationPhrases)
    writer.strings(.setNames, setNames)
    writer.strings(.setAliases, setAliases)
    writer.strings(.qualifierKeys, qualifierKeys)
    for meaning in setMeanings {
      switch meaning {
      case .kinds(let kinds):
        writer.append(.setMeanings, 0, writer.count(.setKinds), kinds.count)
        for kind in kinds { writer.append(.setKinds, kind) }
      case .defined(let set): writer.append(.setMeanings, 1, set, 0)
      case .everything: writer.append(.setMeanings, 2, 0, 0)
      }
    }
    let tables: [(PhraseTable, VocabularySection.Part, VocabularySection.Part)] = [
      (entities, .entityNodes, .entityEdges), (relations, .relationNodes, .relationEdges),
      (sets, .setNodes, .setEdges),
    ]
    for (table, nodes, edges) in tables {
      for node in 0..<table.nodeCount {
        let meaning = writer.meaning(table.meaning(node))
        writer.append(nodes, meaning)
      }
      for edge in table.frozenEdges {
        let word = writer.string(edge.word)
        writer.append(edges, key: edge.key, word, edge.next)
      }
    }
    for index in 0..<printedForms.count {
      let number = printedForms[index].map { writer.string($0) + 1 } ?? 0
      writer.append(.printedForms, number)
    }
    for index in 0..<baseForms.count {
      let number = baseForms[index].map { writer.string($0) + 1 } ?? 0
      writer.append(.baseForms, number)
    }
    for entry in possessives.entries {
      let head = writer.string(entry.head)
      writer.append(
        .possessives, key: entry.key, head, writer.count(.possessed), entry.entities.count)
      for entity in entry.entities { writer.append(.possessed, entity) }
    }
    for (part, table) in [
      (VocabularySection.Part.singulars, singularSets), (.offices, offices),
      (.qualifiers, qualifierTakesEntity.mapValues { $0 ? 1 : 0 }),
    ] {
      for (word, number) in table.sorted(by: { $0.key < $1.key }) {
        let string = writer.string(word)
        writer.append(part, string, number)
      }
    }
    for (word, key) in adverbs.sorted(by: { $0.key < $1.key }) {
      let (word, key) = (writer.string(word), writer.string(key))
      writer.append(.adverbs, word, key)
    }
    for time in times {
      writer.append(.times, writer.count(.timeWords), time.count)
      writer.strings(.timeWords, time)
    }
    let bytes = writer.bytes(sizes: Self.sizes(of: model))
    return writer.fits ? bytes : nil
  }
}
