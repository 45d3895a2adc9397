extension SnapshotReader {
  /// The model written by `SnapshotWriter.encode(_:)`; every fact's entity, relation, document
  /// and paragraph is checked to be in range, as the model's index relies on. Its facts stay
  /// in `owner` (whose bytes this reader reads) and are made when asked (`SnapshotFacts`).
  mutating func model(owner: SnapshotBytes) throws(SnapshotError) -> Model {
    var documents: [Document] = []
    for _ in 0..<(try count()) {
      var document = Document(
        id: try string(), title: try optionalString(), author: try optionalString(),
        publisher: try optionalString(), date: try optionalString(), url: try optionalString(),
        textFile: try optionalString(), skipped: try strings())
      // The paragraphs stay places in the table until read (`TextList`).
      document.paragraphs = TextList(
        snapshot: SnapshotTexts(owner: owner, table: table, numbers: try stringNumbers()))
      documents.append(document)
    }
    var kinds: [Kind] = []
    for _ in 0..<(try count()) {
      kinds.append(
        Kind(
          id: try string(), plural: try string(), isScenario: try bool(), aliases: try strings()))
    }
    var relations: [Relation] = []
    for _ in 0..<(try count()) {
      relations.append(
        Relation(
          id: try string(), phrase: try string(), present: try optionalString(),
          past: try optionalString(), base: try optionalString(), passive: try optionalString(),
          inverse: try optionalString(), synonyms: try strings(), symmetric: try bool(),
          office: try bool(), reflexive: try bool(), personal: try bool(),
          represents: try strings(), subjectKinds: try strings(),
          objectKinds: try strings(), cameo: try optionalString()))
    }
    var entities: [Entity] = []
    for _ in 0..<(try count()) {
      entities.append(
        Entity(
          id: try string(), name: try string(), kind: KindRef(try number(below: kinds.count)),
          aliases: try strings(),
          metonyms: try strings(), background: try strings()))
    }
    var sets: [NamedSet] = []
    for _ in 0..<(try count()) {
      let id = try string()
      let query = try string()
      // A place in a model file, which is no larger than `ModelLoader.maximumFileSize`: the
      // engine indents the set's query by its column (a fuzzed column asked for exabytes).
      let place = ModelLoader.maximumFileSize + 1
      let origin =
        try bool()
        ? NamedSet.Origin(
          file: try string(), line: try number(below: place), column: try number(below: place))
        : nil
      sets.append(NamedSet(id: id, query: query, origin: origin, aliases: try strings()))
    }
    let paragraphCounts = documents.map(\.paragraphs.count)
    let facts = try SnapshotFacts.read(
      &self, owner: owner, entities: entities.count, relations: relations.count,
      paragraphCounts: paragraphCounts)
    var qualifiers: [Qualifier.Declaration] = []
    for _ in 0..<(try count()) {
      qualifiers.append(
        Qualifier.Declaration(
          key: Qualifier.Key(rawValue: try string()), takesEntity: try bool(),
          meaning: try optionalString()))
    }
    var noClaims: [NoClaim] = []
    for _ in 0..<(try count()) {
      let (document, paragraph) = try place(paragraphCounts: paragraphCounts)
      noClaims.append(
        NoClaim(document: document, paragraph: paragraph, quote: try string(), reason: try string())
      )
    }
    return Model(
      documents: documents, kinds: kinds, relations: relations, entities: entities, sets: sets,
      facts: FactList(snapshot: facts.storage), fields: facts.fields, qualifiers: qualifiers,
      noClaims: noClaims)
  }

  /// The fact at the reader's place, as `SnapshotWriter` wrote it.
  mutating func fact(entities: Int, relations: Int, paragraphCounts: [Int])
    throws(SnapshotError) -> Fact
  {
    let subject = try number(below: entities)
    let relation = try number(below: relations)
    let object = try number(below: entities)
    let qualifiers = try qualifiers(entities: entities)
    let polarity: Polarity =
      switch try byte() {
      case 0: .affirmed
      case 1: .denied
      default: throw .malformed("a polarity of no known kind")
      }
    let modality: Modality =
      switch try byte() {
      case 0: .reported
      case 1: .assessment
      case 2: .scenario(try number(below: entities))
      default: throw .malformed("a modality of no known kind")
      }
    let personal = try bool()
    var evidence: [Evidence] = []
    for _ in 0..<(try count()) {
      let (document, paragraph) = try place(paragraphCounts: paragraphCounts)
      evidence.append(Evidence(document: document, paragraph: paragraph, quote: try string()))
    }
    return Fact(
      subject: subject, relation: relation, object: object, qualifiers: qualifiers,
      polarity: polarity, modality: modality, personal: personal, evidence: evidence,
      note: try optionalString())
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
