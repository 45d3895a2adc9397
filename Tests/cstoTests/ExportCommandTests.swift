import ArticleModel
import Foundation
import Testing

/// `csto export`, `csto graph`, `--format dot` and `.graph`, checked by the tools their
/// output is for: sqlite3 loads the SQL, rapper parses the N-Triples, Graphviz draws the DOT.
@Suite struct ExportCommandTests {
  /// What an external program gave.
  struct ToolRun {
    let status: Int32
    let standardOutput: String
    let standardError: String
  }

  /// Two runs of `csto` are two processes, each with its own random hashing seed, so any
  /// output that followed a dictionary's or a set's order would differ between them.
  @Test(arguments: ["json", "csv", "ntriples", "sql", "events"])
  func exportsAreByteIdenticalFromRunToRun(format: String) throws {
    let first = try CstoBinary.run(["export", "--format", format])
    let second = try CstoBinary.run(["export", "--format", format])
    #expect(first.status == 0)
    #expect(!first.standardOutput.isEmpty)
    #expect(first.standardOutput == second.standardOutput)
  }

  @Test func pictureSourcesAreByteIdenticalFromRunToRun() throws {
    let arguments = ["--format", "dot", "-c", "facts", "-c", "who criticized the csto"]
    let first = try CstoBinary.run(arguments)
    let second = try CstoBinary.run(arguments)
    #expect(first.status == 0)
    #expect(first.standardOutput.hasPrefix("digraph"))
    #expect(first.standardOutput == second.standardOutput)
  }

  /// Runs `/usr/bin/NAME` with `arguments` in `folder`, `input` on its standard input.
  static func tool(
    _ name: String, _ arguments: [String], input: Data = Data(), in folder: String
  ) throws -> ToolRun {
    let files = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(files) }
    try input.write(to: URL(fileURLWithPath: files + "/stdin"))
    for name in ["stdout", "stderr"] {
      _ = FileManager.default.createFile(atPath: files + "/" + name, contents: nil)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/" + name)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardInput = FileHandle(forReadingAtPath: files + "/stdin")
    process.standardOutput = FileHandle(forWritingAtPath: files + "/stdout")
    process.standardError = FileHandle(forWritingAtPath: files + "/stderr")
    try process.run()
    process.waitUntilExit()
    let read = { (name: String) in
      String(
        decoding: FileManager.default.contents(atPath: files + "/" + name) ?? Data(), as: UTF8.self)
    }
    return ToolRun(
      status: process.terminationStatus, standardOutput: read("stdout"),
      standardError: read("stderr"))
  }

  @Test func theSQLExportLoadsIntoSQLite() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["export", "--format", "sql", "-o", "csto.sql"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.isEmpty)
    let sql = try Data(contentsOf: URL(fileURLWithPath: folder + "/csto.sql"))
    let load = try Self.tool("sqlite3", ["csto.db"], input: sql, in: folder)
    #expect(load.status == 0)
    #expect(load.standardError.isEmpty, "\(load.standardError)")
    let count = try Self.tool("sqlite3", ["csto.db", "SELECT count(*) FROM facts"], in: folder)
    #expect(
      Int(count.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        == ModelLoader.bundled.facts.count)
  }

  @Test func theNTriplesExportParsesWithRapper() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["export", "--format", "ntriples", "-o", "csto.nt"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    let parse = try Self.tool("rapper", ["-i", "ntriples", "-c", "csto.nt"], in: folder)
    #expect(parse.status == 0)
    #expect(!parse.standardError.contains("Error"), "\(parse.standardError)")
    let lines = try String(contentsOfFile: folder + "/csto.nt", encoding: .utf8)
      .split(separator: "\n").count
    #expect(parse.standardError.contains("returned \(lines) triples"), "\(parse.standardError)")
  }

  @Test func theJSONExportDecodesToTheModel() throws {
    let run = try CstoBinary.run(["export", "--format", "json"])
    #expect(run.status == 0)
    let model = try JSONDecoder().decode(Model.self, from: Data(run.standardOutput.utf8))
    #expect(model == ModelLoader.bundled)
  }

  @Test func theCSVAndEventExportsHaveTheirHeaders() throws {
    let csv = try CstoBinary.run(["export", "--format", "CSV"])
    #expect(csv.status == 0)
    #expect(csv.standardOutput.hasPrefix("fact,"))
    #expect(csv.standardOutput.hasSuffix("\r\n"), "RFC 4180 line ends, written as they are")
    let events = try CstoBinary.run(["export", "--format", "events"])
    #expect(events.status == 0)
    #expect(events.standardOutput.hasPrefix("event_id\tdate\tactor1\tactor2\tcameo_code"))
  }

  @Test(arguments: ModelExport.Format.allCases)
  func dashOWritesTheSameBytesAsStandardOutput(format: ModelExport.Format) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let printed = try CstoBinary.run(["export", "--format", format.rawValue], in: folder)
    let written = try CstoBinary.run(
      ["export", "--format", format.rawValue, "-o", "model." + format.fileExtension], in: folder)
    #expect(written.status == 0 && written.standardOutput.isEmpty)
    let file = try String(
      contentsOfFile: folder + "/model." + format.fileExtension, encoding: .utf8)
    #expect(file == printed.standardOutput)
  }

  @Test func anExportOfAnotherModelIsOfThatModel() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      SyntheticModel.text(entities: 3, facts: 4), to: "small.model", in: folder)
    let run = try CstoBinary.run(
      ["export", "--format", "csv", "--model", "small.model"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.split(separator: "\r\n").count == 5)
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let refusals: [Refusal] = [
    Refusal(arguments: ["export"], message: "Missing expected argument '--format"),
    Refusal(
      arguments: ["export", "--format", "xml"],
      message: "unknown export format 'xml': use json, csv, ntriples, sql or events"),
    Refusal(
      arguments: ["export", "--format", "json", "-o", "no-such-folder/model.json"],
      message: "csto: cannot write no-such-folder/model.json: No such file or directory"),
    Refusal(
      arguments: ["export", "--format", "json", "-o", "/dev/full"],
      message: "csto: cannot write /dev/full: No space left on device"),
    Refusal(
      arguments: ["export", "--format", "json", "-o", "."],
      message: "csto: cannot write .: Is a directory"),
    Refusal(
      arguments: ["export", "--format", "json", "--model", "no-such.model"],
      message: "no-such.model"),
    Refusal(
      arguments: ["graph", "members"],
      message: "csto graph needs -o FILE (.svg, .png, .pdf or .dot)"),
    Refusal(
      arguments: ["graph", "members", "-o", "members.jpg"],
      message: "csto graph needs -o FILE (.svg, .png, .pdf or .dot)"),
    Refusal(
      arguments: ["graph", "members", "-o", "no-such-folder/members.svg"],
      message: "csto: cannot write no-such-folder/members.svg: No such file or directory"),
  ]

  @Test(arguments: refusals)
  func badUsageAndUnwritableFilesExitWithStatusTwo(_ refusal: Refusal) throws {
    let run = try CstoBinary.run(refusal.arguments)
    #expect(run.status == 2)
    #expect(run.standardError.contains(refusal.message), "\(run.standardError)")
    #expect(run.standardOutput.isEmpty)
  }

  @Test func writingThroughALinkReplacesTheFileItNames() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let old = try CstoBinary.write("the old export\n", to: "model.json", in: folder)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/through-link.json", withDestinationPath: "model.json")
    let good = try CstoBinary.run(
      ["export", "--format", "json", "-o", "through-link.json"], in: folder)
    #expect(good.status == 0)
    #expect(try String(contentsOfFile: old, encoding: .utf8).hasPrefix("{"))
    let link = try FileManager.default.destinationOfSymbolicLink(
      atPath: folder + "/through-link.json")
    #expect(link == "model.json", "the link is kept and its file replaced")
  }

  @Test func graphDrawsAnAnswerAndTheWholeArticle() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let answer = try CstoBinary.run(
      ["graph", "members", "where", "criticized", "russia", "-o", "answer.svg"], in: folder)
    #expect(answer.status == 0, "\(answer.standardError)")
    let svg = try String(contentsOfFile: folder + "/answer.svg", encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("Tajikistan") && svg.contains("Russia"))

    let whole = try CstoBinary.run(["graph", "-o", "csto.svg"], in: folder)
    #expect(whole.status == 0, "\(whole.standardError)")
    let article = try String(contentsOfFile: folder + "/csto.svg", encoding: .utf8)
    #expect(article.contains("Pelosi") && article.contains("Armenia"))
    #expect(article.utf8.count > svg.utf8.count)
  }

  @Test func graphWithoutGraphvizSaysHowToInstallIt() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let empty = folder + "/empty"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let run = try CstoBinary.run(
      ["graph", "members", "-o", "members.svg"], in: folder, environment: ["PATH": empty])
    #expect(run.status == 2)
    #expect(
      run.standardError.hasPrefix("csto graph needs Graphviz's dot: apt-get install graphviz\n"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/members.svg"))

    let dot = try CstoBinary.run(
      ["graph", "members", "-o", "members.dot"], in: folder, environment: ["PATH": empty])
    #expect(dot.status == 0, "a .dot file needs no Graphviz")
    #expect(
      try String(contentsOfFile: folder + "/members.dot", encoding: .utf8).hasPrefix("digraph"))
  }

  @Test func graphOfABadQueryIsAQueryError() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["graph", "memberz", "-o", "x.svg"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("error:"))
    #expect(run.standardError.contains("'members'"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/x.svg"))
  }

  static let drawnQueries = [
    "members where criticized russia", "facts in paragraph 6", "count members",
    "why tajikistan criticized russia", "show belarus",
    "members assuming iran joins the csto",
  ]

  @Test(arguments: drawnQueries)
  func formatDotIsAcceptedByGraphviz(query: String) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["--format", "dot", "-c", query], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.hasPrefix("digraph"))
    let drawn = try Self.tool(
      "dot", ["-Tsvg", "-o", "out.svg"], input: Data(run.standardOutput.utf8), in: folder)
    #expect(drawn.status == 0, "\(drawn.standardError)")
    #expect(drawn.standardError.isEmpty, "\(drawn.standardError)")
  }

  @Test func formatDotShowsTheModelsKindsAndTheFactsAmongTheAnswer() throws {
    let run = try CstoBinary.run(["-c", ".format dot", "-c", "members"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("\"Armenia\" [shape=box"))
    #expect(run.standardOutput.contains("\"Russia\" -> "), "facts among the members")
  }

  @Test func graphCommandDrawsAtThePromptAndInScripts() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let script = """
      .graph members.svg members where criticized russia
      .graph "whole article.dot"
      .graph iran.dot members assuming iran joins the csto
      """
    try CstoBinary.write(script, to: "draw.csto", in: folder)
    let run = try CstoBinary.run(["draw.csto"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.isEmpty)
    let svg = try String(contentsOfFile: folder + "/members.svg", encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("Tajikistan"))
    #expect(FileManager.default.fileExists(atPath: folder + "/whole article.dot"))
    #expect(try String(contentsOfFile: folder + "/iran.dot", encoding: .utf8).contains("Iran"))
  }

  @Test(arguments: [
    (
      ".graph x.svg memberz", "t.csto:1:14: error: expected a set or a question, found 'memberz'"
    ),
    (".graph x.jpg members", "t.csto:1:8: error: usage: .graph FILE.svg|.png|.pdf|.dot [QUERY]"),
    (".graph", "t.csto:1:1: error: usage: .graph"),
    (".graph none/x.svg", "t.csto:1:8: error: cannot write none/x.svg: No such file or directory"),
  ])
  func graphCommandErrorsPointIntoTheLine(line: String, message: String) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(line + "\ncount members\n", to: "t.csto", in: folder)
    let run = try CstoBinary.run(["t.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix(message), "\(run.standardError)")
    #expect(run.standardOutput.isEmpty, "the script stops at the error")
  }

  @Test func graphCommandWithoutGraphvizSaysHowToInstallIt() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(
      ["-c", ".graph x.svg members"], in: folder, environment: ["PATH": folder])
    #expect(run.status == 1)
    #expect(
      run.standardError.hasPrefix(
        "error: .graph needs Graphviz's dot: apt-get install graphviz\n"),
      "\(run.standardError)")
    #expect(run.standardError.contains("note: a FILE.dot is written without it"))
  }

  @Test func csvIntoAFolderWritesATablePerFile() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["export", "--format", "csv", "-o", "tables/"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/tables").sorted()
    let sql = try CstoBinary.run(["export", "--format", "sql"]).standardOutput
    let tables = sql.split(separator: "\n").filter { $0.hasPrefix("CREATE TABLE ") }
      .map { String($0.split(separator: " ")[2]) + ".csv" }
    #expect(files == tables.sorted())
    let facts = try String(contentsOfFile: folder + "/tables/facts.csv", encoding: .utf8)
    #expect(facts.hasPrefix("id,subject,relation,object,"))
    #expect(facts.hasSuffix("\r\n"))
  }
}
