import Foundation
import Testing

/// The real prompt, driven through a pseudo-terminal: completion, history kept between
/// runs, Ctrl-C, Ctrl-D, multi-line queries, the history file, the start-up file.
@Suite struct PromptTests {
  static let up = "\u{1B}[A"
  static let ctrlC = "\u{03}"
  static let ctrlD = "\u{04}"

  /// A folder with a home, a history file path and a config folder for one test.
  struct Home {
    let folder: String
    var history: String { folder + "/state/history" }
    var environment: [String: String] {
      [
        "PATH": "/usr/bin:/bin", "HOME": folder, "TERM": "xterm", "LANG": "C.UTF-8",
        "NO_COLOR": "1", "CSTO_HISTORY": history, "XDG_CONFIG_HOME": folder + "/config",
      ]
    }

    init() throws {
      folder = try CstoBinary.temporaryFolder()
    }

    /// Removes the folder and everything in it.
    func remove() {
      CstoBinary.remove(folder)
    }
  }

  /// csto started at a prompt, once the line editor reads keys.
  func prompt(
    _ home: Home, arguments: [String] = ["--no-init"], environment extra: [String: String] = [:]
  ) throws -> PseudoTerminal {
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: arguments,
      environment: home.environment.merging(extra) { $1 })
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    return terminal
  }

  /// Types a line, waits for `answer` and then for the next prompt.
  func ask(_ terminal: PseudoTerminal, _ line: String, answer: String) throws {
    terminal.type(line + "\r")
    try terminal.expect(answer)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
  }

  /// Ends the session with Ctrl-D and gives back the exit status.
  func leave(_ terminal: PseudoTerminal) -> Int32? {
    terminal.type(Self.ctrlD)
    return terminal.waitForExit()
  }

  /// The entries of a libedit history file, with its `\ooo` escapes decoded.
  func historyEntries(_ path: String) throws -> [String] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "_HiStOrY_V2_")
    return lines.dropFirst().map { line in
      var bytes: [UInt8] = []
      var characters = Array(line.utf8)[...]
      while let byte = characters.popFirst() {
        if byte == UInt8(ascii: "\\"), characters.count >= 3,
          let code = UInt8(String(decoding: characters.prefix(3), as: UTF8.self), radix: 8)
        {
          bytes.append(code)
          characters = characters.dropFirst(3)
        } else {
          bytes.append(byte)
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  @Test func theBannerNamesTheModelAndHelp() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"], environment: home.environment)
    try terminal.expect("csto: ")
    try terminal.expect("entities")
    try terminal.expect("facts")
    try terminal.expect(".help")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    #expect(leave(terminal) == 0)
  }

  @Test func tabCompletesAWord() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    try ask(terminal, "mem\t", answer: "Tajikistan")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history) == ["members"])
  }

  @Test func tabCompletesARelationAndANameInTheMiddleOfAQuery() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    try ask(terminal, "countries where visited by pel\t", answer: "Armenia")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history).first?.lowercased().contains("pelosi") == true)
  }

  @Test func tabListsTheCandidatesAfterWhere() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"], environment: home.environment,
      rows: 400)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    terminal.type("members where \t")
    try terminal.expect("criticized")
    try terminal.expect("supported")
    try terminal.expect("visited by")
    try terminal.expect("csto> members where ")
    try terminal.waitForLineEditor()
    try ask(terminal, "criticized russia", answer: "Tajikistan")
    #expect(leave(terminal) == 0)
  }

  @Test func tabInsertsTheCommonPrefixAndListsTheRest() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    terminal.type("members where criticiz\t")
    try terminal.expect("criticized by")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try ask(terminal, "d russia", answer: "Tajikistan")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history) == ["members where criticized russia"])
  }

  @Test func aLongListOfCandidatesIsCutToTheScreen() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"], environment: home.environment,
      rows: 10)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    terminal.type("members where \t")
    try terminal.expect("more: type a letter or two and Tab again")
    try terminal.expect("csto> ")
    terminal.type(Self.ctrlC)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    #expect(leave(terminal) == 0)
  }

  @Test func tabCompletesDotCommands() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    try ask(terminal, ".ti\t", answer: "timer: off")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history) == [".timer"])
  }

  @Test func upRecallsAQueryFromAnEarlierRun() throws {
    let home = try Home()
    defer { home.remove() }
    let first = try prompt(home)
    try ask(first, "countries where visited by pelosi", answer: "Armenia")
    #expect(leave(first) == 0)

    let attributes = try FileManager.default.attributesOfItem(atPath: home.history)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

    let second = try prompt(home)
    second.type(Self.up)
    try second.expect("pelosi")
    try ask(second, "", answer: "Armenia")
    #expect(leave(second) == 0)
  }

  @Test func ctrlCAbandonsTheLineAndTheShellGoesOn() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    terminal.type("members where crit" + Self.ctrlC)
    try terminal.expect("^C")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try ask(terminal, "countries where visited by pelosi", answer: "Armenia")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history) == ["countries where visited by pelosi"])
  }

  @Test func ctrlCOnAnEmptyLineDoesNotEndTheShell() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    terminal.type(Self.ctrlC)
    try terminal.expect("^C")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try ask(terminal, "count members", answer: "6")
    #expect(leave(terminal) == 0)
  }

  @Test func ctrlDOnAnEmptyLineLeavesWithStatusZeroEvenAfterAnError() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    try ask(terminal, "memberz", answer: "error")
    #expect(leave(terminal) == 0)
  }

  @Test func aMultiLineQueryRunsAndIsOneHistoryEntry() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    terminal.type("members where (\r")
    try terminal.expect("  ...> ")
    try terminal.waitForLineEditor()
    try ask(terminal, "criticized russia)", answer: "Tajikistan")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history) == ["members where (\ncriticized russia)"])
  }

  @Test func aQuotedNameOverTwoLinesRunsAndIsOneHistoryEntry() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompt(home)
    terminal.type("countries where visited by \"nancy\r")
    try terminal.expect("  ...> ")
    try terminal.waitForLineEditor()
    try ask(terminal, "pelosi\"", answer: "Armenia")
    #expect(leave(terminal) == 0)
    #expect(try historyEntries(home.history) == ["countries where visited by \"nancy\npelosi\""])
  }

  @Test func anUnusableHistoryFileIsOneWarningAndTheShellGoesOn() throws {
    let home = try Home()
    defer { home.remove() }
    let blocker = try CstoBinary.write("not a folder", to: "blocker", in: home.folder)
    let terminal = try prompt(home, environment: ["CSTO_HISTORY": blocker + "/history"])
    try ask(terminal, "countries where visited by pelosi", answer: "Armenia")
    try ask(terminal, "members where criticized russia", answer: "Tajikistan")
    #expect(leave(terminal) == 0)
    #expect(terminal.transcript.components(separatedBy: "history file").count == 2)
  }

  @Test func aHistoryFileOfAnotherFormatIsLeftAsItIs() throws {
    let home = try Home()
    defer { home.remove() }
    let text = "members\ncount members\n"
    let path = try CstoBinary.write(text, to: "readline-history", in: home.folder)
    let terminal = try prompt(home, environment: ["CSTO_HISTORY": path])
    try ask(terminal, "countries where visited by pelosi", answer: "Armenia")
    #expect(leave(terminal) == 0)
    #expect(terminal.transcript.contains("not a libedit history file"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
  }

  @Test(arguments: [false, true])
  func colourOnATerminalUnlessNoColor(noColor: Bool) throws {
    let home = try Home()
    defer { home.remove() }
    var environment = home.environment
    environment["NO_COLOR"] = noColor ? "1" : nil
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"], environment: environment)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try ask(terminal, "members where criticized russia", answer: "Tajikistan")
    try ask(terminal, "memberz", answer: "error")
    #expect(leave(terminal) == 0)
    #expect(terminal.showedColor == !noColor)
  }

  @Test func theStartUpFileRunsBeforeThePromptUnlessNoInit() throws {
    let home = try Home()
    defer { home.remove() }
    let config = home.folder + "/config/csto"
    try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    try CstoBinary.write(".format json\n", to: "init.csto", in: config)

    let initialised = try prompt(home, arguments: [])
    try ask(initialised, "count members", answer: "\"kind\"")
    #expect(leave(initialised) == 0)

    let plain = try prompt(home, arguments: ["--no-init"])
    try ask(plain, ".format", answer: "format: table")
    #expect(leave(plain) == 0)
  }
}
