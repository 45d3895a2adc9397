import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// The evaluator's second opinion: questions of the SPEC's table asked twice, of the
/// evaluator and, in SQL, of the SQL export loaded into SQLite, and the answers compared.
///
/// The SQL states the SPEC's semantics on its own: an office holder or a body speaks for its
/// state (`step`, `speaks`: affirmed reported facts of a relation that `represents` the
/// subject's kind, up to four steps), so `members where criticized russia` finds Tajikistan
/// through Rakhmon; symmetric relations hold both ways (`usable`); scenario facts count only
/// when assumed; a fact done in a private capacity counts for no one else (`personal`); and
/// an office or part-of fact counts only for its own subject (Tajikistan is not its own
/// president).
@Suite struct SQLSecondOpinionTests {
  let engine: QueryEngine
  let database: SQLiteDatabase

  init() throws {
    engine = try QueryEngine()
    database = try SQLiteDatabase.load(ModelExport.sql(engine.model))
  }

  /// The common table expressions every question uses, with the scenarios assumed.
  static func prelude(assuming scenarios: [String] = []) -> String {
    let assumed = scenarios.map { " OR scenario = '\($0)'" }.joined()
    return """
      WITH RECURSIVE
      step (speaker, entity) AS (
        SELECT f.subject, f.object FROM facts f
        JOIN entities s ON s.id = f.subject
        JOIN relation_represents r ON r.relation = f.relation AND r.kind = s.kind
        WHERE f.polarity = 'affirmed' AND f.modality = 'reported' AND f.subject <> f.object),
      speaks (speaker, entity, depth) AS (
        SELECT id, id, 0 FROM entities
        UNION
        SELECT speaks.speaker, step.entity, speaks.depth + 1
        FROM speaks JOIN step ON step.speaker = speaks.entity WHERE speaks.depth < 4),
      counted (subject, relation, object, personal) AS (
        SELECT subject, relation, object, personal FROM facts
        WHERE polarity = 'affirmed' AND (modality <> 'scenario'\(assumed))),
      usable (subject, relation, object, personal) AS (
        SELECT subject, relation, object, personal FROM counted
        UNION
        SELECT c.object, c.relation, c.subject, c.personal FROM counted c
        JOIN relations r ON r.id = c.relation WHERE r.is_symmetric),
      says (actor, relation, target) AS (
        SELECT DISTINCT a.entity, u.relation, b.entity FROM usable u
        JOIN speaks a ON a.speaker = u.subject
        JOIN speaks b ON b.speaker = u.object
        WHERE (NOT u.personal OR (a.entity = u.subject AND b.entity = u.object))
          AND (a.entity = u.subject
            OR u.relation NOT IN (SELECT relation FROM relation_represents))),
      did (actor, relation, object) AS (
        SELECT DISTINCT a.entity, u.relation, u.object FROM usable u
        JOIN speaks a ON a.speaker = u.subject
        WHERE (NOT u.personal OR a.entity = u.subject)
          AND (a.entity = u.subject
            OR u.relation NOT IN (SELECT relation FROM relation_represents))),
      members (id) AS (
        SELECT e.id FROM entities e JOIN says s ON s.actor = e.id
        WHERE e.kind = 'country' AND s.relation = 'member_of' AND s.target = 'csto')

      """
  }

  /// A question in both languages. The SQL selects one column: names for an entity answer,
  /// the number for a count, fact numbers for a facts answer.
  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var sql: String
    var assuming: [String] = []
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    Case(
      query: "members",
      sql: "SELECT name FROM entities WHERE id IN (SELECT id FROM members);"),
    Case(
      query: "members where criticized russia",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members)
          AND id IN (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'russia');
        """),
    Case(
      query: "countries where visited by pelosi",
      sql: """
        SELECT name FROM entities WHERE kind = 'country'
          AND id IN (SELECT target FROM says WHERE actor = 'pelosi' AND relation = 'visited');
        """),
    Case(
      query: "countries where visited by united states",
      sql: """
        SELECT name FROM entities WHERE kind = 'country'
          AND id IN (SELECT target FROM says WHERE actor = 'united_states' AND relation = 'visited');
        """),
    Case(
      query: "organizations where led by russia",
      sql: """
        SELECT name FROM entities WHERE kind = 'organization'
          AND id IN (SELECT target FROM says WHERE actor = 'russia' AND relation = 'leads');
        """),
    Case(
      query: "countries where in conflict with members",
      sql: """
        SELECT name FROM entities WHERE kind = 'country'
          AND id IN (SELECT actor FROM says WHERE relation = 'in_conflict_with'
            AND target IN (SELECT id FROM members));
        """),
    Case(
      query: "people where president of (members where criticized russia)",
      sql: """
        SELECT name FROM entities WHERE kind = 'person'
          AND id IN (SELECT actor FROM says WHERE relation = 'president_of'
            AND target IN (SELECT id FROM members WHERE id IN
              (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'russia')));
        """),
    Case(
      query: "who criticized the csto",
      sql: """
        SELECT name FROM entities
        WHERE id IN (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'csto');
        """),
    Case(
      query: "who criticized russia",
      sql: """
        SELECT name FROM entities
        WHERE id IN (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'russia');
        """),
    Case(
      query: "what did pelosi visit",
      sql: """
        SELECT name FROM entities
        WHERE id IN (SELECT object FROM did WHERE actor = 'pelosi' AND relation = 'visited');
        """),
    Case(
      query: "count members where not supported russia",
      sql: """
        SELECT COUNT(*) FROM members
        WHERE id NOT IN (SELECT actor FROM says WHERE relation = 'supported' AND target = 'russia')
          AND id <> 'russia';
        """),
    Case(
      query: "members where supported russia or criticized russia",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members)
          AND id IN (SELECT actor FROM says WHERE relation IN ('supported', 'criticized')
            AND target = 'russia');
        """),
    Case(
      query: "members where not (supported russia or criticized russia) and criticized csto",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members)
          AND id NOT IN (SELECT actor FROM says WHERE relation IN ('supported', 'criticized')
            AND target = 'russia')
          AND id <> 'russia'
          AND id IN (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'csto');
        """),
    Case(
      query: "exercises where refused by members",
      sql: """
        SELECT name FROM entities WHERE kind = 'exercise'
          AND id IN (SELECT target FROM says WHERE relation = 'refused'
            AND actor IN (SELECT id FROM members));
        """),
    Case(
      query: "members assuming iran joins the csto",
      sql: "SELECT name FROM entities WHERE id IN (SELECT id FROM members);",
      assuming: ["iran_joins_csto"]),
    Case(
      query: "countries where in conflict with iran assuming azerbaijani-iranian conflict",
      sql: """
        SELECT name FROM entities WHERE kind = 'country'
          AND id IN (SELECT actor FROM says WHERE relation = 'in_conflict_with'
            AND target = 'iran');
        """,
      assuming: ["azerbaijan_iran_conflict"]),
    Case(
      query: "facts about kyrgyzstan",
      sql: """
        SELECT id FROM facts
        WHERE subject IN (SELECT speaker FROM speaks WHERE entity = 'kyrgyzstan')
          OR object IN (SELECT speaker FROM speaks WHERE entity = 'kyrgyzstan')
          OR id IN (SELECT fact FROM qualifiers WHERE entity = 'kyrgyzstan');
        """),
    Case(
      query: "facts in paragraph 5",
      sql: "SELECT DISTINCT fact FROM evidence WHERE paragraph = 5;"),
    // which: the set's members among the objects of the subject's facts
    Case(
      query: "which countries did the united states invite",
      sql: """
        SELECT name FROM entities WHERE kind = 'country'
          AND id IN (SELECT object FROM did WHERE actor = 'united_states' AND relation = 'invited');
        """),
    Case(
      query: "which members criticized russia",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members)
          AND id IN (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'russia');
        """),
    // who did: the objects of the kinds that act in the article's events
    Case(
      query: "who did the united states invite",
      sql: """
        SELECT name FROM entities
        WHERE id IN (SELECT object FROM did WHERE actor = 'united_states' AND relation = 'invited')
          AND kind IN (SELECT e.kind FROM facts f JOIN entities e ON e.id = f.subject
            JOIN relations r ON r.id = f.relation WHERE r.cameo IS NOT NULL);
        """),
    // what did X not R: the denied facts of X and of those who speak for it
    Case(
      query: "what did minsk not support",
      sql: """
        SELECT name FROM entities WHERE id IN (
          SELECT f.object FROM facts f JOIN speaks a ON a.speaker = f.subject
          WHERE a.entity = 'belarus' AND f.relation = 'supported' AND f.polarity = 'denied'
            AND f.modality <> 'scenario' AND (a.entity = f.subject OR NOT f.personal));
        """),
    Case(
      query: "who did the csto not support",
      sql: """
        SELECT name FROM entities WHERE id IN (
          SELECT f.object FROM facts f JOIN speaks a ON a.speaker = f.subject
          WHERE a.entity = 'csto' AND f.relation = 'supported' AND f.polarity = 'denied'
            AND f.modality <> 'scenario' AND (a.entity = f.subject OR NOT f.personal));
        """),
    // not never offers its own target
    Case(
      query: "members where not criticized russia",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members)
          AND id NOT IN (SELECT actor FROM says WHERE relation = 'criticized' AND target = 'russia')
          AND id <> 'russia';
        """),
  ]

  @Test(arguments: cases)
  func sqlAgreesWithTheEvaluator(_ question: Case) throws {
    let answer = try engine.evaluate(question.query)
    let rows = try database.column(Self.prelude(assuming: question.assuming) + question.sql)
    #expect(Set(rows).count == rows.count, "the SQL gave a row twice")
    switch answer.body {
    case .entities: #expect(Set(rows) == Set(answer.names))
    case .count(let count): #expect(rows == ["\(count)"])
    case .facts(let facts): #expect(Set(rows) == Set(facts.map { "\($0.index + 1)" }))
    default: Issue.record("no comparison for a \(answer.kind) answer")
    }
  }

  /// Every `who R X`, `who R-by X` and `what did X R` over every relation and entity of the
  /// model, against `says` and `did`.
  @Test func everyWhoAndWhatDidQuestionAgrees() throws {
    let model = engine.model
    let says = try triples("SELECT actor || '|' || relation || '|' || target FROM says;")
    let did = try triples("SELECT actor || '|' || relation || '|' || object FROM did;")
    var disagreements: [(relation: Int, text: String)] = []
    for (relationIndex, relation) in model.relations.enumerated() {
      let reversedForm = relation.passive ?? relation.inverse
      for entity in model.entities where !entity.name.contains("\"") {
        let name = "\"\(entity.name)\""
        var questions = [
          (
            "who \(relation.phrase) \(name)",
            says.filter { $0[1] == relation.id && $0[2] == entity.id }.map { $0[0] }
          ),
          (
            "what did \(name) \(relation.phrase)",
            did.filter { $0[0] == entity.id && $0[1] == relation.id }.map { $0[2] }
          ),
        ]
        if let reversedForm {
          questions.append(
            (
              "who \(reversedForm) \(name)",
              says.filter { $0[0] == entity.id && $0[1] == relation.id }.map { $0[2] }
            ))
        }
        for (query, expected) in questions {
          let ids = try engine.evaluate(query).body.entityIDs
          if Set(ids) != Set(expected) {
            disagreements.append(
              (relationIndex, "\(query): evaluator \(ids.sorted()), SQL \(expected.sorted())"))
          }
        }
      }
    }
    let (offices, others) = (
      disagreements.filter { !model.relations[$0.relation].represents.isEmpty }.map(\.text),
      disagreements.filter { model.relations[$0.relation].represents.isEmpty }.map(\.text)
    )
    #expect(others.isEmpty, "\(others.joined(separator: "\n"))")
    #expect(offices.isEmpty, "\(offices.joined(separator: "\n"))")
  }

  /// ¶5 "Tajik President Rakhmon": Rakhmon is the president of Tajikistan; Tajikistan is
  /// not, though Rakhmon speaks for it.
  @Test func anOfficeFactCountsOnlyForItsHolder() throws {
    let rows = try database.column(
      Self.prelude() + """
        SELECT name FROM entities
        WHERE id IN (SELECT actor FROM says WHERE relation = 'president_of' AND target = 'tajikistan');
        """)
    #expect(rows == ["Rakhmon"])
    let names = try engine.evaluate("who president of tajikistan").names
    #expect(names == rows)
  }

  private func triples(_ query: String) throws -> [[String]] {
    try database.column(Self.prelude() + query).map {
      $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
  }
}

extension Answer.Body {
  /// The ids of an entity answer's entities; empty for other kinds.
  fileprivate var entityIDs: [String] {
    if case .entities(let results) = self { results.map(\.id) } else { [] }
  }
}

/// The SQL export of a model with more rows per table than one `INSERT` carries loads into
/// SQLite with foreign keys enforced at every statement, every row there.
@Test func aModelOfManyBatchesLoadsWithItsForeignKeys() throws {
  let count = ModelExport.sqlRowsPerInsert * 2 + 1
  let entities = (0..<count).map { Entity(id: "e\($0)", name: "E \($0)", kind: KindRef(0)) }
  let facts = (0..<count).map {
    Fact(
      subject: $0, relation: 0, object: ($0 + 1) % count,
      evidence: [Evidence(document: 0, paragraph: 1, quote: "one")])
  }
  let model = Model(
    documents: [Document(id: "d", paragraphs: ["one"])],
    kinds: [Kind(id: "country", plural: "countries")],
    relations: [Relation(id: "likes", phrase: "likes")], entities: entities, sets: [],
    facts: facts)
  let sql = ModelExport.sql(model)
  #expect(sql.components(separatedBy: "INSERT INTO facts VALUES\n").count == 4)
  let database = try SQLiteDatabase.load(sql)
  for table in ["entities", "facts", "evidence"] {
    let rows = try database.rows("SELECT COUNT(*) AS n FROM \(table);")
    #expect(rows.first?["n"] == .integer(count), "\(table)")
  }
}

/// The CSV tables hold what the SQL export loads into SQLite: a file per table, the table's
/// columns as the header, and as many records as the table has rows.
@Test func theCSVTablesAreTheSQLTables() throws {
  let model = ModelLoader.bundled
  let database = try SQLiteDatabase.load(ModelExport.sql(model))
  let tables = ModelExport.csvTables(model)
  let names = try database.rows("SELECT name FROM sqlite_master WHERE type = 'table';")
  #expect(Set(tables.map(\.name)) == Set(names.compactMap { $0["name"]?.description }))
  for table in tables {
    let records = CSVRecords.parse(table.text)
    let columns = try database.rows("SELECT name FROM pragma_table_info('\(table.name)');")
    #expect(records.first == columns.compactMap { $0["name"]?.description }, "\(table.name)")
    let count = try database.rows("SELECT COUNT(*) AS n FROM \(table.name);")
    #expect(count.first?["n"] == .integer(records.count - 1), "\(table.name)")
  }
}

/// RFC 4180 records: fields split at commas outside quotes, quotes doubled inside them,
/// records ended by CRLF.
enum CSVRecords {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
      if quoted {
        if scalar == "\"" {
          if characters.first == "\"" {
            field.unicodeScalars.append(characters.removeFirst())
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        quoted = true
      } else if scalar == "," {
        record.append(field)
        field = ""
      } else if scalar == "\r", characters.first == "\n" {
        characters.removeFirst()
        records.append(record + [field])
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    return records
  }
}
