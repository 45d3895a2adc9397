import ArticleModel
import Foundation
import Testing

/// The exports of the model, checked as text: JSON decodes back, every format is
/// deterministic, CSV parses back to the evidence, N-Triples hold the triples the model
/// implies, SQL is portable, the event table holds the affirmed CAMEO facts. The checks with
/// outside tools (`sqlite3`, `rapper`) are in `ArticleQueryTests/ExportToolTests`.
@Suite struct ExportTests {
  /// The models exported: the bundled one, and a small one whose strings hold every
  /// character an export must escape.
  enum Fixture: String, CaseIterable, Sendable {
    case bundled, awkward

    var model: Model {
      switch self {
      case .bundled: ModelLoader.bundled
      case .awkward: ExportTests.awkward
      }
    }
  }

  static let awkward = Model(
    documents: [
      Document(
        id: "memo 1", title: "A \"quoted\" title, with a comma", author: "Seán O'Brien",
        date: "2024",
        paragraphs: [
          "Ruritania \"the Brave\" criticized Grand Fenwick, said O'Brien\\Jr.",
          "Line one\nline two\r\nand a\ttab; 'single' quotes; DROP TABLE facts; --",
        ])
    ],
    kinds: [
      Kind(id: "country", plural: "countries"), Kind(id: "person", plural: "people"),
      Kind(id: "scenario", plural: "scenarios", isScenario: true),
    ],
    relations: [
      Relation(id: "criticized", phrase: "criticized", passive: "criticized by", cameo: "111"),
      Relation(id: "at_war_with", phrase: "at war with", symmetric: true, cameo: "190"),
      Relation(id: "president_of", phrase: "president of", office: true, represents: ["person"]),
    ],
    entities: [
      Entity(
        id: "ruritania", name: "Ruritania \"the Brave\"", kind: KindRef(0),
        aliases: ["rur", "rur"], metonyms: ["strelsau"]),
      Entity(
        id: "grand fenwick", name: "Grand Fenwick, Duchy", kind: KindRef(0),
        background: ["tab\there, line\nthere, bell\u{07}"]),
      Entity(id: "obrien", name: "Seán O'Brien\\Jr", kind: KindRef(1)),
      Entity(id: "war", name: "War,\t\"maybe\"", kind: KindRef(2)),
    ],
    sets: [NamedSet(id: "braves", query: "countries where criticized \"Grand Fenwick, Duchy\"")],
    facts: [
      Fact(
        subject: 2, relation: 2, object: 0,
        evidence: [Evidence(document: 0, paragraph: 1, quote: "said O'Brien\\Jr.")]),
      Fact(
        subject: 0, relation: 0, object: 1,
        qualifiers: [Qualifier(.when, .text("a\ttabbed\nday")), Qualifier(.at, .entity(1))],
        evidence: [
          Evidence(document: 0, paragraph: 1, quote: "Ruritania \"the Brave\" criticized"),
          Evidence(document: 0, paragraph: 2, quote: "Line one\nline two"),
        ], note: "note, with \"all\" of it"),
      Fact(
        subject: 2, relation: 0, object: 1, personal: true,
        evidence: [Evidence(document: 0, paragraph: 2, quote: "and a\ttab; 'single' quotes")]),
      Fact(
        subject: 0, relation: 0, object: 1, polarity: .denied,
        evidence: [Evidence(document: 0, paragraph: 2, quote: "DROP TABLE facts; --")]),
      Fact(
        subject: 0, relation: 1, object: 1, modality: .scenario(3),
        evidence: [Evidence(document: 0, paragraph: 1, quote: "criticized Grand Fenwick")]),
      Fact(
        subject: 1, relation: 1, object: 0, modality: .assessment,
        evidence: [Evidence(document: 0, paragraph: 1, quote: "Grand Fenwick")]),
    ])

  // MARK: every format

  @Test(arguments: Fixture.allCases)
  func jsonDecodesToAnEqualModel(_ fixture: Fixture) throws {
    let json = ModelExport.export(fixture.model, as: .json)
    let decoded = try JSONDecoder().decode(Model.self, from: Data(json.utf8))
    #expect(decoded == fixture.model)
    #expect(ModelExport.json(decoded) == json)
  }

  @Test(arguments: ModelExport.Format.allCases, Fixture.allCases)
  func aModelDecodedFromItsJSONExportsTheSameBytes(
    _ format: ModelExport.Format, _ fixture: Fixture
  ) throws {
    // Byte-identical exports from one run to the next are checked across processes, where
    // hashing is seeded anew: `ExportCommandTests.exportsAreByteIdenticalFromRunToRun`.
    let first = ModelExport.export(fixture.model, as: format)
    let reloaded = try JSONDecoder().decode(
      Model.self, from: Data(ModelExport.json(fixture.model).utf8))
    #expect(ModelExport.export(reloaded, as: format) == first)
    #expect(first.unicodeScalars.last == "\n")
  }

  // MARK: CSV

  @Test(arguments: Fixture.allCases)
  func csvHasARowPerEvidenceThatParsesBack(_ fixture: Fixture) throws {
    let model = fixture.model
    let text = ModelExport.csv(model)
    #expect(text.hasSuffix("\r\n"))
    let rows = try Self.parseCSV(text)
    #expect(rows.first == ModelExport.csvHeader)
    let column = Dictionary(
      uniqueKeysWithValues: ModelExport.csvHeader.enumerated().map { ($1, $0) })
    var expected: [[String: String]] = []
    for (index, fact) in model.facts.enumerated() {
      for evidence in fact.evidence {
        expected.append([
          "fact": "\(index + 1)", "subject": model.entities[fact.subject].name,
          "relation": model.relations[fact.relation].id,
          "object_id": model.entities[fact.object].id,
          "polarity": fact.polarity.rawValue, "modality": fact.modality.name,
          "personal": "\(fact.personal)", "paragraph": "\(evidence.paragraph)",
          "quote": evidence.quote, "note": fact.note ?? "",
        ])
      }
    }
    let body = Array(rows.dropFirst())
    try #require(body.count == expected.count)
    for (row, wanted) in zip(body, expected) {
      #expect(row.count == ModelExport.csvHeader.count)
      for (name, value) in wanted { #expect(row[column[name]!] == value, "\(name)") }
    }
  }

  @Test func csvListsQualifiersAndScenarios() throws {
    let rows = try Self.parseCSV(ModelExport.csv(Self.awkward))
    #expect(rows[2][10] == "when a\ttabbed\nday; at Grand Fenwick, Duchy")
    #expect(rows.contains { $0[9] == "war" && $0[7] == "scenario" })
  }

  // MARK: N-Triples

  @Test(arguments: Fixture.allCases)
  func nTriplesHoldTheTriplesTheModelImplies(_ fixture: Fixture) {
    let lines = ModelExport.ntriples(fixture.model).split(separator: "\n")
    #expect(lines.count == Self.expectedTripleCount(fixture.model))
    #expect(Set(lines).count == lines.count)
    #expect(lines.allSatisfy { $0.hasPrefix("<") && $0.hasSuffix(" .") })
  }

  @Test func nTriplesCarryEachFactDirectlyAndAsANodeWithItsEvidence() throws {
    let model = ModelLoader.bundled
    let text = ModelExport.ntriples(model)
    let base = "https://csto.example/"
    let criticized = try #require(
      model.facts.firstIndex {
        model.entities[$0.subject].id == "rakhmon"
          && model.relations[$0.relation].id == "criticized"
          && model.entities[$0.object].id == "russia"
      })
    let fact = "<\(base)fact/\(criticized + 1)>"
    #expect(
      text.contains(
        "<\(base)entity/rakhmon> <\(base)relation/criticized> <\(base)entity/russia> .\n"))
    #expect(text.contains("\(fact) <\(base)ns#subject> <\(base)entity/rakhmon> .\n"))
    #expect(text.contains("\(fact) <\(base)ns#polarity> \"affirmed\" .\n"))
    #expect(
      text.contains("\(fact) <\(base)ns#evidence> <\(base)fact/\(criticized + 1)/evidence/1> .\n"))
    #expect(
      text.contains(
        "<\(base)fact/\(criticized + 1)/evidence/1> <\(base)ns#paragraph> <\(base)document/csto_article/paragraph/5> .\n"
      ))
    // A denial is a node only: the CSTO's governing bodies did not name the aggressor.
    #expect(
      !text.contains(
        "<\(base)entity/csto_governing_bodies> <\(base)relation/named_the_aggressor> <\(base)entity/azerbaijan> ."
      ))
    #expect(text.contains("\"denied\" ."))
  }

  @Test func nTriplesEscapeLiteralsAndEncodeIRIs() {
    let text = ModelExport.ntriples(Self.awkward)
    #expect(text.contains("\"Ruritania \\\"the Brave\\\"\""))
    #expect(text.contains("\"Seán O'Brien\\\\Jr\""))
    #expect(text.contains("\"tab\\there, line\\nthere, bell\\u0007\""))
    #expect(text.contains("\"Line one\\nline two\\r\\nand a\\ttab"))
    #expect(text.contains("<https://csto.example/entity/grand%20fenwick>"))
    #expect(text.contains("<https://csto.example/document/memo%201/paragraph/2>"))
    // A symmetric scenario fact and an assessment: neither is a direct triple.
    #expect(
      !text.contains("> <https://csto.example/relation/at_war_with> <https://csto.example/entity/"))
  }

  // MARK: SQL

  @Test(arguments: Fixture.allCases)
  func sqlIsOneTransactionOfStandardStatements(_ fixture: Fixture) {
    let sql = ModelExport.sql(fixture.model)
    let statements = sql.split(separator: "\n").filter { !$0.hasPrefix("--") }
    #expect(statements.first == "BEGIN;")
    #expect(statements.last == "COMMIT;")
    for engineSpecific in ["AUTOINCREMENT", "SERIAL", "PRAGMA", "`", "IF NOT EXISTS", "\\'"] {
      #expect(!sql.contains(engineSpecific), "\(engineSpecific)")
    }
    for index in ["ON facts (subject)", "ON facts (object)", "ON facts (relation)"] {
      #expect(sql.contains("CREATE INDEX facts_") && sql.contains(index))
    }
    // Rows are one a line after their table's `INSERT INTO table VALUES` line, each starting
    // with "  (" (no fixture has a line break followed by that inside a string).
    var rowsByTable: [String: Int] = [:]
    var table = ""
    for statement in statements {
      if statement.hasPrefix("INSERT INTO ") {
        #expect(statement.hasSuffix(" VALUES"))
        table = String(statement.dropFirst("INSERT INTO ".count).prefix { $0 != " " })
      } else if statement.hasPrefix("  (") {
        rowsByTable[table, default: 0] += 1
      }
    }
    let inserts = { (table: String) in rowsByTable[table, default: 0] }
    let model = fixture.model
    #expect(inserts("facts") == model.facts.count)
    #expect(inserts("evidence") == model.facts.reduce(0) { $0 + $1.evidence.count })
    #expect(inserts("entities") == model.entities.count)
    #expect(inserts("paragraphs") == model.documents.reduce(0) { $0 + $1.paragraphs.count })
    #expect(inserts("sets") == model.sets.count)
  }

  @Test func sqlDoublesQuotesAndKeepsEverythingElse() {
    let sql = ModelExport.sql(Self.awkward)
    #expect(sql.contains("'Seán O''Brien\\Jr'"))
    #expect(
      sql.contains("'Line one\nline two\r\nand a\ttab; ''single'' quotes; DROP TABLE facts; --'"))
    #expect(sql.contains("INSERT INTO aliases VALUES\n  ('ruritania', 'rur', FALSE)"))
    #expect(sql.components(separatedBy: "('ruritania', 'rur'").count == 2)
  }

  // MARK: events

  @Test func eventsAreTheAffirmedNonScenarioFactsWithACAMEOCode() throws {
    let model = ModelLoader.bundled
    let lines = ModelExport.events(model).split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast()
    #expect(lines.first.map(String.init) == ModelExport.eventHeader.joined(separator: "\t"))
    let rows = lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let expected = model.facts.indices.filter {
      let fact = model.facts[$0]
      return fact.polarity == .affirmed && fact.scenario == nil
        && model.relations[fact.relation].cameo != nil
    }
    #expect(rows.map { Int($0[0]) } == expected.map { $0 + 1 })
    #expect(rows.allSatisfy { $0.count == ModelExport.eventHeader.count })
    #expect(rows.allSatisfy { ["1", "2", "3", "4"].contains($0[6]) })
    let criticism = try #require(rows.first { $0[2] == "Rakhmon" && $0[3] == "Russia" })
    #expect(
      criticism[1...8].map(String.init) == [
        "2022", "Rakhmon", "Russia", "111", "11", "3", "csto_article", "5",
      ])
    #expect(rows.contains { $0[1] == "winter of 2022" && $0[2] == "CSTO" })
  }

  @Test func eventFieldsHaveNoTabsOrLineBreaks() {
    let lines = ModelExport.events(Self.awkward).split(separator: "\n").map(String.init)
    #expect(
      lines.dropFirst() == [
        "2\ta tabbed day\tRuritania \"the Brave\"\tGrand Fenwick, Duchy\t111\t11\t3\tmemo 1\t1\t"
          + "Ruritania \"the Brave\" criticized",
        "3\t2024\tSeán O'Brien\\Jr\tGrand Fenwick, Duchy\t111\t11\t3\tmemo 1\t2\t"
          + "and a tab; 'single' quotes",
        "6\t2024\tGrand Fenwick, Duchy\tRuritania \"the Brave\"\t190\t19\t4\tmemo 1\t1\tGrand Fenwick",
      ])
  }

  // MARK: helpers

  /// The triples the N-Triples export must hold for `model`, counted from the model.
  static func expectedTripleCount(_ model: Model) -> Int {
    var count = 0
    for document in model.documents {
      count +=
        1
        + [document.title, document.author, document.publisher, document.date, document.url]
        .compactMap { $0 }.count
      count += 4 * document.paragraphs.count
    }
    count += 3 * model.kinds.count + 3 * model.sets.count
    for entity in model.entities {
      count +=
        3 + Set(entity.aliases).count + Set(entity.metonyms).count
        + Set(entity.background).count
    }
    for relation in model.relations {
      // two types, the label, and the flags symmetric, office, reflexive and personal
      count +=
        7 + relation.forms.count - 1 + Set(relation.represents).count
        + (relation.cameo == nil ? 0 : 1)
    }
    var direct: Set<[Int]> = []
    for fact in model.facts {
      count += 7 + (fact.scenario == nil ? 0 : 1) + (fact.note == nil ? 0 : 1)
      count += Set(fact.qualifiers.map { "\($0.key) \($0.value)" }).count
      count += 5 * fact.evidence.count
      if fact.polarity == .affirmed, fact.modality == .reported {
        direct.insert([fact.subject, fact.relation, fact.object])
      }
    }
    return count + direct.count
  }

  struct MalformedCSV: Error {}

  /// Rows of RFC 4180 CSV: fields split at commas, quoted fields with `""` for a quote and
  /// line breaks kept, records ended by CRLF.
  static func parseCSV(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = text.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? characters.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          let next = characters.next()
          if next == "\"" {
            field.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        guard field.isEmpty else { throw MalformedCSV() }
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\r\n" {
        row.append(field)
        rows.append(row)
        (row, field) = ([], "")
      } else {
        guard character != "\n", character != "\r" else { throw MalformedCSV() }
        field.append(character)
      }
    }
    guard !quoted, row.isEmpty, field.isEmpty else { throw MalformedCSV() }
    return rows
  }
}

/// A quote, tab or backslash followed by a combining mark is one Character but still a
/// quote, tab or backslash to SQL, TSV and DOT: each export escapes scalar by scalar.
@Test func exportsEscapeMarksBeforeCombiningCharacters() throws {
  let awkward = "it'\u{301}s\t\u{301}x"
  let model = Model(
    documents: [Document(id: "d", paragraphs: [awkward])],
    kinds: [Kind(id: "country", plural: "countries")],
    relations: [Relation(id: "r", phrase: "r", cameo: "111")],
    entities: [Entity(id: "a", name: awkward, kind: KindRef(0))], sets: [],
    facts: [
      Fact(
        subject: 0, relation: 0, object: 0,
        evidence: [Evidence(document: 0, paragraph: 1, quote: awkward)])
    ])
  let sql = ModelExport.export(model, as: .sql)
  #expect(sql.contains("'it''\u{301}s\t\u{301}x'"))
  let events = ModelExport.export(model, as: .events)
  #expect(
    !events.split(separator: "\n").dropFirst().contains {
      $0.unicodeScalars.filter { $0 == "\t" }.count != 9
    })
}
