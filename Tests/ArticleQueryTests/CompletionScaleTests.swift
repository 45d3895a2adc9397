import ArticleModel
import ArticleQuery
import Testing

/// Tab on a model with more names than a screen holds: the candidates are capped, say how
/// many fit in all, and begin and end as the whole sorted list does, so that the common
/// prefix inserted is the one all of them share.
@Suite struct CompletionScaleTests {
  static let count = 5_000
  let engine: QueryEngine
  let names: [String]

  init() throws {
    let entities = (0..<Self.count).map {
      Entity(id: "e\($0)", name: "Name \($0)", kind: KindRef(0))
    }
    let model = Model(
      documents: [Document(id: "d", paragraphs: ["one"])],
      kinds: [Kind(id: "country", plural: "countries")],
      relations: [Relation(id: "likes", phrase: "likes")], entities: entities, sets: [],
      facts: [])
    engine = try QueryEngine(model: model)
    names = entities.flatMap { [$0.name.lowercased(), $0.id] }
  }

  @Test(arguments: ["", "e", "e4", "name 12", "e4999", "zz"])
  func theCandidatesAreCappedAndKeepTheirEnds(_ typed: String) {
    let line = "countries where likes " + typed
    let completions = engine.completions(in: line, cursor: line.count)
    let fitting = names.filter { $0.hasPrefix(typed) }.sorted()
    let sets = ["countries", "everything"].filter { $0.hasPrefix(typed) }
    #expect(completions.total == fitting.count + sets.count)
    let expected = (fitting + sets).sorted()
    #expect(completions.candidates.count == min(expected.count, Completions.limit))
    #expect(completions.candidates.first == expected.first)
    #expect(completions.candidates.last == expected.last)
    #expect(completions.candidates.allSatisfy { $0.hasPrefix(typed) })
    #expect(completions.candidates == completions.candidates.sorted())
  }
  /// A first Tab on a typed prefix finds the names by one pass over them; after a Tab on an
  /// empty word they are sorted once and found by binary search. Both give the same list, for
  /// names with accents written composed and decomposed, and a name that two entities share.
  @Test(arguments: ["", "n", "name 1", "é", "e", "ze", "zé", "e\u{301}", "q"])
  func aPrefixFoundByAPassIsTheOneFoundInTheSortedNames(_ typed: String) throws {
    let names = ["Zébé", "Zebe", "Ze\u{301}bu", "éna", "e\u{301}nb", "Name 1", "Name 10", "Name 1"]
    let entities = names.indices.map { Entity(id: "n_\($0)", name: names[$0], kind: KindRef(0)) }
    let model = Model(
      documents: [Document(id: "d", paragraphs: ["one"])],
      kinds: [Kind(id: "country", plural: "countries")],
      relations: [Relation(id: "likes", phrase: "likes")], entities: entities, sets: [],
      facts: [])
    let line = "countries where likes " + typed
    let scanned = try QueryEngine(model: model).completions(in: line, cursor: line.count)
    let sorting = try QueryEngine(model: model)
    _ = sorting.completions(in: "countries where likes ", cursor: 22)
    let searched = sorting.completions(in: line, cursor: line.count)
    #expect(scanned == searched)
    #expect(scanned.candidates.allSatisfy { $0.hasPrefix(typed) })
  }
}
