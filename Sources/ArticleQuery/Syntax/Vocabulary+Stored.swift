import ArticleModel

/// The vocabulary stored in a snapshot's `vocabulary` section (`Grammar/snapshot.md`), so that
/// an engine on a snapshot's model reads its phrase tables and possessives instead of lexing
/// every name again (issue 14: building them was half of a one-shot's instructions).
///
/// The section is checked as the snapshot is: every count against the bytes left, every index
/// against what it indexes, the model's sizes against the model's. A section that does not
/// read is built again from the model (`EngineContext`), never used in part.
extension Vocabulary {
  /// The name of the snapshot section that holds the vocabulary.
  static let sectionName = "vocabulary"
  /// The layout of the section below; a section of another layout is built again.
  static let sectionFormat = 1

  /// The vocabulary stored with `model` in the snapshot it was read from; nil when it has none
  /// or the section does not read.
  init?(storedWith model: Model) {
    guard let bytes = model.snapshotSection(named: Self.sectionName),
      let vocabulary = try? Vocabulary(decoding: bytes, model: model)
    else { return nil }
    self = vocabulary
  }

  /// This vocabulary, of `model`, as a snapshot section.
  func section(of model: Model) -> SnapshotSection {
    SnapshotSection(name: Self.sectionName, bytes: encoded(of: model))
  }

  /// The section's bytes: the format, the model's sizes, a string table, then the parts that
  /// `init(model:)` builds, in an order that does not depend on hashing (the bundled
  /// snapshot's bytes must be the same at every build).
  func encoded(of model: Model) -> [UInt8] {
    var body = SnapshotWriter()
    for list in [
      entityNames, relationPhrases, primaryRelationPhrases, setNames, setAliases, qualifierKeys,
    ] {
      body.strings(list)
    }
    body.number(setMeanings.count)
    for meaning in setMeanings {
      switch meaning {
      case .kinds(let kinds):
        body.byte(0)
        body.number(kinds.count)
        for kind in kinds { body.number(kind) }
      case .defined(let set):
        body.byte(1)
        body.number(set)
      case .everything: body.byte(2)
      }
    }
    for table in [entities, relations, sets] { table.encode(into: &body) }
    let forms = printedForms.sorted {
      ($0.key.index, $0.key.reversed ? 1 : 0) < ($1.key.index, $1.key.reversed ? 1 : 0)
    }
    body.number(forms.count)
    for (reference, phrase) in forms {
      body.number(reference.index)
      body.bool(reference.reversed)
      body.string(phrase)
    }
    body.number(baseForms.count)
    for (index, form) in baseForms.sorted(by: { $0.key < $1.key }) {
      body.number(index)
      body.string(form)
    }
    let owned = possessives.sorted {
      $0.key.owner != $1.key.owner ? $0.key.owner < $1.key.owner : $0.key.head < $1.key.head
    }
    body.number(owned.count)
    for (key, entities) in owned {
      body.number(key.owner)
      body.string(key.head)
      body.number(entities.count)
      for entity in entities.sorted() { body.number(entity) }
    }
    for table in [singularSets, offices] {
      body.number(table.count)
      for (word, index) in table.sorted(by: { $0.key < $1.key }) {
        body.string(word)
        body.number(index)
      }
    }
    body.number(qualifierTakesEntity.count)
    for (key, takesEntity) in qualifierTakesEntity.sorted(by: { $0.key < $1.key }) {
      body.string(key)
      body.bool(takesEntity)
    }
    body.number(adverbs.count)
    for (word, key) in adverbs.sorted(by: { $0.key < $1.key }) {
      body.string(word)
      body.string(key)
    }
    body.number(times.count)
    for time in times { body.strings(time) }
    var whole = SnapshotWriter()
    whole.number(Self.sectionFormat)
    for size in Self.sizes(of: model) { whole.number(size) }
    whole.number(body.stringCount)
    return whole.bytes + body.stringTableBytes + body.bytes
  }

  /// The vocabulary in `bytes`, written by `encoded(of:)` for `model`; throws when the section
  /// is of another layout or another model, or does not read.
  init(decoding bytes: [UInt8], model: Model) throws(SnapshotError) {
    let basics = Vocabulary(basicsOf: model)
    let decoded = bytes.withUnsafeBytes { raw -> Result<Vocabulary, SnapshotError> in
      var reader = SnapshotReader(raw)
      var vocabulary = basics
      do throws(SnapshotError) {
        try vocabulary.read(&reader, model: model)
      } catch {
        return .failure(error)
      }
      return reader.isAtEnd
        ? .success(vocabulary) : .failure(.malformed("bytes after the vocabulary"))
    }
    self = try decoded.get()
  }

  /// The parts a snapshot leaves out, since they are read off the model at no cost.
  init(basicsOf model: Model) {
    entityIDs = model.entities.map(\.id)
    scenarios = Set(model.entities.indices.filter(model.isScenario))
    documentIDs = model.documents.map(\.id)
    paragraphCounts = model.documents.map(\.paragraphs.count)
    displayNames = model.entities.map(\.name)
  }

  /// The sizes of the model a section was written for, which the model read with it must have.
  private static func sizes(of model: Model) -> [Int] {
    [
      model.entities.count, model.relations.count, model.kinds.count, model.sets.count,
      model.documents.count,
    ]
  }

  private mutating func read(_ reader: inout SnapshotReader, model: Model) throws(SnapshotError) {
    guard try reader.number() == Self.sectionFormat else {
      throw .malformed("a vocabulary of another layout")
    }
    for size in Self.sizes(of: model) where try reader.number() != size {
      throw .malformed("a vocabulary of another model")
    }
    try reader.readStringTable()
    entityNames = try reader.strings()
    relationPhrases = try reader.strings()
    primaryRelationPhrases = try reader.strings()
    setNames = try reader.strings()
    setAliases = try reader.strings()
    qualifierKeys = try reader.strings()
    let meanings = try reader.count()
    guard meanings == setNames.count else { throw .malformed("set meanings for other sets") }
    for _ in 0..<meanings {
      switch try reader.byte() {
      case 0:
        var kinds: [Int] = []
        for _ in 0..<(try reader.count()) {
          kinds.append(try reader.number(below: model.kinds.count))
        }
        setMeanings.append(.kinds(kinds))
      case 1: setMeanings.append(.defined(try reader.number(below: model.sets.count)))
      case 2: setMeanings.append(.everything)
      default: throw .malformed("a set meaning of no known kind")
      }
    }
    let limits = (
      entities: model.entities.count, relations: model.relations.count, sets: setNames.count
    )
    entities = try PhraseTable(&reader, limits: limits)
    relations = try PhraseTable(&reader, limits: limits)
    sets = try PhraseTable(&reader, limits: limits)
    for _ in 0..<(try reader.count()) {
      let index = try reader.number(below: model.relations.count)
      let reference = RelationRef(index, reversed: try reader.bool())
      printedForms[reference] = try reader.string()
    }
    for _ in 0..<(try reader.count()) {
      baseForms[try reader.number(below: model.relations.count)] = try reader.string()
    }
    let owned = try reader.count()
    possessives.reserveCapacity(owned)
    for _ in 0..<owned {
      let key = PossessiveKey(
        owner: try reader.number(below: model.entities.count), head: try reader.string())
      var named = Set<Int>()
      for _ in 0..<(try reader.count()) {
        named.insert(try reader.number(below: model.entities.count))
      }
      possessives[key] = named
    }
    for _ in 0..<(try reader.count()) {
      singularSets[try reader.string()] = try reader.number(below: setNames.count)
    }
    for _ in 0..<(try reader.count()) {
      offices[try reader.string()] = try reader.number(below: model.relations.count)
    }
    for _ in 0..<(try reader.count()) {
      qualifierTakesEntity[try reader.string()] = try reader.bool()
    }
    for _ in 0..<(try reader.count()) {
      adverbs[try reader.string()] = try reader.string()
    }
    for _ in 0..<(try reader.count()) { times.append(try reader.strings()) }
  }
}

extension PhraseTable {
  /// The frozen table as its nodes' meanings, then its edges in their sorted order, so that
  /// reading it back is appending them.
  func encode(into writer: inout SnapshotWriter) {
    writer.number(meanings.count)
    for meaning in meanings {
      switch meaning {
      case nil: writer.byte(0)
      case .entity(let index):
        writer.byte(1)
        writer.number(index)
      case .relation(let reference):
        writer.byte(2)
        writer.number(reference.index)
        writer.bool(reference.reversed)
      case .set(let index):
        writer.byte(3)
        writer.number(index)
      }
    }
    writer.number(edges.count)
    for edge in edges {
      writer.number(Int(edge.key >> 32))
      writer.string(edge.word)
      writer.number(edge.next)
    }
  }

  /// The table written by `encode(into:)`; every meaning's index is below its limit (entities,
  /// relations, sets), every edge joins two of the table's nodes and leads away from the root,
  /// and the edges are in the order lookups rely on.
  init(_ reader: inout SnapshotReader, limits: (entities: Int, relations: Int, sets: Int))
    throws(SnapshotError)
  {
    let nodes = try reader.count()
    guard nodes >= 1 else { throw .malformed("a phrase table without its root") }
    var meanings: [Vocabulary.Meaning?] = []
    meanings.reserveCapacity(nodes)
    for _ in 0..<nodes {
      switch try reader.byte() {
      case 0: meanings.append(nil)
      case 1: meanings.append(.entity(try reader.number(below: limits.entities)))
      case 2:
        let index = try reader.number(below: limits.relations)
        meanings.append(.relation(RelationRef(index, reversed: try reader.bool())))
      case 3: meanings.append(.set(try reader.number(below: limits.sets)))
      default: throw .malformed("a phrase of no known meaning")
      }
    }
    let count = try reader.count()
    var edges: [Entry] = []
    edges.reserveCapacity(count)
    for _ in 0..<count {
      let node = try reader.number(below: nodes)
      let word = try reader.string()
      let edge = Entry(
        key: Self.key(node: node, word: word), word: word, next: try reader.number(below: nodes))
      guard edge.next != 0 else { throw .malformed("a phrase table's edge into its root") }
      if let last = edges.last,
        last.key > edge.key || (last.key == edge.key && !(last.word < edge.word))
      {
        throw .malformed("a phrase table's edges out of order")
      }
      edges.append(edge)
    }
    self.init(meanings: meanings, edges: edges)
  }
}
