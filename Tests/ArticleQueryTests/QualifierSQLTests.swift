import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// The second opinion on qualifiers and yes/no verdicts: the same questions asked of the SQL
/// export in SQLite, with the SPEC's semantics stated in SQL (`SQLSecondOpinionTests.prelude`
/// and, here, `qsays`: who stands in which relation to whom by which fact, through those who
/// speak for them; a circumstance matches when its entity speaks for the one asked, or its
/// text holds the words asked).
@Suite struct QualifierSQLTests {
  let engine: QueryEngine
  let database: SQLiteDatabase

  init() throws {
    engine = try QueryEngine()
    database = try SQLiteDatabase.load(ModelExport.sql(engine.model))
  }

  /// Facts that count, each way a symmetric one holds, and who stands in them by which fact.
  static let factCTEs = """
    , ucounted (id, subject, relation, object, personal) AS (
      SELECT id, subject, relation, object, personal FROM facts
      WHERE polarity = 'affirmed' AND modality <> 'scenario'
      UNION
      SELECT f.id, f.object, f.relation, f.subject, f.personal FROM facts f
      JOIN relations r ON r.id = f.relation
      WHERE r.is_symmetric AND f.polarity = 'affirmed' AND f.modality <> 'scenario'),
    qsays (actor, relation, target, fact) AS (
      SELECT DISTINCT a.entity, u.relation, b.entity, u.id FROM ucounted u
      JOIN speaks a ON a.speaker = u.subject
      JOIN speaks b ON b.speaker = u.object
      WHERE (NOT u.personal OR (a.entity = u.subject AND b.entity = u.object))
        AND (a.entity = u.subject
          OR u.relation NOT IN (SELECT relation FROM relation_represents))),
    qdid (actor, relation, object, fact) AS (
      SELECT DISTINCT a.entity, u.relation, u.object, u.id FROM ucounted u
      JOIN speaks a ON a.speaker = u.subject
      WHERE (NOT u.personal OR a.entity = u.subject)
        AND (a.entity = u.subject
          OR u.relation NOT IN (SELECT relation FROM relation_represents)))

    """

  /// A circumstance of entity `id` under `key`: the facts that have it.
  static func at(_ key: String, _ id: String) -> String {
    """
    (SELECT fact FROM qualifiers WHERE key = '\(key)'
      AND entity IN (SELECT speaker FROM speaks WHERE entity = '\(id)'))
    """
  }

  /// A circumstance of text under `key` that holds `words`.
  static func text(_ key: String, _ words: String) -> String {
    "(SELECT fact FROM qualifiers WHERE key = '\(key)' AND instr(lower(value), '\(words)') > 0)"
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var query: String
    var sql: String
    var testDescription: String { query }
  }

  static let cases: [Case] = [
    Case(
      query: "who criticized the csto at the astana summit",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT actor FROM qsays
          WHERE relation = 'criticized' AND target = 'csto' AND fact IN \(at("at", "astana_summit")));
        """),
    Case(
      query: "members where criticized russia at the tashkent sco summit",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members) AND id IN (SELECT actor
          FROM qsays WHERE relation = 'criticized' AND target = 'russia'
          AND fact IN \(at("at", "tashkent_sco_summit")));
        """),
    Case(
      query: "countries where invited by the americans to \"regional cooperation-2022\"",
      sql: """
        SELECT name FROM entities WHERE kind = 'country' AND id IN (SELECT target FROM qsays
          WHERE relation = 'invited' AND actor = 'united_states'
          AND fact IN \(at("to", "regional_cooperation_2022")));
        """),
    Case(
      query: "countries where invited to \"regional cooperation-2022\"",
      sql: """
        SELECT name FROM entities WHERE kind = 'country' AND id IN (SELECT actor FROM qsays
          WHERE relation = 'invited' AND fact IN \(at("to", "regional_cooperation_2022")));
        """),
    Case(
      query: "members where supported russia manner openly",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT id FROM members) AND id IN (SELECT actor
          FROM qsays WHERE relation = 'supported' AND target = 'russia'
          AND fact IN \(text("manner", "openly")));
        """),
    Case(
      query: "who was in conflict with azerbaijan when september",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT actor FROM qsays
          WHERE relation = 'in_conflict_with' AND target = 'azerbaijan'
          AND fact IN \(text("when", "september")));
        """),
    Case(
      query: "countries where funded amount 500 million",
      sql: """
        SELECT name FROM entities WHERE kind = 'country' AND id IN (SELECT actor FROM qsays
          WHERE relation = 'funded' AND fact IN \(text("amount", "500 million")));
        """),
    Case(
      query: "what did the csto assist when \"winter of 2022\"",
      sql: """
        SELECT name FROM entities WHERE id IN (SELECT object FROM qdid
          WHERE actor = 'csto' AND relation = 'assisted' AND fact IN \(text("when", "winter of 2022")));
        """),
    Case(
      query: "facts at the tashkent sco summit",
      sql:
        "SELECT DISTINCT fact FROM qualifiers WHERE key = 'at' AND entity = 'tashkent_sco_summit';"),
    Case(
      query: "facts when winter",
      sql: "SELECT DISTINCT fact FROM \(text("when", "winter")) AS t;"),
    Case(
      query: "where did kyrgyzstan criticize the csto",
      sql: """
        SELECT DISTINCT e.name FROM qsays s JOIN qualifiers q ON q.fact = s.fact
          JOIN entities e ON e.id = q.entity
          WHERE s.actor = 'kyrgyzstan' AND s.relation = 'criticized' AND s.target = 'csto'
          AND q.key IN ('at', 'in', 'to');
        """),
    Case(
      query: "how much did the us fund",
      sql: """
        SELECT DISTINCT q.value FROM qdid s JOIN qualifiers q ON q.fact = s.fact
          WHERE s.actor = 'united_states' AND s.relation = 'funded' AND q.key = 'amount';
        """),
  ]

  @Test(arguments: cases) func sqlAgreesOnQualifiers(_ question: Case) throws {
    let answer = try engine.evaluate(question.query)
    let rows = try database.column(
      SQLSecondOpinionTests.prelude() + Self.factCTEs + question.sql)
    #expect(Set(rows).count == rows.count, "the SQL gave a row twice")
    switch answer.body {
    case .entities, .values: #expect(Set(rows) == Set(answer.names))
    case .facts(let facts): #expect(Set(rows) == Set(facts.map { "\($0.index + 1)" }))
    default: Issue.record("no comparison for a \(answer.kind) answer")
    }
    #expect(!rows.isEmpty, "a case that can fail")
  }

  /// Every `did X R Y` over the triples SQL finds (`says`) is `yes`; every denial with no
  /// circumstances of a triple SQL does not find is `no`.
  @Test func everyVerdictAgrees() throws {
    let model = engine.model
    let says = try database.column(
      SQLSecondOpinionTests.prelude()
        + "SELECT actor || '|' || relation || '|' || target FROM says;"
    ).map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    let saysSet = Set(says.map { $0.joined(separator: "|") })
    let denied = try database.column(
      SQLSecondOpinionTests.prelude() + """
        SELECT subject || '|' || relation || '|' || object FROM facts f
        WHERE polarity = 'denied' AND modality <> 'scenario'
          AND NOT EXISTS (SELECT 1 FROM qualifiers q WHERE q.fact = f.id);
        """
    ).filter { !saysSet.contains($0) }
      .map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    let entities = Dictionary(model.entities.map { ($0.id, $0.name) }) { first, _ in first }
    let relations = Dictionary(model.relations.map { ($0.id, $0.phrase) }) { first, _ in first }
    var disagreements: [String] = []
    var asked = 0
    for (triples, expected) in [(says, Verdict.Value.yes), (denied, .no)] {
      for triple in triples {
        guard let subject = entities[triple[0]], let object = entities[triple[2]],
          let phrase = relations[triple[1]], !subject.contains("\""), !object.contains("\"")
        else { continue }
        let query = "did \"\(subject)\" \(phrase) \"\(object)\""
        asked += 1
        let verdict = try engine.evaluate(query).verdict
        if verdict != expected {
          disagreements.append(
            "\(query): evaluator \(verdict?.rawValue ?? "none"), SQL \(expected)")
        }
      }
    }
    #expect(asked > 200)
    #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
  }

  /// Every fact with circumstances, asked with all of them (`did "Rakhmon" criticized
  /// "Russia" at "Tashkent SCO summit" manner "personally"`): `yes` for an affirmed fact, `no`
  /// for a denied one whose triple SQL finds no affirmed fact for.
  @Test func everyQualifiedVerdictAgrees() throws {
    let rows = try database.rows(
      SQLSecondOpinionTests.prelude() + """
        SELECT f.id AS id, s.name AS subject, r.phrase AS phrase, o.name AS object,
          f.polarity AS polarity, q.key AS key, qe.name AS entity, q.value AS value,
          EXISTS (SELECT 1 FROM says WHERE actor = f.subject AND relation = f.relation
            AND target = f.object) AS said
        FROM facts f JOIN qualifiers q ON q.fact = f.id
        JOIN entities s ON s.id = f.subject JOIN entities o ON o.id = f.object
        JOIN relations r ON r.id = f.relation LEFT JOIN entities qe ON qe.id = q.entity
        WHERE f.modality <> 'scenario' ORDER BY f.id, q.position;
        """)
    var questions: [(id: String, query: String, expected: Verdict.Value)] = []
    for row in rows {
      let id = row["id"]?.description ?? ""
      let text = QualifierCondition.words(of: row["value"]?.description ?? "")
      let value =
        if case .text(let name) = row["entity"] { "\"\(name)\"" } else {
          "\"\(text.joined(separator: " "))\""
        }
      let circumstance = " \(row["key"]?.description ?? "") \(value)"
      if let last = questions.last, last.id == id {
        questions[questions.count - 1].query += circumstance
        continue
      }
      let subject = row["subject"]?.description ?? ""
      let object = row["object"]?.description ?? ""
      let phrase = row["phrase"]?.description ?? ""
      guard !subject.contains("\""), !object.contains("\"") else { continue }
      let denied = row["polarity"]?.description == "denied"
      let said = row["said"]?.description == "1"
      let expected: Verdict.Value = denied && !said ? .no : .yes
      questions.append((id, "did \"\(subject)\" \(phrase) \"\(object)\"\(circumstance)", expected))
    }
    #expect(questions.count > 30)
    var disagreements: [String] = []
    for question in questions {
      let verdict = try engine.evaluate(question.query).verdict
      if verdict != question.expected {
        disagreements.append(
          "\(question.query): evaluator \(verdict?.rawValue ?? "none"), SQL \(question.expected)")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
  }

  /// `is iran a member of the csto`: the SQL finds the membership only among the scenario's
  /// facts, and the evaluator names that scenario.
  @Test func theScenarioThatWouldMakeItYesAgrees() throws {
    let rows = try database.column(
      """
      SELECT e.name FROM facts f JOIN entities e ON e.id = f.scenario
      WHERE f.subject = 'iran' AND f.relation = 'member_of' AND f.object = 'csto'
        AND f.polarity = 'affirmed' AND f.modality = 'scenario';
      """)
    let answer = try engine.evaluate("is iran a member of the csto")
    guard case .verdict(let verdict) = answer.body else {
      Issue.record("not a verdict")
      return
    }
    #expect(verdict.verdict == .notStated)
    #expect(!rows.isEmpty)
    #expect(verdict.scenarios.map(\.name) == rows)
  }
}
