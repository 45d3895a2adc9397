import Foundation
import Testing

/// The built `csto` run as a command: `-c`, files, piped standard input, formats, exit
/// statuses and messages. What is checked is what the article says, not what the
/// evaluator happens to compute.
@Suite struct CommandLineTests {
  static let members = ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]

  @Test func oneQueryPrintsItsAnswer() throws {
    let run = try CstoBinary.run(["-c", "members where criticized russia"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("Tajikistan"))
    #expect(!run.standardOutput.contains("Belarus"))
    #expect(run.standardError.isEmpty)
  }

  @Test func jsonIsOneObjectPerQueryInOrder() throws {
    let run = try CstoBinary.run([
      "--format", "json", "-c", "members", "-c", "count members",
      "-c", "members where criticized russia",
    ])
    #expect(run.status == 0)
    let objects = try run.jsonObjects()
    try #require(objects.count == 3)

    #expect(objects[0]["kind"] as? String == "entities")
    #expect(objects[0]["query"] as? String == "members")
    let names = (objects[0]["results"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
    #expect(names.map(Set.init) == Set(Self.members))

    #expect(objects[1]["kind"] as? String == "count")
    #expect(objects[1]["count"] as? Int == 6)

    let results = try #require(objects[2]["results"] as? [[String: Any]])
    #expect(results.compactMap { $0["name"] as? String } == ["Tajikistan"])
    let evidence = try #require(results.first?["evidence"] as? [[String: Any]])
    #expect(evidence.contains { $0["paragraph"] as? Int == 5 })
    #expect(
      evidence.contains { ($0["quote"] as? String)?.contains("criticized Russia") == true })
  }

  @Test func jsonFactsCarryTheirQuote() throws {
    let run = try CstoBinary.run(["--format", "json", "-c", "facts in paragraph 6"])
    #expect(run.status == 0)
    let object = try #require(try run.jsonObjects().first)
    #expect(object["kind"] as? String == "facts")
    let facts = try #require(object["results"] as? [[String: Any]])
    #expect(!facts.isEmpty)
    for fact in facts {
      let more = (fact["moreEvidence"] as? [[String: Any]] ?? []).compactMap {
        $0["paragraph"] as? Int
      }
      #expect(fact["paragraph"] as? Int == 6 || more.contains(6))
      #expect(fact["subject"] is String && fact["relation"] is String && fact["object"] is String)
      #expect(fact["quote"] is String && fact["polarity"] is String && fact["modality"] is String)
    }
    #expect(facts.contains { ($0["quote"] as? String)?.contains("Pelosi visited") == true })
  }

  @Test(arguments: ["table", "csv", "markdown", "json", "dot"])
  func everyFormatShowsTheAnswer(format: String) throws {
    let run = try CstoBinary.run(["--format", format, "-c", "countries where visited by pelosi"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("Armenia"))
    #expect(!run.standardOutput.contains("\u{1B}["), "no colour when output is not a terminal")
  }

  @Test func anEmptyAnswerIsASuccess() throws {
    let run = try CstoBinary.run(["-c", "people where president of iran"])
    #expect(run.status == 0)
    #expect(run.standardError.isEmpty)
  }

  @Test func aScriptFileRunsEveryLine() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let script = """
      # Who visited Armenia, and who criticized Russia
      countries where visited by pelosi
      .expect Armenia

      members where criticized russia
      .expect Tajikistan
      count members
      .expect count 6
      """
    try CstoBinary.write(script, to: "threads.csto", in: folder)
    let run = try CstoBinary.run(["threads.csto"], in: folder)
    #expect(run.status == 0)
    #expect(run.standardError.isEmpty)
    #expect(run.standardOutput.contains("Armenia") && run.standardOutput.contains("Tajikistan"))
  }

  @Test func pipedStandardInputIsAScriptWithoutAPrompt() throws {
    let run = try CstoBinary.run([], input: "members where criticized russia\n.expect Tajikistan\n")
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("Tajikistan"))
    #expect(!run.standardOutput.contains("csto>"))
    #expect(!run.standardOutput.contains("\u{1B}"))
    #expect(run.standardError.isEmpty)
  }

  /// Line 3 has the error; line 4 would print a second answer.
  static let failingScript = """
    count members
    # a comment, then an error at line 3 column 11
    countries wher criticized russia
    count members
    """

  @Test func aScriptStopsAtItsFirstErrorWithFileLineAndColumn() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(Self.failingScript, to: "bad.csto", in: folder)
    let run = try CstoBinary.run(["--format", "json", "bad.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.outputLines.count == 1, "the script stops at the error")
    let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("bad.csto:3:11: error:") == true, "\(run.standardError)")
    #expect(lines.dropFirst().first == "countries wher criticized russia")
    #expect(lines.dropFirst(2).first?.hasPrefix("          ^") == true)
    #expect(run.standardError.contains("'where'"))
  }

  @Test func keepGoingRunsTheRestAndStillFails() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      Self.failingScript + "\ncount memberz\ncount members\n", to: "bad.csto", in: folder)
    let run = try CstoBinary.run(["--keep-going", "--format", "json", "bad.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.outputLines.count == 3)
    #expect(run.standardError.contains("bad.csto:3:11: error:"))
    #expect(run.standardError.contains("bad.csto:5:7: error:"))
  }

  @Test func anErrorInAMultiLineQueryPointsAtItsOwnLine() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      "count members\nmembers where (\n  criticized russsia)\n", to: "multi.csto", in: folder)
    let run = try CstoBinary.run(["multi.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("multi.csto:3:14: error:"), "\(run.standardError)")
    #expect(run.standardError.contains("'russia'"))
  }

  @Test func aQueryLeftOpenAtTheEndIsAnError() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write("members where (criticized russia\n", to: "open.csto", in: folder)
    let run = try CstoBinary.run(["open.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("open.csto:1:"), "\(run.standardError)")
  }

  @Test func aBadQueryGivenWithDashCFailsWithItsColumn() throws {
    let run = try CstoBinary.run(["-c", "countries where visited by pelosy"])
    #expect(run.status == 1)
    #expect(run.standardOutput.isEmpty)
    #expect(run.standardError.contains("countries where visited by pelosy\n"))
    #expect(run.standardError.contains("\n" + String(repeating: " ", count: 27) + "^"))
    #expect(run.standardError.contains("'pelosi'"))
  }

  struct ExpectCase: Sendable, CustomTestStringConvertible {
    let script: String
    let status: Int32
    let message: String?
    var testDescription: String { script.replacingOccurrences(of: "\n", with: " ⏎ ") }
  }

  static let expectCases: [ExpectCase] = [
    ExpectCase(
      script: "members where criticized russia\n.expect Tajikistan", status: 0, message: nil),
    ExpectCase(
      script: "members where criticized russia\n.expect tajikistan", status: 0, message: nil),
    ExpectCase(
      script: "members where criticized russia\n.expect Belarus", status: 1,
      message: "t.csto:2:9: error: expected Belarus, got Tajikistan"),
    ExpectCase(
      script: "members where supported russia\n.expect count 1\n.expect Belarus", status: 0,
      message: nil),
    ExpectCase(script: "count members\n.expect count 6", status: 0, message: nil),
    ExpectCase(
      script: "count members\n.expect count 7", status: 1,
      message: "t.csto:2:9: error: expected count 7, got 6"),
    ExpectCase(script: "people where president of iran\n.expect empty", status: 0, message: nil),
    ExpectCase(
      script: "members\n.expect empty", status: 1, message: "t.csto:2:9: error: expected no results"
    ),
    ExpectCase(script: "members wher criticized russia\n.expect error", status: 0, message: nil),
    ExpectCase(
      script: "members wher criticized russia\n\n# spaced out\n.expect error", status: 0,
      message: nil),
    ExpectCase(
      script: "members\n.expect error", status: 1,
      message: "t.csto:2:9: error: expected an error, but the query succeeded"),
    ExpectCase(
      script: "members wher criticized russia\n.expect Tajikistan", status: 1,
      message: "t.csto:1:9: error:"),
    ExpectCase(
      script: ".expect Tajikistan", status: 1, message: "t.csto:1:9: error: no query before .expect"
    ),
    ExpectCase(
      script: "members\n.expect", status: 1,
      message: "t.csto:2:1: error: usage: .expect NAME[, NAME...] | count N | empty | error"),
  ]

  @Test(arguments: expectCases)
  func expectMakesAScriptATest(_ example: ExpectCase) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(example.script + "\n", to: "t.csto", in: folder)
    let run = try CstoBinary.run(["t.csto"], in: folder)
    #expect(run.status == example.status, "\(run.standardError)")
    if let message = example.message {
      #expect(run.standardError.hasPrefix(message), "\(run.standardError)")
    } else {
      #expect(run.standardError.isEmpty)
    }
  }

  struct StatusCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let status: Int32
    let message: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let statusCases: [StatusCase] = [
    StatusCase(
      arguments: ["no-such-file.csto"], status: 2, message: "cannot read no-such-file.csto"),
    StatusCase(arguments: ["."], status: 2, message: "cannot read ."),
    StatusCase(arguments: ["--frobnicate"], status: 2, message: "--frobnicate"),
    StatusCase(arguments: ["--format", "xml", "-c", "members"], status: 2, message: "xml"),
    StatusCase(arguments: ["-c"], status: 2, message: "-c"),
    StatusCase(
      arguments: ["--model", "no-such.model", "-c", "members"], status: 2, message: "no-such.model"),
    StatusCase(arguments: ["-c", "memberz"], status: 1, message: "error:"),
    StatusCase(
      arguments: ["-c", ".frobnicate"], status: 1, message: "unknown command '.frobnicate'"),
    StatusCase(arguments: ["-c", ".s"], status: 1, message: "ambiguous command '.s'"),
    StatusCase(arguments: ["-c", ".timer maybe"], status: 1, message: "usage: .timer on|off"),
    StatusCase(arguments: ["-c", ".source 99"], status: 1, message: "error:"),
    StatusCase(
      arguments: ["-c", ".read no-such-file.csto"], status: 1,
      message: "cannot read no-such-file.csto"),
  ]

  @Test(arguments: statusCases)
  func exitStatusSaysWhatWentWrong(_ example: StatusCase) throws {
    let run = try CstoBinary.run(example.arguments)
    #expect(run.status == example.status)
    #expect(run.standardError.contains(example.message), "\(run.standardError)")
  }

  @Test func versionAndHelpSucceed() throws {
    let version = try CstoBinary.run(["--version"])
    #expect(version.status == 0)
    #expect(version.standardOutput.contains("csto"))
    let help = try CstoBinary.run(["--help"])
    #expect(help.status == 0)
    for option in [
      "-c", "--format", "--model", "--keep-going", "--no-init", "--version", "csto export",
      "csto graph", "table|json|csv|markdown|dot",
    ] {
      #expect(help.standardOutput.contains(option))
    }
    for subcommand in ["export", "graph"] {
      let usage = try CstoBinary.run([subcommand, "--help"])
      #expect(usage.status == 0)
      #expect(usage.standardOutput.contains("USAGE: csto \(subcommand) "))
      #expect(usage.standardOutput.contains("--model"))
    }
  }

  @Test func dashCStopsAtTheFirstErrorUnlessKeepGoing() throws {
    let arguments = [
      "--format", "json", "-c", "count members", "-c", "memberz", "-c", "count members",
    ]
    let stopped = try CstoBinary.run(arguments)
    #expect(stopped.status == 1)
    #expect(stopped.outputLines.count == 1)
    let going = try CstoBinary.run(["--keep-going"] + arguments)
    #expect(going.status == 1)
    #expect(going.outputLines.count == 2)
  }

  @Test func dotCommandsWork() throws {
    let help = try CstoBinary.run(["-c", ".help"])
    for command in [
      ".help", ".schema", ".names", ".source", ".coverage", ".format", ".evidence",
      ".timer", ".read", ".expect", ".quit",
    ] {
      #expect(help.standardOutput.contains(command))
    }
    let source = try CstoBinary.run(["-c", ".source 5"])
    #expect(source.status == 0)
    #expect(source.standardOutput.contains("Japarov"))
    let names = try CstoBinary.run(["-c", ".names pel"])
    #expect(names.standardOutput.contains("Pelosi"))
    let schema = try CstoBinary.run(["-c", ".sch"])
    #expect(schema.status == 0)
    #expect(schema.standardOutput.contains("criticized"))
    let coverage = try CstoBinary.run(["-c", ".coverage"])
    #expect(coverage.status == 0)
    #expect(!coverage.standardOutput.isEmpty)
  }

  @Test func formatCommandChangesTheOutput() throws {
    let run = try CstoBinary.run([], input: ".format json\ncount members\n.format\n")
    #expect(run.status == 0)
    let lines = run.outputLines
    #expect(lines.first?.hasPrefix("{") == true)
    #expect(lines.last == "format: json")
  }

  @Test func readRunsAnotherScriptAndStopsRecursion() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      "countries where visited by pelosi\n.expect Armenia\n", to: "inner.csto", in: folder)
    try CstoBinary.write(
      ".read inner.csto\ncount members\n.expect count 6\n", to: "outer.csto", in: folder)
    let run = try CstoBinary.run(["outer.csto"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("Armenia"))

    try CstoBinary.write("count members\n.read self.csto\n", to: "self.csto", in: folder)
    let recursive = try CstoBinary.run(["self.csto"], in: folder)
    #expect(recursive.status == 1)
    #expect(
      recursive.standardError.contains(
        "self.csto:2:7: error: cannot read self.csto: it is being read already"))
    #expect(recursive.outputLines.count < 100)

    try CstoBinary.write("members\n.expect Belarus\n", to: "failing.csto", in: folder)
    let failing = try CstoBinary.run(["-c", ".read failing.csto"], in: folder)
    #expect(failing.status == 1)
    #expect(failing.standardError.hasPrefix("failing.csto:2:9: error: expected Belarus"))
  }

  @Test func quitEndsAScript() throws {
    let run = try CstoBinary.run([], input: "count members\n.quit\ncount memberz\n")
    #expect(run.status == 0)
    #expect(run.standardError.isEmpty)
  }

  @Test func aModelFileWithAnErrorIsRefusedWithItsPosition() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let bundled = try String(contentsOfFile: Self.bundled + "/csto.model", encoding: .utf8)
    let article = try String(contentsOfFile: Self.bundled + "/article.txt", encoding: .utf8)
    try CstoBinary.write(article, to: "article.txt", in: folder)
    try CstoBinary.write(bundled, to: "good.model", in: folder)
    let good = try CstoBinary.run(
      ["--model", "good.model", "-c", "members where criticized russia"], in: folder)
    #expect(good.status == 0)
    #expect(good.standardOutput.contains("Tajikistan"))

    try CstoBinary.write(bundled + "\nthis is not a model line\n", to: "bad.model", in: folder)
    let bad = try CstoBinary.run(["--model", "bad.model", "-c", "members"], in: folder)
    #expect(bad.status == 2)
    #expect(bad.standardError.contains("bad.model:"), "\(bad.standardError)")
    #expect(bad.standardOutput.isEmpty)
  }

  /// The folder of the bundled model and article in the source tree.
  static let bundled = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/ArticleModel/Bundled").path

  @Test func aClosedStandardOutputEndsQuietly() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CstoBinary.path)
    process.arguments = ["-c", "facts", "-c", "facts"]
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    process.environment = CstoBinary.environment(in: folder)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try output.fileHandleForReading.close()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    #expect(errors.fileHandleForReading.readDataToEndOfFile().isEmpty)
  }

  @Test func pipingIntoHeadEndsQuietly() throws {
    let queries = Array(repeating: ["-c", "facts"], count: 20).flatMap { $0 }
    let command = "\"$0\" \"$@\" 2>stderr | head -1 >/dev/null; echo ${PIPESTATUS[0]}"
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command, CstoBinary.path] + queries
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = CstoBinary.environment(in: folder)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    #expect(try String(contentsOfFile: folder + "/stderr", encoding: .utf8).isEmpty)
  }
}
