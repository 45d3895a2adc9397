import Synchronization
import Testing

@testable import ArticleModel

/// A model read from a snapshot keeps its facts in the snapshot's bytes and makes each when
/// asked (`FactList`): they, their fields read without making them, and the index built from
/// those fields are the ones of the model the snapshot was written from.
@Suite struct SnapshotFactsTests {
  static let built = ModelLoader.bundled
  static let bytes = ModelSnapshot(build: "test build", sources: []).encode(built)

  static func read(_ bytes: [UInt8]) throws -> Model {
    try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
  }

  /// Every list of the index, by name, for comparing two indexes.
  static func lists(of index: ModelIndex) -> [String: [[Int]]] {
    [
      "bySubject": Array(index.factsBySubject), "byObject": Array(index.factsByObject),
      "byRelation": Array(index.factsByRelation), "byQualifier": Array(index.factsByQualifier),
      "byParagraph": index.factsByParagraph.flatMap { Array($0) + [[-1]] },
      "speaksFor": index.speaksFor.map { $0.flatMap { [$0.entity] + $0.chain + [-1] } },
      "spokenForBy": index.spokenForBy.map { $0.flatMap { [$0.entity] + $0.chain + [-1] } },
    ]
  }

  @Test func theFactsAndTheirFieldsAreTheBuiltOnes() throws {
    let model = try Self.read(Self.bytes)
    #expect(model.facts.count == Self.built.facts.count)
    for index in Self.built.facts.indices {
      let fact = Self.built.facts[index]
      #expect(model.facts[index] == fact)
      #expect(model.facts.subject(at: index) == fact.subject)
      #expect(model.facts.relation(at: index) == fact.relation)
      #expect(model.facts.object(at: index) == fact.object)
      #expect(model.facts.scenario(at: index) == fact.scenario)
      #expect(model.facts.qualifiers(at: index) == fact.qualifiers)
      var claim = fact
      (claim.evidence, claim.note) = ([], nil)
      #expect(model.facts.claim(at: index) == claim)
      #expect(Self.built.facts.claim(at: index) == claim)
      claim.qualifiers = []
      #expect(model.facts.bare(at: index) == claim)
      #expect(Self.built.facts.bare(at: index) == claim)
    }
    #expect(model.facts.contains { $0.scenario != nil }, "the article has scenario facts")
    #expect(model.facts.contains { !$0.qualifiers.isEmpty })
  }

  /// The paragraphs, kept as places in the string table, are the built ones, read one by
  /// one, as an array, and in a copy changed after reading.
  @Test func theParagraphsAreTheBuiltOnes() throws {
    let model = try Self.read(Self.bytes)
    let built = Self.built.documents[0].paragraphs
    var read = model.documents[0].paragraphs
    #expect(read.count == built.count)
    #expect(read.indices.allSatisfy { read[$0] == built[$0] })
    #expect(read.array == built.array)
    #expect(model.documents[0].paragraph(1) == built.first)
    read.append("one more")
    #expect(Array(read) == built.array + ["one more"])
    #expect(model.documents[0].paragraphs == built)
  }

  @Test func theIndexFromTheSnapshotIsTheBuiltOne() throws {
    let model = try Self.read(Self.bytes)
    let (read, built) = (Self.lists(of: model.index), Self.lists(of: Self.built.index))
    for name in built.keys.sorted() {
      #expect(read[name] == built[name], "\(name)")
    }
    #expect(model.index.entityByID == Self.built.index.entityByID)
    #expect(Self.built.index.speaksFor.contains { !$0.isEmpty }, "the article has office chains")
  }

  /// The index's lists, as the plain reading of the facts gives them: each entity's facts as
  /// subject, as object and in qualifiers (once a fact), each relation's, each paragraph's.
  @Test func theIndexIsWhatTheFactsSay() throws {
    let model = try Self.read(Self.bytes)
    let facts = Array(Self.built.facts)
    for entity in model.entities.indices {
      #expect(
        model.index.factsBySubject[entity] == facts.indices.filter { facts[$0].subject == entity })
      #expect(
        model.index.factsByObject[entity] == facts.indices.filter { facts[$0].object == entity })
      #expect(
        model.index.factsByQualifier[entity]
          == facts.indices.filter { facts[$0].qualifiers.contains { $0.value == .entity(entity) } })
    }
    for relation in model.relations.indices {
      #expect(
        model.index.factsByRelation[relation]
          == facts.indices.filter { facts[$0].relation == relation })
    }
    let cited = facts.flatMap(\.evidence)
    #expect(model.index.factsByParagraph.count == (cited.map(\.document).max() ?? -1) + 1)
    for (document, paragraphs) in model.index.factsByParagraph.enumerated() {
      let last = cited.filter { $0.document == document }.map(\.paragraph).max()
      #expect(paragraphs.count == (last ?? -1) + 1)
      for paragraph in paragraphs.indices {
        #expect(
          paragraphs[paragraph]
            == facts.indices.filter {
              facts[$0].evidence.contains { $0.document == document && $0.paragraph == paragraph }
            })
      }
    }
  }

  /// Facts built in code, with what a snapshot's facts have in every field: two qualifiers
  /// naming the same entity, a scenario, a denial, two pieces of evidence, a note.
  @Test func everyFieldOfAFactComesBack() throws {
    let built = Self.built
    let scenario = try #require(built.entities.indices.first(where: built.isScenario))
    let facts = [
      Fact(
        subject: 0, relation: 0, object: 1,
        qualifiers: [
          Qualifier(.at, .entity(2)), Qualifier(.in, .entity(2)),
          Qualifier(.when, .text("in 2022")),
        ],
        polarity: .denied, modality: .scenario(scenario), personal: true,
        evidence: [
          Evidence(document: 0, paragraph: 1, quote: "a"),
          Evidence(document: 0, paragraph: 2, quote: "b"),
        ], note: "a note"),
      Fact(subject: 1, relation: 1, object: 0, modality: .assessment, evidence: []),
    ]
    let model = Model(
      documents: built.documents, kinds: built.kinds, relations: built.relations,
      entities: built.entities, sets: built.sets, facts: facts)
    let read = try Self.read(ModelSnapshot(build: "test", sources: []).encode(model))
    #expect(Array(read.facts) == facts)
    #expect(read.index.factsByQualifier[2] == [0])
    #expect(Self.lists(of: read.index) == Self.lists(of: model.index))
  }

  /// One byte changed anywhere, with every checksum made right again or not, read as the
  /// cache reads (the parts not needed at start checked when first used, a damaged one read
  /// as empty here, where there is no model file to load again): refused, or a model whose
  /// facts, paragraphs and index lists can all be read, every number in range, never a crash.
  @Test func aChangedByteNeverCrashesAndEveryNumberIsInRange() {
    var read = 0
    for offset in stride(from: 0, to: Self.bytes.count, by: max(1, Self.bytes.count / 250)) {
      for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
        var changed = Self.bytes
        changed[offset] = value
        for candidate in [changed, ModelSnapshot.resigned(changed)].compactMap(\.self) {
          let owner = candidate.withUnsafeBytes { SnapshotBytes(copying: $0) }
          guard let model = try? ModelSnapshot.model(from: owner, reload: { nil }) else {
            continue
          }
          read += 1
          Self.readEverything(of: model)
        }
      }
    }
    #expect(read > 0, "some changes (in strings) still make a snapshot")
  }

  /// Reads every fact, field, paragraph and index list of `model`, expecting every number in
  /// range.
  static func readEverything(of model: Model) {
    let (entities, facts) = (model.entities.count, model.facts.count)
    for index in model.facts.indices {
      let fact = model.facts[index]
      #expect((0..<entities).contains(model.facts.subject(at: index)))
      #expect((0..<model.relations.count).contains(model.facts.relation(at: index)))
      #expect((0..<entities).contains(model.facts.object(at: index)))
      #expect(fact.evidence.allSatisfy { model.paragraph(of: $0) != nil })
      _ = model.facts.qualifiers(at: index)
      _ = model.facts.scenario(at: index)
    }
    for document in model.documents {
      #expect(document.paragraphs.map(\.self).count == document.paragraphs.count)
    }
    let lists = Self.lists(of: model.index)
    for (name, lists) in lists where !name.hasPrefix("speaks") && !name.hasPrefix("spoken") {
      #expect(lists.allSatisfy { $0.allSatisfy { $0 == -1 || (0..<facts).contains($0) } })
    }
    for entity in model.entities.indices {
      #expect(model.index.factsBySubject.count(at: entity) >= 0)
    }
  }

  /// A model of more than one block of strings (quotes of 600 bytes), its last block damaged
  /// after the model was read: the names read at start are right, and the facts whose quotes
  /// are in the damaged block come from the model loaded again.
  @Test func aDamagedBlockOfStringsIsReadFromTheModelLoadedAgain() throws {
    let built = Self.built
    var facts = Array(built.facts)
    for number in 0..<2_500 {
      facts.append(
        Fact(
          subject: 0, relation: 0, object: 1,
          evidence: [
            Evidence(
              document: 0, paragraph: 1,
              quote: "\(number) " + String(repeating: "quoted ", count: 85))
          ]))
    }
    let model = Model(
      documents: built.documents, kinds: built.kinds, relations: built.relations,
      entities: built.entities, sets: built.sets, facts: facts, qualifiers: built.qualifiers,
      noClaims: built.noClaims)
    var bytes = ModelSnapshot(build: "test", sources: []).encode(model)
    let text = try SnapshotCacheTests.range(of: .text, in: bytes)
    #expect(text.count > SnapshotPart.blockSize)
    bytes[text.upperBound - 1] ^= 0x01
    let owner = bytes.withUnsafeBytes { SnapshotBytes(copying: $0) }
    let loadedAgain = Mutex(0)
    let read = try ModelSnapshot.model(from: owner) {
      loadedAgain.withLock { $0 += 1 }
      return model
    }
    #expect(read.entities == built.entities)
    #expect(loadedAgain.withLock { $0 } == 0, "nothing damaged was read yet")
    #expect(read.facts[0] == facts[0])
    #expect(Array(read.facts) == facts)
    #expect(loadedAgain.withLock { $0 } == 1)
  }
}

extension SnapshotFactsTests {
  /// A dense `part of` graph (`DenseGraphTests`): who speaks for whom, up to the reach's
  /// bound, and every list of the stored index are the built ones, as are those of a model
  /// with no facts.
  @Test func theStoredIndexOfADenseGraphIsTheBuiltOne() throws {
    let built = try ModelLoader.load(
      text: DenseGraphTests.dense(bodies: 600, links: 6), name: "dense"
    ) { _ in "" }
    let read = try Self.read(ModelSnapshot(build: "test", sources: []).encode(built))
    #expect(built.index.speaksFor.contains { $0.count > 10 })
    #expect(Self.lists(of: read.index) == Self.lists(of: built.index))
    #expect(read.index.entityByID == built.index.entityByID)
    #expect(read.index.relationByID == built.index.relationByID)
    let empty = Model(
      documents: [], kinds: built.kinds, relations: built.relations, entities: built.entities,
      sets: [], facts: [])
    let emptyRead = try Self.read(ModelSnapshot(build: "test", sources: []).encode(empty))
    #expect(Self.lists(of: emptyRead.index) == Self.lists(of: empty.index))
    #expect(emptyRead.facts.isEmpty)
  }
}
