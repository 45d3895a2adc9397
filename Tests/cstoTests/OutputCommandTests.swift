import Foundation
import Testing

/// Where answers go, run as a user runs csto off a terminal: quotes whole unless
/// `.evidence short`, `.output` and `.once` writing files whole (and leaving the old file when
/// they cannot), `.last` showing the previous answer again.
@Suite struct OutputCommandTests {
  /// A query whose one quote is longer than 80 columns.
  static let longQuote = "members where criticized russia"
  static let quoteEnd = "at the Tashkent SCO summit”"

  @Test func offATerminalQuotesAreWholeAndEvidenceShortCutsThem() throws {
    let whole = try CstoBinary.run(["-c", Self.longQuote])
    #expect(whole.status == 0)
    #expect(whole.standardOutput.contains(Self.quoteEnd))
    #expect(!whole.standardOutput.contains("chars)"))
    let cut = try CstoBinary.run(["-c", ".evidence short", "-c", Self.longQuote])
    #expect(cut.status == 0)
    #expect(!cut.standardOutput.contains(Self.quoteEnd))
    #expect(cut.standardOutput.contains("chars)"))
  }

  @Test func outputSendsAnswersToAFileUntilTurnedOff() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write("old contents\n", to: "answers.txt", in: folder)
    let run = try CstoBinary.run(
      [],
      input: ".output answers.txt\ncount members\n\(Self.longQuote)\n.output\ncount countries\n",
      in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    let file = try String(contentsOfFile: folder + "/answers.txt", encoding: .utf8)
    #expect(file.hasPrefix("6\n(count)\n"))
    #expect(file.contains("Tajikistan"))
    #expect(file.contains(Self.quoteEnd))
    #expect(!file.contains("old contents"))
    #expect(!file.contains("11"))
    #expect(!run.standardOutput.contains("Tajikistan"))
    #expect(run.outputLines == ["11", "(count)"])
  }

  @Test func anOutputLeftOnIsWrittenAtTheEnd() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["-c", ".output end.txt", "-c", "count members"], in: folder)
    #expect(run.status == 0)
    #expect(run.standardOutput.isEmpty)
    #expect(try String(contentsOfFile: folder + "/end.txt", encoding: .utf8) == "6\n(count)\n")
  }

  @Test func onceSendsTheNextAnswerOnly() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(
      [], input: ".once one.json\n.format json\ncount members\ncount countries\n", in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    let file = try String(contentsOfFile: folder + "/one.json", encoding: .utf8)
    #expect(file.hasPrefix("{\"count\":6,"))
    #expect(!file.contains("\"count\":11"))
    #expect(!run.standardOutput.contains("\"count\":6"))
    #expect(run.standardOutput.hasPrefix("{\"count\":11,"))
  }

  @Test func onceWithAnAnswerGoesBackToTheScreenAfterIt() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(
      [], input: ".once one.txt\ncount members\ncount countries\n", in: folder)
    #expect(run.status == 0)
    #expect(try String(contentsOfFile: folder + "/one.txt", encoding: .utf8) == "6\n(count)\n")
    #expect(run.outputLines == ["11", "(count)"])
  }

  @Test func outputIntoAFolderIsAnError() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/place", withIntermediateDirectories: false)
    for command in [".output place", ".once place"] {
      let run = try CstoBinary.run(["-c", command, "-c", "count members"], in: folder)
      #expect(run.status == 1)
      #expect(run.standardError.contains("cannot write place: Is a directory"))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/place").isEmpty)
    }
  }

  @Test func outputOnAReadOnlyDiskIsAnErrorThatKeepsTheOldFile() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let disk = try TinyDisk(in: folder)
    defer { disk.unmount() }
    let path = try CstoBinary.write("old\n", to: "answers.txt", in: disk.path)
    try disk.makeReadOnly()
    let run = try CstoBinary.run(["-c", ".output \(path)", "-c", "count members"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.contains("Read-only file system"), "\(run.standardError)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
  }

  @Test func outputOnAFullDiskIsAnErrorThatKeepsTheOldFile() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let disk = try TinyDisk(in: folder)
    defer { disk.unmount() }
    let path = try CstoBinary.write("old\n", to: "answers.txt", in: disk.path)
    disk.fill()
    let run = try CstoBinary.run(
      ["-c", ".output \(path)", "-c", "members", "-c", ".output"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.contains("No space left on device"), "\(run.standardError)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == [
        "answers.txt", "filler",
      ])
  }

  @Test func lastShowsThePreviousAnswerAgainInAnyFormat() throws {
    let run = try CstoBinary.run(
      [], input: "members where criticized russia\n.last\n.last json\n.last csv\n")
    #expect(run.status == 0, "\(run.standardError)")
    let lines = run.outputLines
    let table = lines.prefix(2)
    #expect(Array(lines[2..<4]) == Array(table))
    let json = try JSONSerialization.jsonObject(with: Data(lines[4].utf8)) as? [String: Any]
    #expect(json?["query"] as? String == "members where criticized russia")
    #expect(lines[5].hasPrefix("name,kind,"))
    #expect(run.standardOutput.contains("\r\nTajikistan,country,5,"))
  }

  @Test func lastWithNothingBeforeItOrABadFormatIsAnError() throws {
    let nothing = try CstoBinary.run(["-c", ".last"])
    #expect(nothing.status == 1)
    #expect(nothing.standardError.contains("no answer yet"))
    let bad = try CstoBinary.run(["-c", "count members", "-c", ".last yaml"])
    #expect(bad.status == 1)
    #expect(bad.standardError.contains("usage: .last"))
  }

  @Test(arguments: [
    ("count members", "(count in "), ("members where criticized russia", "(1 result in "),
    ("members", "(6 results in "),
  ])
  func theTimerFooterReadsAsASentence(query: String, footer: String) throws {
    let run = try CstoBinary.run(["-c", ".timer on", "-c", query])
    #expect(run.status == 0)
    let last = try #require(run.outputLines.last)
    #expect(last.hasPrefix(footer), "\(last)")
    #expect(last.hasSuffix(" ms)"))
    #expect(!last.contains("(("))
  }
}
