import ArticleModel
import Foundation
import Testing

/// The exports read by the tools analysts load them into: the N-Triples by Raptor's
/// `rapper`, the SQL by `sqlite3` with its foreign keys checked. (`ExportTests` checks the
/// same text against the model; `SQLSecondOpinionTests` asks the loaded database questions.)
@Suite struct ExportToolTests {
  /// A model whose names, quotes and notes hold what the exports must escape: double and
  /// single quotes, backslashes, commas, a tab, non-ASCII letters, SQL comment marks.
  static let awkwardModelText = #"""
    document memo
      title "A \"quoted\" title, with a comma"
      author "Seán O'Brien"
      date "2024"
      paragraph "Ruritania \"the Brave\" criticized Grand Fenwick, said O'Brien\\Jr."
      paragraph "And then	a tab; 'single' quotes; DROP TABLE facts; --"
    kind country plural "countries"
    kind person plural "people"
    relation criticized "criticized" passive "criticized by" cameo "111"
    relation president_of "president of" office represents person subject person object country
    entity ruritania "Ruritania \"the Brave\"" country
      alias "rur"
      background "Brave\\bold"
    entity fenwick "Grand Fenwick, Duchy" country
    entity obrien "Seán O'Brien\\Jr" person
    set braves "countries where criticized fenwick"
    fact ruritania criticized fenwick
      note "said \"loudly\", twice"
      evidence 1 "Ruritania \"the Brave\" criticized Grand Fenwick"
    fact obrien president_of ruritania
      evidence 1 "said O'Brien\\Jr."
    fact obrien criticized fenwick
      denied
      when "then	tabbed"
      evidence 2 "'single' quotes; DROP TABLE facts; --"

    """#

  enum Fixture: String, CaseIterable, Sendable {
    case bundled, awkward

    func model() throws -> Model {
      switch self {
      case .bundled: ModelLoader.bundled
      case .awkward:
        try ModelLoader.load(text: ExportToolTests.awkwardModelText, name: "awkward.model") {
          throw ExternalTool.Failure(description: "no file \($0)")
        }
      }
    }
  }

  @Test(arguments: Fixture.allCases)
  func nTriplesParseWithRapper(_ fixture: Fixture) throws {
    let model = try fixture.model()
    let text = ModelExport.ntriples(model)
    let directory = try TemporaryDirectory()
    let output = try withExtendedLifetime(directory) {
      let file = try directory.write(text, to: "model.nt")
      return try ExternalTool.rapper.run(["-i", "ntriples", "-c", file.path])
    }
    #expect(output.status == 0)
    let lines = output.stderr.split(separator: "\n")
    #expect(!lines.contains { $0.contains("Error") || $0.contains("Warning") }, "\(output.stderr)")
    let parsed = lines.last.flatMap { line in
      line.split(separator: " ").dropFirst(3).first.flatMap { Int($0) }
    }
    // One triple per line; ExportTests checks the lines are the triples the model implies.
    #expect(parsed == text.split(separator: "\n").count, "\(output.stderr)")
    #expect(
      text.components(separatedBy: "<https://csto.example/ns#Fact> .").count - 1
        == model.facts.count)
  }

  @Test(arguments: Fixture.allCases)
  func sqlLoadsIntoSQLiteWithItsKeysChecked(_ fixture: Fixture) throws {
    let model = try fixture.model()
    let database = try SQLiteDatabase.load(ModelExport.sql(model))
    let counts = try database.column(
      """
      SELECT (SELECT COUNT(*) FROM documents) || ' ' || (SELECT COUNT(*) FROM paragraphs) || ' '
        || (SELECT COUNT(*) FROM entities) || ' ' || (SELECT COUNT(*) FROM relations) || ' '
        || (SELECT COUNT(*) FROM facts) || ' ' || (SELECT COUNT(*) FROM evidence) || ' '
        || (SELECT COUNT(*) FROM sets) AS counts;
      """)
    let expected = [
      model.documents.count, model.documents.reduce(0) { $0 + $1.paragraphs.count },
      model.entities.count, model.relations.count, model.facts.count,
      model.facts.reduce(0) { $0 + $1.evidence.count }, model.sets.count,
    ]
    #expect(counts == [expected.map(String.init).joined(separator: " ")])
    let indexes = try database.column(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts' ORDER BY name;")
    #expect(indexes == ["facts_object", "facts_relation", "facts_subject"])
  }

  @Test func sqlStringsReadBackExactly() throws {
    let model = try Fixture.awkward.model()
    let database = try SQLiteDatabase.load(ModelExport.sql(model))
    #expect(try database.column("SELECT name FROM entities;") == model.entities.map(\.name))
    #expect(
      try database.column("SELECT text FROM paragraphs;") == model.documents[0].paragraphs.array)
    #expect(
      try database.column("SELECT quote FROM evidence ORDER BY fact, position;")
        == model.facts.flatMap { $0.evidence.map(\.quote) })
    #expect(try database.column("SELECT value FROM qualifiers;") == ["then\ttabbed"])
    #expect(try database.column("SELECT note FROM backgrounds;") == ["Brave\\bold"])
    #expect(try database.column("SELECT author FROM documents;") == ["Seán O'Brien"])
    #expect(try database.column("SELECT polarity FROM facts WHERE id = 3;") == ["denied"])
  }
}
