extension SnapshotReader {
  /// A reader of part `part` of `store`'s snapshot, once every block of it is checked.
  static func part(_ part: SnapshotPart, of store: SnapshotStore) throws(SnapshotError)
    -> SnapshotReader
  {
    guard store.parts.checkAll(part, in: store.bytes) else { throw .checksumMismatch }
    var reader = SnapshotReader(
      UnsafeRawBufferPointer(rebasing: store.bytes[store.parts.range(part)]))
    reader.table = store.strings
    return reader
  }

  /// The model of a format-5 snapshot whose parts are `parts`: its model part read (checked
  /// first) and every number in it checked; its facts, strings and index left in place
  /// (`SnapshotStore`), and who speaks for whom read.
  static func model(parts: SnapshotParts, strings: MappedStrings, reload: SnapshotReload)
    throws(SnapshotError) -> (Model, SnapshotStore)
  {
    let owner = strings.owner
    let starts = parts.range(.stringStarts).count
    guard starts >= 8, starts % 8 == 0 else { throw .malformed("a string table of no strings") }
    guard parts.checkAll(.model, in: owner.bytes) else { throw .checksumMismatch }
    var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: owner.bytes[parts.range(.model)]))
    reader.table = strings
    reader.releasesStrings = false
    let made = MadeStrings(table: strings)
    var documents: [Document] = []
    for number in 0..<(try reader.count()) {
      var document = Document(
        id: try reader.string(made), title: try reader.optionalString(made),
        author: try reader.optionalString(made), publisher: try reader.optionalString(made),
        date: try reader.optionalString(made), url: try reader.optionalString(made),
        textFile: try reader.optionalString(made), skipped: try reader.strings(made))
      // The paragraphs stay places in the table until read (`TextList`).
      document.paragraphs = TextList(
        snapshot: SnapshotTexts(
          strings: strings, reload: reload, document: number,
          numbers: try reader.stringNumbers()))
      documents.append(document)
    }
    var kinds: [Kind] = []
    for _ in 0..<(try reader.count()) {
      kinds.append(
        Kind(
          id: try reader.string(made), plural: try reader.string(made),
          isScenario: try reader.bool(),
          aliases: try reader.strings(made)))
    }
    var relations: [Relation] = []
    for _ in 0..<(try reader.count()) {
      relations.append(
        Relation(
          id: try reader.string(made), phrase: try reader.string(made),
          present: try reader.optionalString(made), past: try reader.optionalString(made),
          base: try reader.optionalString(made), passive: try reader.optionalString(made),
          inverse: try reader.optionalString(made), synonyms: try reader.strings(made),
          symmetric: try reader.bool(), office: try reader.bool(), reflexive: try reader.bool(),
          personal: try reader.bool(), represents: try reader.strings(made),
          subjectKinds: try reader.strings(made), objectKinds: try reader.strings(made),
          cameo: try reader.optionalString(made)))
    }
    var entities: [Entity] = []
    let entityCount = try reader.count()
    entities.reserveCapacity(entityCount)
    // The aliases, metonyms and background stay in place, their numbers checked: made into
    // strings when asked (`SnapshotEntityLists`), unless the part is too long for an offset.
    let entityLists =
      reader.bytes.count <= Int(UInt32.max)
      ? SnapshotEntityLists(strings: strings, model: parts.range(.model), reload: reload) : nil
    for entity in 0..<entityCount {
      let id = try reader.string(made)
      let name = try reader.string(made)
      let kind = KindRef(try reader.number(below: kinds.count))
      if let entityLists {
        let offset = UInt32(reader.offset)
        for _ in 0..<3 { try reader.skipStrings() }
        entities.append(
          Entity(
            id: id, name: name, kind: kind,
            lists: EntityLists(mapped: entityLists, offset: offset, entity: UInt32(entity))))
      } else {
        entities.append(
          Entity(
            id: id, name: name, kind: kind, aliases: try reader.strings(made),
            metonyms: try reader.strings(made), background: try reader.strings(made)))
      }
    }
    var sets: [NamedSet] = []
    // The engine indents each set's query by its column (`EngineContext.source(of:)`), as it
    // stands in its model file. A line is in a model file, which is no larger than
    // `ModelLoader.maximumFileSize`; and all the sets' indentation together is no longer than
    // the snapshot, as every count is bounded by the bytes left, so that a snapshot never asks
    // for more memory than its own size (a fuzzed column asked for exabytes, a crafted one for
    // 512 MiB a set). A model whose sets stand further right than its snapshot is long is then
    // loaded from its file.
    let place = ModelLoader.maximumFileSize + 1
    var indentation = owner.bytes.count
    for _ in 0..<(try reader.count()) {
      let id = try reader.string(made)
      let query = try reader.string(made)
      let origin =
        try reader.bool()
        ? NamedSet.Origin(
          file: try reader.string(made), line: try reader.number(below: place),
          column: try reader.number(below: min(place, indentation + 2)))
        : nil
      indentation -= max(0, (origin?.column ?? 1) - 1)
      sets.append(NamedSet(id: id, query: query, origin: origin, aliases: try reader.strings(made)))
    }
    // The columns hold 32-bit numbers: more entities, relations or facts than that is no
    // snapshot this csto wrote (a model file is at most 512 MiB).
    let factCount = try reader.number(below: Int(Int32.max))
    guard entities.count < Int32.max, relations.count < Int32.max,
      parts.range(.facts).count == SnapshotStore.factsLength(factCount)
    else { throw .malformed("a number out of range") }
    let paragraphCounts = documents.map(\.paragraphs.count)
    var paragraphLists: [Int] = []
    for _ in 0..<(try reader.number(below: documents.count + 1)) {
      paragraphLists.append(
        try reader.number(below: paragraphCounts[paragraphLists.count] + 2))
    }
    var qualifiers: [Qualifier.Declaration] = []
    for _ in 0..<(try reader.count()) {
      qualifiers.append(
        Qualifier.Declaration(
          key: Qualifier.Key(rawValue: try reader.string(made)), takesEntity: try reader.bool(),
          meaning: try reader.optionalString(made)))
    }
    var noClaims: [NoClaim] = []
    for _ in 0..<(try reader.count()) {
      let (document, paragraph) = try reader.place(paragraphCounts: paragraphCounts)
      noClaims.append(
        NoClaim(
          document: document, paragraph: paragraph, quote: try reader.string(made),
          reason: try reader.string(made)))
    }
    guard reader.isAtEnd else { throw .malformed("bytes after the model") }
    reload.expect(
      ModelShape(
        entities: entities.count, relations: relations.count, facts: factCount,
        paragraphs: paragraphCounts, paragraphLists: paragraphLists))
    let store = SnapshotStore(
      owner: owner, parts: parts, entities: entities.count, relations: relations.count,
      facts: factCount, paragraphCounts: paragraphCounts,
      paragraphLists: paragraphLists.reduce(0, +), strings: strings, reload: reload)
    let lists = zip(
      [SnapshotPart.bySubject, .byObject, .byRelation, .byQualifier],
      [entities.count, entities.count, relations.count, entities.count]
    ).map { part, count in
      FactLists(
        mapped: MappedLists(store: store, part: part, lists: count, first: 0, count: count))
    }
    let allParagraphLists = paragraphLists.reduce(0, +)
    var first = 0
    let byParagraph = paragraphLists.map { count in
      defer { first += count }
      return FactLists(
        mapped: MappedLists(
          store: store, part: .byParagraph, lists: allParagraphLists, first: first, count: count))
    }
    var speaks = try part(.speaks, of: store)
    let speaksFor = try speaks.speakers(entities: entities.count, facts: factCount)
    let index = ModelIndex(
      relations: relations, entities: entities, lists: lists, byParagraph: byParagraph,
      speaksFor: speaksFor)
    let model = Model(
      documents: documents, kinds: kinds, relations: relations, entities: entities, sets: sets,
      facts: FactList(snapshot: SnapshotFacts(store: store)), index: index,
      qualifiers: qualifiers, noClaims: noClaims)
    return (model, store)
  }

  /// A string of the table; a long one made at most twice however often the model part names it
  /// (`MadeStrings`).
  mutating func string(_ made: MadeStrings) throws(SnapshotError) -> String {
    guard let string = made.string(try number(below: made.count)) else {
      throw .checksumMismatch
    }
    return string
  }

  /// An optional string (0 for none, else its number plus one), made as `string(_:)` makes it.
  mutating func optionalString(_ made: MadeStrings) throws(SnapshotError) -> String? {
    let number = try number(below: made.count + 1)
    guard number > 0 else { return nil }
    guard let string = made.string(number - 1) else { throw .checksumMismatch }
    return string
  }

  /// A count and that many strings, made as `string(_:)` makes them.
  mutating func strings(_ made: MadeStrings) throws(SnapshotError) -> [String] {
    let count = try count()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string(made)) }
    return values
  }

  /// Who speaks for whom (`SnapshotWriter.encodeSpeakers`), every number checked.
  mutating func speakers(entities: Int, facts: Int) throws(SnapshotError)
    -> [[ModelIndex.Representation]]
  {
    var speaksFor = [[ModelIndex.Representation]](repeating: [], count: entities)
    var previous = -1
    for _ in 0..<(try count()) {
      let entity = try number(below: entities)
      guard entity > previous else { throw .malformed("speakers out of order") }
      previous = entity
      var reached: [ModelIndex.Representation] = []
      for _ in 0..<(try count()) {
        let target = try number(below: entities)
        var chain: [Int] = []
        for _ in 0..<(try count()) { chain.append(try number(below: facts)) }
        reached.append(ModelIndex.Representation(entity: target, chain: chain))
      }
      speaksFor[entity] = reached
    }
    guard isAtEnd else { throw .malformed("bytes after the speakers") }
    return speaksFor
  }

  /// A fact's qualifiers, at the reader's place.
  mutating func qualifiers(entities: Int) throws(SnapshotError) -> [Qualifier] {
    var qualifiers: [Qualifier] = []
    for _ in 0..<(try count()) {
      let key = Qualifier.Key(rawValue: try string())
      switch try byte() {
      case 0: qualifiers.append(Qualifier(key, .entity(try number(below: entities))))
      case 1: qualifiers.append(Qualifier(key, .text(try string())))
      default: throw .malformed("a qualifier of no known kind")
      }
    }
    return qualifiers
  }

  /// A document index and a paragraph number in it (from 1), for documents of
  /// `paragraphCounts` paragraphs.
  mutating func place(paragraphCounts: [Int]) throws(SnapshotError) -> (Int, Int) {
    let document = try number(below: paragraphCounts.count)
    let paragraph = try number(below: paragraphCounts[document] + 1)
    guard paragraph >= 1 else { throw .malformed("paragraph 0") }
    return (document, paragraph)
  }
}
