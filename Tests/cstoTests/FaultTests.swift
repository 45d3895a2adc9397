import Foundation
import Testing

/// Faults the prompt survives, through a pseudo-terminal: a history file that cannot be used
/// (the shell warns once, goes on, and never truncates it), an unset or unknown `TERM`, a
/// terminal resized in the middle of a line, input ending in the middle of a query.
@Suite struct FaultTests {
  typealias Home = PromptTests.Home

  /// A libedit history file of two entries, `members` and `count members`.
  static let history = "_HiStOrY_V2_\nmembers\ncount\\040members\n"

  /// csto at a prompt with `CSTO_HISTORY` set to `history`, once the line editor reads keys.
  func prompt(_ home: Home, history: String, environment extra: [String: String] = [:]) throws
    -> PseudoTerminal
  {
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"],
      environment: home.environment.merging(["CSTO_HISTORY": history]) { $1 }
        .merging(extra) { $1 })
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    return terminal
  }

  /// Asks two questions, leaves, and checks the warning about the history file showed once,
  /// saying `problem`.
  func askTwiceAndLeave(_ terminal: PseudoTerminal, problem: String) throws {
    let tests = PromptTests()
    try tests.ask(terminal, "countries where visited by pelosi", answer: "Armenia")
    try tests.ask(terminal, "members where criticized russia", answer: "Tajikistan")
    #expect(tests.leave(terminal) == 0)
    #expect(terminal.transcript.components(separatedBy: "csto: history file").count == 2)
    #expect(terminal.transcript.contains(problem), "\(terminal.transcript)")
  }

  /// `history` padded with entries to exactly one page of tmpfs (4 KiB), so that on a full
  /// disk no byte more can be appended to it.
  static let pageOfHistory: String = {
    var text = history
    while text.utf8.count + 9 <= 4_096 { text += "padding\n" }
    text += String(repeating: "x", count: 4_096 - text.utf8.count - 1) + "\n"
    return text
  }()

  @Test func aHistoryFileOnAFullDiskIsKeptWhole() throws {
    let home = try Home()
    defer { home.remove() }
    let disk = try TinyDisk(in: home.folder)
    defer { disk.unmount() }
    #expect(Self.pageOfHistory.utf8.count == 4_096)
    let path = try CstoBinary.write(Self.pageOfHistory, to: "history", in: disk.path)
    disk.fill()
    let terminal = try prompt(home, history: path)
    try askTwiceAndLeave(terminal, problem: "No space left on device")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.pageOfHistory)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == [
        "filler", "history",
      ])
  }

  @Test func aHistoryFileOnAReadOnlyDiskIsKeptWhole() throws {
    let home = try Home()
    defer { home.remove() }
    let disk = try TinyDisk(in: home.folder)
    defer { disk.unmount() }
    let path = try CstoBinary.write(Self.history, to: "history", in: disk.path)
    try disk.makeReadOnly()
    let terminal = try prompt(home, history: path)
    try askTwiceAndLeave(terminal, problem: "Read-only file system")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.history)
  }

  @Test func aHistoryFileThatIsAFolderIsLeftAlone() throws {
    let home = try Home()
    defer { home.remove() }
    let folder = home.folder + "/history-folder"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let terminal = try prompt(home, history: folder)
    try askTwiceAndLeave(terminal, problem: "is not a regular file")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  @Test func aHistoryFileLinkedToADeviceIsLeftAlone() throws {
    let home = try Home()
    defer { home.remove() }
    let link = home.folder + "/history"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
    let terminal = try prompt(home, history: link)
    try askTwiceAndLeave(terminal, problem: "is not a regular file")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/full")
  }

  @Test func aCorruptHistoryFileIsLeftAsItIs() throws {
    let home = try Home()
    defer { home.remove() }
    let garbage = Data([0x00, 0xFF, 0xFE, 0x0A, 0x5F, 0x48, 0x69, 0x80, 0x0A, 0xC3])
    let path = home.folder + "/history"
    try garbage.write(to: URL(fileURLWithPath: path))
    let terminal = try prompt(home, history: path)
    try askTwiceAndLeave(terminal, problem: "is not a libedit history file")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
  }

  @Test func aHistoryFileWithBadBytesAfterItsHeaderLosesNothing() throws {
    let home = try Home()
    defer { home.remove() }
    let path = home.folder + "/history"
    let bytes =
      Array("_HiStOrY_V2_\n".utf8) + [0xFF, 0x0A] + Array("count\\040members\n".utf8)
      + [0xC3, 0x0A]
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let terminal = try prompt(home, history: path)
    terminal.type(PromptTests.up + PromptTests.up + PromptTests.ctrlC)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try PromptTests().ask(terminal, "members where criticized russia", answer: "Tajikistan")
    #expect(PromptTests().leave(terminal) == 0)
    #expect(!terminal.transcript.contains("history file"))
    let saved = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(saved.contains("\ncount\\040members\n"), "\(saved)")
    #expect(saved.hasSuffix("\nmembers\\040where\\040criticized\\040russia\n"), "\(saved)")
  }

  @Test(arguments: [nil, "unknown-terminal", "dumb"])
  func thePromptWorksWhateverTERMSays(term: String?) throws {
    let home = try Home()
    defer { home.remove() }
    var environment = home.environment
    environment["TERM"] = term
    environment["NO_COLOR"] = nil
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"], environment: environment)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    let tests = PromptTests()
    try tests.ask(terminal, "mem\t", answer: "Tajikistan")
    try tests.ask(terminal, "members where criticized russia", answer: "Tajikistan")
    #expect(tests.leave(terminal) == 0)
    let warnings = terminal.transcript.components(separatedBy: "terminal type").count - 1
    #expect(warnings <= 1)
    if term == nil || term == "dumb" {
      #expect(!terminal.showedColor, "no colour on a terminal TERM does not name")
    }
  }

  @Test func aLineSurvivesAResizeAndTheNextTableUsesTheNewWidth() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"], environment: home.environment,
      columns: 120)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    terminal.type("members where crit")
    try terminal.expect("crit")
    terminal.resize(columns: 50, rows: 20)
    terminal.pause(.milliseconds(200))
    terminal.type("icized russia\r")
    try terminal.expect("Tajikistan")
    try terminal.expect("(1 result)")
    let table = terminal.transcript.components(separatedBy: "\n")
      .drop { !$0.hasPrefix("Tajikistan") }.prefix { !$0.hasPrefix("(1 result)") }
    #expect(!table.isEmpty)
    for line in table {
      #expect(line.count <= 50, "\(line)")
    }
    #expect(table.joined().contains("chars)"), "the quote is shortened, saying so")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    #expect(PromptTests().leave(terminal) == 0)
  }

  @Test func endOfInputInTheMiddleOfAQueryLeavesCleanlyKeepingItInTheHistory() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home, history: home.history)
    terminal.type("members where (\r")
    try terminal.expect("  ...> ")
    try terminal.waitForLineEditor()
    terminal.type("criticized \"the\r")
    try terminal.expect("  ...> ")
    try terminal.waitForLineEditor()
    terminal.type(PromptTests.ctrlD)
    #expect(terminal.waitForExit() == 0)
    #expect(!terminal.transcript.contains("error"))
    #expect(
      try PromptTests().historyEntries(home.history) == ["members where (\ncriticized \"the"])
  }

  @Test func anUnclosedQuoteWaitsForItsCloseAndCtrlCAbandonsIt() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home, history: home.history)
    terminal.type("countries where visited by \"pelosi\r")
    try terminal.expect("  ...> ")
    try terminal.waitForLineEditor()
    terminal.type(PromptTests.ctrlC)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try PromptTests().ask(terminal, "count members", answer: "6")
    #expect(PromptTests().leave(terminal) == 0)
    #expect(!terminal.transcript.contains("error"))
  }
}
