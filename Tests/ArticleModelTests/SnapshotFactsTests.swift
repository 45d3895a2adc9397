import ArticleModel
import Testing

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

  /// A body changed with its checksum made right again either is refused or reads whole: each
  /// of its facts is made as the fields the index was built from say, never a crash.
  @Test func aChangedBodyThatReadsMakesEveryFactAsItsFieldsSay() {
    var read = 0
    for offset in stride(from: 32, to: Self.bytes.count, by: max(1, Self.bytes.count / 300)) {
      for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
        var changed = Self.bytes
        changed[offset] = value
        let checksum = changed.withUnsafeBytes {
          ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[32...]))
        }
        withUnsafeBytes(of: checksum.littleEndian) { changed.replaceSubrange(24..<32, with: $0) }
        guard let model = try? Self.read(changed) else { continue }
        read += 1
        for index in model.facts.indices {
          let fact = model.facts[index]
          #expect(fact.subject == model.facts.subject(at: index))
          #expect(fact.relation == model.facts.relation(at: index))
          #expect(fact.object == model.facts.object(at: index))
          #expect(fact.scenario == model.facts.scenario(at: index))
          #expect(model.index.factsBySubject[fact.subject].contains(index))
        }
        for document in model.documents {
          #expect(document.paragraphs.map(\.self).count == document.paragraphs.count)
        }
      }
    }
    #expect(read > 0, "some changes (in strings) still make a snapshot")
  }
}
