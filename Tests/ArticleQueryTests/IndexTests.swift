import ArticleModel
import Foundation
import Testing

@testable import ArticleQuery

/// The indexes that let an answer cost what it touches, each checked against the scan it
/// replaces: facts by paragraph and by circumstance, entities tested by kind, and the
/// paragraphs that name an entity.
@Suite struct IndexTests {
  let engine: QueryEngine
  var model: Model { engine.model }

  init() throws {
    engine = try QueryEngine()
  }

  @Test func factsByParagraphAreTheFactsWhoseEvidenceCitesIt() {
    for number in 0...(model.documents[0].paragraphs.count + 1) {
      let scanned = model.facts.indices.filter {
        model.facts[$0].evidence.contains { $0.document == 0 && $0.paragraph == number }
      }
      #expect(model.index.facts(inParagraph: number, of: 0) == scanned, "¶\(number)")
    }
    #expect(model.index.facts(inParagraph: 1, of: 1).isEmpty, "the model has one document")
    #expect(model.index.factsByParagraph.joined().joined().count >= model.facts.count)
  }

  @Test func factsByQualifierAreTheFactsThatNameTheEntityInACircumstance() {
    var named = 0
    for entity in model.entities.indices {
      let scanned = model.facts.indices.filter {
        model.facts[$0].qualifiers.contains { $0.value == .entity(entity) }
      }
      #expect(model.index.factsByQualifier[entity] == scanned, "\(model.entities[entity].id)")
      named += scanned.count
    }
    #expect(named > 0, "the article's facts have circumstances naming entities")
  }

  @Test func aKindIsTestedByKindAndWalkedWhole() throws {
    let context = engine.context
    let plural = try #require(engine.vocabulary.setNames.firstIndex(of: "countries"))
    let meaning = engine.vocabulary.setMeanings[plural]
    let kinds = try #require(meaning.kinds, "'countries' is a kind's plural")
    #expect(kinds.count == 1)
    let countries = try #require(kinds.first)
    let set = EntitySet.kind(
      countries, members: context.membersByKind[countries], kinds: context.kindOfEntity)
    let expected = model.entities.indices.filter { model.kind(of: $0).id == "country" }
    #expect(Set(set) == Set(expected))
    #expect(set.count == expected.count)
    for entity in model.entities.indices {
      #expect(set.contains(entity) == (model.kind(of: entity).id == "country"))
    }
    let everything = EntitySet.everything(count: model.entities.count)
    #expect(Array(everything) == Array(model.entities.indices))
    #expect(!everything.contains(model.entities.count))
    let listed: EntitySet = [3, 5, 3]
    #expect(listed.count == 2)
    #expect(Set(listed) == [3, 5])
  }

  /// The search as it was before the index: every paragraph lowercased and searched.
  func scannedParagraphs(naming own: [String], and others: [String]) -> [Int] {
    model.documents[0].paragraphs.indices.filter { offset in
      let folded = model.documents[0].paragraphs[offset].lowercased()
      return own.contains(where: folded.contains) && others.contains(where: folded.contains)
    }
  }

  @Test func paragraphsNamingTwoEntitiesAreThoseAScanFinds() {
    let explainer = Explainer(
      evaluator: Evaluator(context: engine.context, assumed: []),
      builder: ResultBuilder(context: engine.context))
    var pairs = 0
    for entity in model.entities.indices {
      for other in model.entities.indices where other != entity {
        let found = explainer.paragraphsNaming(entity, [other]).map { $0.0.paragraph - 1 }
        let scanned = scannedParagraphs(
          naming: explainer.names(of: entity), and: explainer.names(of: other))
        #expect(found == scanned, "\(model.entities[entity].id), \(model.entities[other].id)")
        if !found.isEmpty { pairs += 1 }
      }
    }
    #expect(pairs > 100, "many pairs of entities share a paragraph")
  }

  @Test func theParagraphSearchMeetsAnAccentSpelledEitherWay() {
    let document = Document(
      id: "d",
      paragraphs: ["Le Cafe\u{301} de Paris.", "Nothing here.", "CAFÉ again, café twice.", "café"])
    let search = ParagraphSearch(documents: [document])
    #expect(search.paragraphs(of: 0, naming: [ParagraphSearch.fold("café")]) == [0, 2, 3])
    #expect(search.paragraphs(of: 0, naming: [ParagraphSearch.fold("Cafe\u{301}")]) == [0, 2, 3])
    #expect(search.paragraphs(of: 0, naming: [ParagraphSearch.fold("here"), "paris"]) == [0, 1])
    #expect(search.paragraphs(of: 0, naming: ["tea"]).isEmpty)
    #expect(ParagraphSearch.fold("CAFE\u{301} — it’s") == "café — it’s")
    #expect(ParagraphSearch.fold("Ångström’s ŒUVRE") == "ångström’s œuvre")
  }

  /// A model set narrowed by a relation gives what the whole set, evaluated first, does.
  @Test func aSetNarrowedByAConditionIsTheSetEvaluatedFirst() throws {
    var answered = 0
    let members = SetRef(try #require(engine.vocabulary.setNames.firstIndex(of: "members")))
    for (relationIndex, relation) in model.relations.enumerated() {
      for reversed in [false, true] {
        for entity in model.entities.indices {
          let condition = Condition.predicate(
            RelationRef(relationIndex, reversed: reversed), .entity(EntityRef(entity)))
          var narrowed = Evaluator(context: engine.context, assumed: [])
          var whole = Evaluator(context: engine.context, assumed: [])
          let found = narrowed.entities(of: .selection(.named(members), condition))
          let expected = whole.holding(condition, among: .listed(whole.set(members).keys))
          #expect(
            found.mapValues(Set.init) == expected.mapValues(Set.init),
            "members where \(relation.id)\(reversed ? " (reversed)" : "") \(model.entities[entity].id)"
          )
          if !found.isEmpty { answered += 1 }
        }
      }
    }
    #expect(answered > 20, "many such questions have answers")
    #expect(
      Evaluator.isSelective(.and([.predicate(RelationRef(0), .set(members)), .not(.and([]))])))
    #expect(
      !Evaluator.isSelective(.or([.predicate(RelationRef(0), .set(members)), .not(.and([]))])))
  }

  /// A plural two kinds share names the entities of both, with and without a condition.
  @Test func aSharedPluralStandsForBothKinds() throws {
    let model = try ModelLoader.load(
      text: """
        document d
          paragraph "Ann praised Bob. Bob praised Ann."
        kind person plural "people"
        kind robot plural "people"
        relation praised "praised"
        entity ann "Ann" person
        entity bob "Bob" robot
        fact ann praised bob
          evidence 1 "Ann praised Bob"
        fact bob praised ann
          evidence 1 "Bob praised Ann"
        """, name: "shared.model"
    ) { _ in "" }
    let engine = try QueryEngine(model: model)
    func names(_ query: String) throws -> [String] {
      guard case .success(let answer) = engine.run(query).last,
        case .entities(let results) = answer.body
      else { throw QueryFailed(query: query) }
      return results.map(\.name)
    }
    #expect(try names("people") == ["Ann", "Bob"])
    #expect(try names("people where praised ann") == ["Bob"])
    #expect(try names("everything where praised bob") == ["Ann"])
  }

  struct QueryFailed: Error {
    var query: String
  }
}
