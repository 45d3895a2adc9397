import ArticleModel
import Foundation
import Syntax
import Testing

@testable import ArticleQuery

/// The vocabulary a snapshot carries (`Vocabulary+Stored.swift`): read back, it is the one
/// built from the model, for the bundled model and a small one that has every part
/// (possessives, offices, adverbs, times, set aliases, a scenario, a document's author); a
/// section that does not read, or is of another model, is built again, so that the answers
/// never change.
@Suite struct StoredVocabularyTests {
  static let article =
    "Rudolf, president of Ruritania, said Ruritania openly backed Osterlich in the spring of "
    + "1890 and trades with Osterlich. In a war, Ann would back the plan.\n"

  static let text = """
    document memo
      title "A memo"
      author "Ann Smith"
      text "memo.txt"

    kind country plural "countries"
    kind person plural "people" also "persons"
    kind plan plural "plans"
    kind scenario plural "scenarios" hypothetical

    relation president_of "president of"
      office represents person
      subject person
      object country

    relation backs "backs"
      past "backed" base "back" passive "backed by" inverse "has backer"
      also "supports"

    relation trades_with "trades with"
      symmetric

    qualifier manner string "how"

    entity ruritania "Ruritania" country
      alias "ruritanian" "the kingdom of ruritania"
    entity osterlich "Osterlich" country
      metonym "strelsau"
    entity ann "Ann Smith" person
    entity rudolf "Rudolf" person
    entity ruritania_plan "Ruritania’s new defence plan" plan
      alias "defence plan of ruritania" "ruritanian trade plan"
    entity war "a war in the north" scenario

    set allies "countries where backs osterlich"
      also "friends"

    fact rudolf president_of ruritania
      evidence 1 "Rudolf, president of Ruritania"
    fact ruritania backs osterlich
      manner "openly"
      when "spring of 1890"
      evidence 1 "Ruritania openly backed Osterlich"
    fact ruritania trades_with osterlich
      evidence 1 "trades with Osterlich"
    fact ann backs ruritania_plan
      scenario war
      evidence 1 "Ann would back the plan"
    end

    """

  static let small = try! ModelLoader.load(text: text, name: "memo.model") { _ in article }

  /// The model read back from a snapshot that carries its engine's sections.
  static func readBack(_ model: Model) throws -> Model {
    let bytes = ModelSnapshot(build: "test", sources: [])
      .encode(model, sections: QueryEngine.snapshotSections(of: model))
    return try bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
  }

  @Test func theBundledModelCarriesTheVocabularyItsTextBuilds() throws {
    let bundled = ModelLoader.bundled
    let stored = try #require(Vocabulary(storedWith: bundled))
    #expect(stored == Vocabulary(model: ModelLoader.checkedBundled()))
    #expect(!stored.possessives.isEmpty)
  }

  @Test(arguments: ["bundled", "small"])
  func aVocabularyReadBackIsTheOneBuilt(name: String) throws {
    let model = name == "bundled" ? ModelLoader.checkedBundled() : Self.small
    let built = Vocabulary(model: model)
    let stored = try #require(Vocabulary(storedWith: try Self.readBack(model)))
    #expect(stored == built)
    #expect(Vocabulary(storedWith: model) == nil)
    if name == "small" {
      #expect(!built.possessives.isEmpty && !built.offices.isEmpty && !built.adverbs.isEmpty)
      #expect(!built.times.isEmpty && !built.setAliases.isEmpty)
      #expect(model.entities.indices.contains(where: built.isScenario))
    }
  }

  /// A generated model of many names, some with letters beyond ASCII written composed and
  /// some decomposed, with possessives and office holders: the vocabulary read back in place
  /// is the one built, and every name, typed composed, decomposed or in capitals, finds the
  /// same entity in both, as do the possessives.
  @Test func aGeneratedModelsVocabularyIsFoundAlikeInPlace() throws {
    let marks: [(composed: String, decomposed: String)] = [
      ("é", "e\u{301}"), ("ñ", "n\u{303}"), ("ü", "u\u{308}"), ("Å", "A\u{30A}"),
    ]
    func name(_ index: Int, decomposed: Bool) -> String {
      let mark = marks[index % marks.count]
      let letter = decomposed ? mark.decomposed : mark.composed
      return index % 3 == 0 ? "Place \(index)" : "Caf\(letter) Ci\(letter)ty \(index)"
    }
    let count = 400
    var entities: [Entity] = []
    for index in 0..<count {
      let owner = name(index, decomposed: index % 2 == 1)
      entities.append(
        Entity(
          id: "e\(index)", name: owner, kind: KindRef(0),
          aliases: ["\(owner)’s plan \(index % 7)", "doctrine of \(owner)"]))
    }
    let people = (0..<40).map { Entity(id: "p\($0)", name: "Person \($0)", kind: KindRef(1)) }
    let facts = people.indices.map {
      Fact(subject: count + $0, relation: 0, object: $0 * 7, evidence: [])
    }
    let model = Model(
      documents: [Document(id: "d", paragraphs: ["one"])],
      kinds: [Kind(id: "place", plural: "places"), Kind(id: "person", plural: "people")],
      relations: [
        Relation(id: "leads", phrase: "leader of", office: true),
        Relation(id: "visits", phrase: "visits", base: "visit", passive: "visited by"),
      ],
      entities: entities + people, sets: [], facts: facts)
    let built = Vocabulary(model: model)
    let stored = try #require(Vocabulary(storedWith: try Self.readBack(model)))
    #expect(stored == built)
    for index in 0..<count {
      for typed in [
        name(index, decomposed: false), name(index, decomposed: true),
        name(index, decomposed: false).uppercased(), name(index, decomposed: true).lowercased(),
      ] {
        let found = stored.entity(named: typed)
        #expect(found == index, "\(typed)")
        #expect(found == built.entity(named: typed))
        let words = PhraseTable.words(of: typed + "’s plan \(index % 7)")
        if let (owner, length) = stored.entity(at: words[...]) {
          let head = Array(words[length...])
          #expect(stored.possessed(by: owner, head: head) == built.possessed(by: owner, head: head))
        }
      }
    }
    for (offset, person) in people.enumerated() {
      let owner = offset * 7
      #expect(stored.possessed(by: owner, head: ["leader"]) == [count + offset], "\(person.name)")
      #expect(
        stored.possessives.heads(of: owner).sorted()
          == built.possessives.heads(of: owner).map(UTF8Text.canonical).sorted())
    }
  }

  /// Parts of the vocabulary differ, so that a decoder that dropped one would be seen.
  @Test func vocabulariesOfTwoModelsDiffer() {
    #expect(Vocabulary(model: Self.small) != Vocabulary(model: ModelLoader.checkedBundled()))
  }

  /// Cut short, lengthened, of another layout or of another model: built again, and the engine
  /// answers as one on the model's text.
  @Test func aSectionThatDoesNotReadIsBuiltAgain() throws {
    let model = Self.small
    let bytes = try #require(Vocabulary(model: model).encoded(of: model))
    var damaged: [[UInt8]] = [
      [], Array(bytes.prefix(bytes.count / 2)), Array(bytes.dropLast()), bytes + [0],
      [1] + bytes.dropFirst(), [3] + bytes.dropFirst(),
      try #require(Vocabulary(model: ModelLoader.bundled).encoded(of: ModelLoader.bundled)),
    ]
    var wrongIndex = bytes
    // The first of the model's sizes, after the format's four bytes: the entities.
    wrongIndex[4] = UInt8(model.entities.count + 1)
    damaged.append(wrongIndex)
    // A string table whose last string ends beyond its bytes: the strings' count is the
    // header's seventh number.
    var longString = bytes
    let strings = Int(longString[24]) | Int(longString[25]) << 8
    let lastEnd = 4 * VocabularySection.headerNumbers + 4 * (strings - 1)
    longString[lastEnd] &+= 1
    damaged.append(longString)
    let plain = try QueryEngine(model: model)
    for candidate in damaged {
      let carrying = model.withSnapshotSections([
        SnapshotSection(name: Vocabulary.sectionName, bytes: candidate)
      ])
      #expect(Vocabulary(storedWith: carrying) == nil)
      let engine = try QueryEngine(model: carrying)
      #expect(engine.vocabulary == plain.vocabulary)
      for query in ["count allies", "who is ruritania's president", "friends"] {
        #expect(try engine.evaluate(query).names == plain.evaluate(query).names)
      }
    }
  }

  /// Any byte changed: the section reads or is refused, never a crash. (In a snapshot the
  /// checksum refuses such a change before the section is read.)
  @Test func aChangedByteNeverCrashes() throws {
    let model = Self.small
    let bytes = try #require(Vocabulary(model: model).encoded(of: model))
    let probes =
      Array(Vocabulary(model: model).entityNames) + [
        "ruritania's president", "ruritania’s plan", "backed by", "has backer", "trades with",
        "supports", "countries", "friends", "persons", "nothing at all",
      ]
    var opened = 0
    for offset in bytes.indices {
      for change: UInt8 in [0x01, 0x80, 0xFF] {
        var changed = bytes
        changed[offset] ^= change
        guard let vocabulary = try? Vocabulary(decoding: changed, model: model) else { continue }
        // A section that opens is then read without further checks: every lookup must stay
        // within its bytes.
        opened += 1
        Self.exercise(vocabulary, model: model, probes: probes)
      }
    }
    #expect(opened > 0)
  }

  /// Every kind of lookup a vocabulary answers, for `probes`.
  static func exercise(_ vocabulary: Vocabulary, model: Model, probes: [String]) {
    for probe in probes {
      let words = PhraseTable.words(of: probe)
      _ = vocabulary.entity(at: words[...])
      _ = vocabulary.relation(at: words[...])
      _ = vocabulary.set(at: words[...])
      _ = vocabulary.startsRelation(probe)
      for owner in model.entities.indices {
        _ = vocabulary.possessed(by: owner, head: Array(words.dropFirst()))
        _ = vocabulary.possessives.heads(of: owner)
      }
    }
    for index in model.relations.indices {
      for reversed in [false, true] {
        _ = vocabulary.spokenPhrase(for: RelationRef(index, reversed: reversed))
      }
    }
    _ = Array(vocabulary.entityNames)
    _ = vocabulary.possessives.entries
    _ = vocabulary.section(of: model)
  }

  /// The cache keeps the engine's sections: a hit gives a model whose stored vocabulary is the
  /// one built, and so does the miss that wrote it.
  @Test func theCacheKeepsTheVocabulary() throws {
    let folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-vocabulary-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Self.text.write(toFile: folder + "/memo.model", atomically: false, encoding: .utf8)
    try Self.article.write(toFile: folder + "/memo.txt", atomically: false, encoding: .utf8)
    let cache = SnapshotCache(
      folder: folder + "/cache", build: "test", sections: QueryEngine.snapshotSections(of:))
    let built = Vocabulary(model: Self.small)
    let first = try cache.load(file: folder + "/memo.model")
    #expect(first.outcome == .miss(stored: true))
    #expect(Vocabulary(storedWith: first.model) == built)
    let second = try cache.load(file: folder + "/memo.model")
    #expect(second.outcome == .hit)
    #expect(Vocabulary(storedWith: second.model) == built)
  }

  /// The answer order read back is the one computed; one that is not a place for each entity,
  /// once, is computed again.
  @Test(arguments: ["bundled", "small"])
  func anOrderReadBackIsTheOneComputed(name: String) throws {
    let model = name == "bundled" ? ModelLoader.checkedBundled() : Self.small
    let computed = EngineContext.rank(of: model)
    #expect(EngineContext.storedRank(of: try Self.readBack(model)) == computed)
    if name == "bundled" { #expect(EngineContext.storedRank(of: ModelLoader.bundled) == computed) }
    let bytes = EngineContext.orderSection(computed).bytes
    var repeated = bytes
    repeated[3] = repeated[2]
    for damaged in [
      Array(bytes.dropLast()), bytes + [0], repeated, [2] + bytes.dropFirst(),
      EngineContext.orderSection(computed + [computed.count]).bytes,
    ] {
      let carrying = model.withSnapshotSections([
        SnapshotSection(name: EngineContext.orderSectionName, bytes: damaged)
      ])
      #expect(EngineContext.storedRank(of: carrying) == nil)
      #expect(try QueryEngine(model: carrying).context.rank == computed)
    }
  }

  /// A frozen table (sorted edges, binary search) finds what the table being built finds.
  @Test func aFrozenTableFindsWhatTheBuiltOneFinds() {
    let phrases = [
      "kazakhstan", "kazakhstan’s new military doctrine", "new", "president of", "pres",
      "president", "of", "the president of the us house", "a b c d", "a b",
    ]
    var table = PhraseTable()
    for (index, phrase) in phrases.enumerated() { _ = table.insert(phrase, .entity(index)) }
    let built = table
    table.freeze()
    #expect(table != built && !table.edges.isEmpty && built.edges.isEmpty)
    for probe in phrases + ["kazakhstan new", "nothing", "president of the", "a b c", "a c"] {
      let words = PhraseTable.words(of: probe)
      let found = table.longestMatch(words[...])
      let expected = built.longestMatch(words[...])
      #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(probe)")
      #expect(table.hasPrefix(words) == built.hasPrefix(words), "\(probe)")
    }
  }
}
