import ArticleModel
import ArticleQuery
import PropertyBased
import Testing

/// Properties that hold for every input, checked on random ones (and shrunk to the smallest
/// failing input when one does not hold).
@Suite struct PropertyTests {
  static let engine = try! QueryEngine()

  /// Random syntax trees, built from a list of choices, print and parse back to themselves.
  @Test func randomSyntaxTreesPrintAndParseBack() async {
    await propertyCheck(count: 400, input: Gen.int(in: 0...1_000).array(of: 1...40)) { choices in
      var builder = TreeBuilder(choices: choices, engine: Self.engine)
      let statement = builder.statement()
      let printed = Self.engine.print(statement)
      #expect(
        (try? Self.engine.parseStatements(printed)) == [statement], "\(printed)")
    }
  }

  static let templates = [
    "members where criticized russia",
    "people where president of (members where criticized russia)",
    "why not belarus criticized russia",
    "countries where visited by \"nancy pelosi\"",
    "count members where not supported russia assuming iran joins the csto",
  ]

  /// A valid query with a random edit (a character deleted, inserted or replaced) gives
  /// answers or an error whose position lies inside the text.
  @Test func mutatedQueriesAnswerOrErrInsideTheText() async {
    let edits = zip(
      Gen.int(in: 0...(Self.templates.count - 1)), Gen.int(in: 0...500), Gen.int(in: 0...2),
      Gen.character(in: " "..."~"))
    await propertyCheck(count: 600, input: edits) { template, place, kind, character in
      var text = Array(Self.templates[template])
      let index = place % (text.count + 1)
      switch kind {
      case 0 where index < text.count: text.remove(at: index)
      case 1: text.insert(character, at: index)
      default: if index < text.count { text[index] = character }
      }
      let query = String(text)
      for result in Self.engine.run(query) {
        if case .failure(let error) = result {
          #expect(error.diagnostic.range.lowerBound <= query.utf8.count, "\(query)")
          #expect(error.diagnostic.range.upperBound <= query.utf8.count, "\(query)")
        }
      }
    }
  }

  static let smallModel = """
    document d
      paragraph "Rakhmon criticized Russia at the summit."
      paragraph "Russia’s hands are tied."
    kind country plural "countries"
    kind person plural "people"
    relation criticized "criticized" passive "criticized by" cameo "111"
    relation president_of "president of" office represents person subject person object country
    entity russia "Russia" country
      alias "moscow"
    entity tajikistan "Tajikistan" country
    entity rakhmon "Rakhmon" person
    set members "countries where criticized by rakhmon"
    fact rakhmon president_of tajikistan
      evidence 1 "Rakhmon"
    fact rakhmon criticized russia
      evidence 1 "Rakhmon criticized Russia"
    """

  /// A model with a random edit either checks (and its named sets still parse) or is
  /// rejected with every error positioned inside the text.
  @Test func editedModelsCheckOrErrWithPositions() async {
    let edits = zip(
      Gen.int(in: 0...2_000), Gen.int(in: 0...20), Gen.letterOrNumber.string(of: 0...6))
    await propertyCheck(count: 400, input: edits) { place, length, insertion in
      var text = Array(Self.smallModel)
      let start = place % (text.count + 1)
      let end = min(text.count, start + length % 8)
      text.replaceSubrange(start..<end, with: Array(insertion))
      let edited = String(text)
      do throws(ModelError) {
        let model = try ModelLoader.load(text: edited, name: "edited.model") { _ in "" }
        _ = try? QueryEngine(model: model)
      } catch {
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
          #expect(diagnostic.range.upperBound <= edited.utf8.count, "\(edited)")
        }
      }
    }
  }
}

/// Builds a syntax tree from a list of choices: each choice picks an alternative; when the
/// list runs out, the smallest alternatives are taken, so every list gives a finite tree.
struct TreeBuilder {
  var choices: [Int]
  var position = 0
  let entities: [EntityRef]
  let scenarios: [EntityRef]
  let relations: [RelationRef]
  let sets: [SetRef]
  let paragraphs: Int

  init(choices: [Int], engine: QueryEngine) {
    self.choices = choices
    let model = engine.model
    entities = model.entities.indices.map { EntityRef($0) }
    scenarios = model.entities.indices.filter(model.isScenario)
      .map { EntityRef($0) }
    relations = model.relations.enumerated().flatMap { index, relation in
      relation.forms.map(\.reversed).reduce(into: Set<Bool>()) { $0.insert($1) }
        .sorted { !$0 && $1 }.map { RelationRef(index, reversed: $0) }
    }
    sets = engine.vocabulary.setNames.indices.map { SetRef($0) }
    paragraphs = model.documents[0].paragraphs.count
  }

  mutating func pick(_ count: Int) -> Int {
    guard position < choices.count else { return 0 }
    defer { position += 1 }
    return choices[position] % count
  }

  private var exhausted: Bool { position >= choices.count }

  mutating func statement() -> Statement {
    let query = self.query()
    var assumptions: [Assumption] = []
    if pick(4) == 1 {
      assumptions.append(
        pick(2) == 0
          ? .scenario(scenarios[pick(scenarios.count)])
          : .fact(
            subject: entities[pick(entities.count)], relation: relations[pick(relations.count)],
            object: target()))
    }
    return Statement(query: query, assumptions: assumptions)
  }

  mutating func query() -> Query {
    switch pick(14) {
    case 11: return .whatIf(.scenario(scenarios[pick(scenarios.count)]))
    case 12:
      let relation = relations[pick(relations.count)]
      let subjects = pick(3) == 0 ? sets[pick(sets.count)] : nil
      let objects = pick(3) == 0 ? sets[pick(sets.count)] : nil
      return .pairs(relation, ends: PairEnds(subjects: subjects, objects: objects))
    case 13:
      return .connection(entities[pick(entities.count)], entities[pick(entities.count)])
    case 9: return .which(.named(sets[pick(sets.count)]), condition())
    case 10: return .did(doQuestion())
    case 1: return .who(condition())
    case 2: return .what(subject: target(), relation: relations[pick(relations.count)])
    case 3: return .count(entityQuery())
    case 4: return .show(entities[pick(entities.count)])
    case 5:
      return .facts(
        pick(2) == 0
          ? .about(target()) : .paragraph(ParagraphRef(document: 0, number: pick(paragraphs) + 1)))
    case 6:
      return .why(
        entities[pick(entities.count)], condition: condition(), negated: pick(2) == 1)
    case 7: return .count(.facts(.all))
    default:
      let source: SetSource = pick(5) == 4 ? .query(entityQuery()) : .named(sets[pick(sets.count)])
      return .selection(source, pick(3) == 0 ? nil : condition())
    }
  }

  /// A question with do-support, as the parser builds it: `what did` without `not` is the
  /// `.what` query.
  mutating func doQuestion() -> DoQuestion {
    let asking: DoQuestion.Asking =
      switch pick(3) {
      case 1: .who
      case 2: .which(.named(sets[pick(sets.count)]))
      default: .what
      }
    let subject = target()
    let relation = relations[pick(relations.count)]
    let negated = asking == .what || pick(2) == 1
    return DoQuestion(asking: asking, subject: subject, relation: relation, negated: negated)
  }

  mutating func entityQuery() -> Query {
    switch pick(5) {
    case 3: return .which(.named(sets[pick(sets.count)]), condition())
    case 4: return .did(doQuestion())
    case 1: return .who(condition())
    case 2: return .what(subject: target(), relation: relations[pick(relations.count)])
    default: return .selection(.named(sets[pick(sets.count)]), pick(2) == 0 ? nil : condition())
    }
  }

  mutating func condition() -> Condition {
    switch exhausted ? 0 : pick(5) {
    case 1: return .not(condition())
    case 2: return .and([condition(), condition()])
    case 3: return .or([condition(), condition(), condition()])
    default: return .predicate(relations[pick(relations.count)], target())
    }
  }

  mutating func target() -> Target {
    switch exhausted ? 0 : pick(6) {
    case 1: return .set(sets[pick(sets.count)])
    case 2: return .query(entityQuery())
    default: return .entity(entities[pick(entities.count)])
    }
  }
}
