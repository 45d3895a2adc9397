import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// Bad input and the limits that keep csto answering: each gives a clear message and an exit
/// status, never a crash, a hang or a screenful of the input.
@Suite struct LimitTests {
  @Test func aHugeAnswerIsCutInATableAndWholeInCSV() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      SyntheticModel.text(entities: 1_500, facts: 10), to: "wide.model", in: folder)
    let table = try CstoBinary.run(["--model", "wide.model", "-c", "countries"], in: folder)
    #expect(table.status == 0)
    let lines = table.outputLines
    #expect(lines.count == 1_002)
    #expect(
      lines.last
        == "… 500 more results not shown: a table stops at 1000; use --format csv or json for all 1500"
    )
    let csv = try CstoBinary.run(
      ["--model", "wide.model", "--format", "csv", "-c", "countries"], in: folder)
    #expect(csv.status == 0)
    #expect(csv.standardOutput.split(separator: "\r\n").count == 1_501)
  }

  @Test func aQueryOverTheLengthLimitIsRefusedWithoutEchoingIt() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let long = "members" + String(repeating: " ", count: Parser.maximumLength)
    try CstoBinary.write("count members\n" + long + "\n", to: "long.csto", in: folder)
    let run = try CstoBinary.run(["long.csto"], in: folder)
    #expect(run.status == 1)
    #expect(
      run.standardError
        == "long.csto:2: error: query is \(long.utf8.count) bytes long; the limit is \(Parser.maximumLength)\n"
    )

    let lines = "members where (\n" + String(repeating: "# a comment line\n", count: 300_000)
    try CstoBinary.write(lines, to: "lines.csto", in: folder)
    let many = try CstoBinary.run(["lines.csto"], in: folder, timeout: .seconds(120))
    #expect(many.status == 1)
    #expect(many.standardError.hasPrefix("lines.csto:1: error: query is "))
  }

  @Test func aQueryOf100000LinesRunsAsOneStatement() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let script =
      "members where (criticized russia\n"
      + String(repeating: "  # one line of many\n", count: 100_000) + ")\n.expect Tajikistan\n"
    try CstoBinary.write(script, to: "tall.csto", in: folder)
    let run = try CstoBinary.run(["tall.csto"], in: folder, timeout: .seconds(120))
    #expect(run.status == 0, "\(run.standardError.prefix(300))")
  }

  @Test func nestingDeeperThanTheLimitIsAnError() throws {
    let depth = Parser.maximumDepth + 1
    let query =
      "members where " + String(repeating: "(", count: depth) + "criticized russia"
      + String(repeating: ")", count: depth)
    let run = try CstoBinary.run(["-c", query])
    #expect(run.status == 1)
    #expect(run.standardError.contains("nested more than \(Parser.maximumDepth) levels deep"))
  }

  /// Also through a symbolic link and without the snapshot cache: the size is `stat`'s, not
  /// `FileManager`'s (whose size, a `UInt` in FoundationEssentials, failed `as? Int` once).
  @Test(arguments: [
    ("huge.model", false), ("link.model", false), ("huge.model", true), ("link.model", true),
  ])
  func aModelFileOverTheSizeLimitIsRefusedUnread(name: String, noCache: Bool) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let path = folder + "/huge.model"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(ModelLoader.maximumFileSize) + 1)
    try handle.close()
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link.model", withDestinationPath: "huge.model")
    let run = try CstoBinary.run(
      ["--model", name, "-c", "members"] + (noCache ? ["--no-cache"] : []), in: folder)
    #expect(run.status == 2)
    #expect(
      run.standardError
        == "error: cannot read model file '\(name)': is larger than \(ModelLoader.maximumFileSize / 1024 / 1024) MiB\n"
    )
  }

  @Test func aScriptWithoutEndIsRefused() throws {
    let read = try CstoBinary.run(["-c", ".read /dev/zero"])
    #expect(read.status == 1)
    #expect(read.standardError.hasPrefix("error: cannot read /dev/zero: larger than 64 MiB"))
    let argument = try CstoBinary.run(["/dev/zero"])
    #expect(argument.status == 2)
    #expect(argument.standardError == "csto: cannot read /dev/zero: larger than 64 MiB\n")
  }

  /// `criticized` followed by bytes that are not UTF-8.
  static let badBytes = Data("members where criticized ".utf8 + [0xFF, 0xFE, 0x0A])

  @Test func invalidUTF8InAScriptIsAPositionedError() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try (Data("count members\n".utf8) + Self.badBytes)
      .write(to: URL(fileURLWithPath: folder + "/bad.csto"))
    let run = try CstoBinary.run(["bad.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("bad.csto:2:26: error:"), "\(run.standardError)")
    #expect(run.standardError.contains("\u{FFFD}"), "the bad bytes show as replacement characters")
    let piped = try CstoBinary.run([], input: Self.badBytes)
    #expect(piped.status == 1)
    #expect(piped.standardError.hasPrefix("<stdin>:1:26: error:"), "\(piped.standardError)")
  }

  @Test func invalidUTF8InADashCQueryIsAPositionedError() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try Self.badBytes.dropLast().write(to: URL(fileURLWithPath: folder + "/query"))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "\"$0\" -c \"$(cat query)\" 2>stderr", CstoBinary.path]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = CstoBinary.environment(in: folder)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    let errors = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/stderr")), as: UTF8.self)
    #expect(errors.hasPrefix("error:"), "\(errors)")
    #expect(errors.contains("\u{FFFD}"))
  }

  @Test func invalidUTF8InAModelIsRefused() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let model = Data(SyntheticModel.text(entities: 2, facts: 1).utf8) + [0xC3, 0x28, 0x0A]
    try model.write(to: URL(fileURLWithPath: folder + "/bad.model"))
    let run = try CstoBinary.run(["--model", "bad.model", "-c", "countries"], in: folder)
    #expect(run.status == 2)
    #expect(run.standardError == "error: cannot read model file 'bad.model': is not valid UTF-8\n")
    #expect(run.standardOutput.isEmpty)
  }

  @Test func aScriptEndingInsideAQueryIsAClearError() throws {
    let piped = try CstoBinary.run([], input: "count members\nmembers where (criticized russia\n")
    #expect(piped.status == 1)
    #expect(
      piped.standardError.hasPrefix("<stdin>:2:33: error: expected ')', found end of input"),
      "\(piped.standardError)")
    #expect(piped.outputLines.count == 2, "the query before it ran")
  }

  @Test func aQuoteLeftOpenAtTheEndOfAScriptIsReportedWhereItOpens() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      "count members\ncountries where visited by \"pelosi\ncount members\n", to: "quote.csto",
      in: folder)
    let run = try CstoBinary.run(["quote.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("quote.csto:2:28: error: unterminated quoted name"))
    #expect(run.outputLines == ["6", "(count)"], "one answer: the lines after the quote are in it")
  }

  @Test func aQuoteThatSwallowedLinesIsPointedOut() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(
      "who is \"nancy\npelosi\nmembers\nfacts about \"armenia\"\n", to: "quote.csto",
      in: folder)
    let run = try CstoBinary.run(["quote.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("quote.csto:4:21: error: unterminated quoted name"))
    #expect(
      run.standardError.contains(
        "the quoted name before it, \"nancy pelosi members facts about\", runs over 4 lines"))
  }
}
