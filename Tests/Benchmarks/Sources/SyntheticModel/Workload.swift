import ArticleModel

/// One question for the benchmarks: the form of the SPEC's table it exercises, the csto query,
/// and, where the side-by-side script asks SQLite too, the same question in SQL.
public struct Question: Sendable {
  public var form: String
  public var query: String
  public var sql: String?
  /// True for questions that touch few facts whatever the model's size (a named entity's
  /// relations, an office chain, a passive): the ones that should beat SQLite.
  public var few: Bool

  public init(form: String, query: String, sql: String? = nil, few: Bool = false) {
    self.form = form
    self.query = query
    self.sql = sql
    self.few = few
  }
}

/// The questions the benchmarks ask: every form of the SPEC's table, on the article and on a
/// synthetic model.
public enum Workload {
  /// The SPEC's examples, asked of the bundled article.
  public static let article: [Question] = [
    Question(form: "set", query: "members"),
    Question(form: "set", query: "countries", sql: SQLQuestions.kind("country")),
    Question(
      form: "set with a condition", query: "countries where criticized russia",
      sql: SQLQuestions.entities(kind: "country", relation: "criticized", target: "russia"),
      few: true),
    Question(
      form: "who", query: "who criticized the csto",
      sql: SQLQuestions.entities(kind: nil, relation: "criticized", target: "csto"), few: true),
    Question(
      form: "what did", query: "what did pelosi visit",
      sql: SQLQuestions.objects(of: "pelosi", relation: "visited"), few: true),
    Question(
      form: "passive", query: "countries where visited by pelosi",
      sql: SQLQuestions.entities(
        kind: "country", relation: "visited", target: "pelosi", reversed: true),
      few: true),
    Question(form: "passive", query: "organizations where led by russia"),
    Question(form: "set as target", query: "countries where in conflict with members"),
    Question(
      form: "sub-query", query: "people where president of (members where criticized russia)"),
    Question(
      form: "boolean", query: "members where supported russia or not (criticized csto)"),
    Question(form: "profile", query: "show belarus"),
    Question(
      form: "facts", query: "facts about kyrgyzstan",
      sql: SQLQuestions.facts(about: "kyrgyzstan")),
    Question(form: "facts", query: "facts in paragraph 5"),
    Question(form: "explanation", query: "why tajikistan criticized russia"),
    Question(form: "near misses", query: "why not belarus criticized russia"),
    Question(form: "count", query: "count members where not supported russia"),
    Question(form: "hypothesis", query: "members assuming iran joins the csto"),
  ]

  /// The synthetic questions as templates: `X` the one criticized, `C` the state whose
  /// president criticized X, `P` a visitor, `O` the organization of `members`, `S` a scenario.
  public static let templates = synthetic(
    Model(documents: [], kinds: [], relations: [], entities: [], sets: [], facts: [])
  ).map { "\($0.form): \($0.query)" }

  /// The same forms on a synthetic model, about entities picked from its facts: a president
  /// who criticized someone (an office chain), a person who visited a state (a passive), a
  /// mid-sized state (a profile).
  public static func synthetic(_ model: Model) -> [Question] {
    let pick = Picks(model)
    let (_, country, target) = pick.criticism
    let visitor = pick.visitor
    let organization = pick.organization
    let scenario = pick.scenario
    let paragraph = max(1, (model.documents.first?.paragraphs.count ?? 2) / 2)
    return [
      Question(form: "set", query: "countries", sql: SQLQuestions.kind("country")),
      Question(form: "set", query: "members", sql: SQLQuestions.members(of: organization)),
      Question(
        form: "office chain", query: "countries where criticized \(target)",
        sql: SQLQuestions.entities(kind: "country", relation: "criticized", target: target),
        few: true),
      Question(form: "set with a condition", query: "members where criticized \(target)"),
      Question(
        form: "who", query: "who criticized \(target)",
        sql: SQLQuestions.entities(kind: nil, relation: "criticized", target: target),
        few: true),
      Question(
        form: "what did", query: "what did \(visitor) visit",
        sql: SQLQuestions.objects(of: visitor, relation: "visited"), few: true),
      Question(
        form: "passive", query: "countries where visited by \(visitor)",
        sql: SQLQuestions.entities(
          kind: "country", relation: "visited", target: visitor, reversed: true),
        few: true),
      Question(form: "set as target", query: "countries where in conflict with members"),
      Question(
        form: "sub-query",
        query: "people where president of (countries where criticized \(target))"),
      Question(
        form: "boolean", query: "members where supported \(target) or not criticized \(target)"),
      Question(form: "profile", query: "show \(country)"),
      Question(
        form: "facts", query: "facts about \(country)", sql: SQLQuestions.facts(about: country)),
      Question(form: "facts", query: "facts in paragraph \(paragraph)"),
      Question(form: "explanation", query: "why \(country) criticized \(target)"),
      Question(form: "near misses", query: "why not \(country) supported \(target)"),
      Question(
        form: "count", query: "count members where not supported \(target)",
        sql: SQLQuestions.countMembers(
          of: organization, notRelation: "supported", target: target)),
      Question(form: "hypothesis", query: "members assuming \(scenario)"),
    ]
  }
}

/// Entities a synthetic model's questions are about, found in its facts.
private struct Picks {
  let model: Model

  init(_ model: Model) {
    self.model = model
  }

  private func id(_ entity: Int) -> String { model.entities[entity].id }

  private func relation(_ id: String) -> Int { model.relation(id: id) ?? -1 }

  private func counts(_ fact: Fact) -> Bool {
    fact.polarity == .affirmed && fact.scenario == nil && !fact.personal
  }

  /// A president, the state they are president of, and whom they criticized.
  var criticism: (president: String, country: String, target: String) {
    let president = relation("president_of")
    let criticized = relation("criticized")
    for fact in model.facts where fact.relation == president && counts(fact) {
      for index in model.index.factsBySubject[fact.subject] {
        let criticism = model.facts[index]
        if criticism.relation == criticized, counts(criticism), criticism.object != fact.object {
          return (id(fact.subject), id(fact.object), id(criticism.object))
        }
      }
    }
    let any = model.facts.first { $0.relation == criticized && counts($0) }
    return ("", any.map { id($0.subject) } ?? "C", any.map { id($0.object) } ?? "X")
  }

  /// A person who visited a state.
  var visitor: String {
    let visited = relation("visited")
    let fact = model.facts.first {
      $0.relation == visited && counts($0) && model.kind(of: $0.subject).id == "person"
        && model.kind(of: $0.object).id == "country"
    }
    return fact.map { id($0.subject) } ?? "P"
  }

  /// The organization the model's `members` set is about.
  var organization: String {
    let query = model.sets.first { $0.id == "members" }?.query ?? "O"
    return query.split(separator: " ").last.map(String.init) ?? "O"
  }

  /// A scenario with facts.
  var scenario: String {
    model.facts.lazy.compactMap(\.scenario).first.map(id) ?? "S"
  }
}
