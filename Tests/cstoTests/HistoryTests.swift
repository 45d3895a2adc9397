import Foundation
import Testing

/// The history file shared and kept (issue 15, items 3 and 4, and the prompt's smaller
/// promises): two shells on one file, its size limit, a read-only file, a dangling link, a
/// line that is not UTF-8, a half-typed query on SIGTERM or SIGHUP.
@Suite struct HistoryTests {
  typealias Home = PromptTests.Home
  let prompts = PromptTests()

  /// A libedit history file of `entries`, written without escapes (they have no spaces).
  static func history(_ entries: [String]) -> String {
    (["_HiStOrY_V2_"] + entries).joined(separator: "\n") + "\n"
  }

  @Test func twoShellsOnOneFileKeepEveryEntryInOrder() throws {
    let home = try Home()
    defer { home.remove() }
    let first = try prompts.prompt(home)
    let second = try prompts.prompt(home)
    try prompts.ask(first, "members", answer: "Tajikistan")
    try prompts.ask(second, "count members", answer: "6")
    try prompts.ask(first, "countries where visited by pelosi", answer: "Armenia")
    try prompts.ask(second, "members where criticized russia", answer: "Tajikistan")
    #expect(prompts.leave(first) == 0)
    #expect(prompts.leave(second) == 0)
    #expect(
      try prompts.historyEntries(home.history) == [
        "members", "count members", "countries where visited by pelosi",
        "members where criticized russia",
      ])
  }

  @Test func aLongHistoryIsTrimmedToItsLimitKeepingTheNewestAndSayingSoOnce() throws {
    let home = try Home()
    defer { home.remove() }
    let old = (0..<25).map { "entry\($0)" }
    try FileManager.default.createDirectory(
      atPath: home.folder + "/state", withIntermediateDirectories: true)
    try CstoBinary.write(Self.history(old), to: "state/history", in: home.folder)
    let terminal = try prompts.prompt(home, environment: ["CSTO_HISTORY_SIZE": "10"])
    try prompts.ask(terminal, "members", answer: "Tajikistan")
    try prompts.ask(terminal, "count members", answer: "6")
    #expect(prompts.leave(terminal) == 0)
    #expect(terminal.transcript.components(separatedBy: "it keeps the newest 10").count == 2)
    #expect(terminal.transcript.contains("had 26 entries"))
    #expect(
      try prompts.historyEntries(home.history) == old.suffix(9) + ["members", "count members"])
  }

  @Test func theDefaultLimitIsTenThousandEntries() throws {
    let home = try Home()
    defer { home.remove() }
    let old = (0..<12_000).map { "entry\($0)" }
    try FileManager.default.createDirectory(
      atPath: home.folder + "/state", withIntermediateDirectories: true)
    try CstoBinary.write(Self.history(old), to: "state/history", in: home.folder)
    let terminal = try prompts.prompt(home)
    try prompts.ask(terminal, "members", answer: "Tajikistan")
    #expect(prompts.leave(terminal) == 0)
    #expect(try prompts.historyEntries(home.history) == old.suffix(9_999) + ["members"])
  }

  @Test func aReadOnlyHistoryFileIsAWarningAndLeftAsItIs() throws {
    let home = try Home()
    defer { home.remove() }
    try FileManager.default.createDirectory(
      atPath: home.folder + "/state", withIntermediateDirectories: true)
    let path = try CstoBinary.write(
      Self.history(["members"]), to: "state/history", in: home.folder)
    chmod(path, 0o444)
    let terminal = try prompts.prompt(home)
    try prompts.ask(terminal, "count members", answer: "6")
    #expect(prompts.leave(terminal) == 0)
    #expect(terminal.transcript.contains("is read-only; it is left as it is"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.history(["members"]))
  }

  @Test func aDanglingLinkIsWrittenThroughAndKept() throws {
    let home = try Home()
    defer { home.remove() }
    let link = home.folder + "/history-link"
    let target = home.folder + "/history-target"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let terminal = try prompts.prompt(home, environment: ["CSTO_HISTORY": link])
    try prompts.ask(terminal, "count members", answer: "6")
    #expect(prompts.leave(terminal) == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try prompts.historyEntries(target) == ["count members"])
  }

  @Test func underLCALLCTheEditorStillReadsUTF8() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompts.prompt(home, environment: ["LANG": "C", "LC_ALL": "C"])
    try prompts.ask(terminal, "facts about \"pelosi’s visit\"", answer: "Pelosi’s trip")
    #expect(prompts.leave(terminal) == 0)
    #expect(try prompts.historyEntries(home.history) == ["facts about \"pelosi’s visit\""])
  }

  @Test(arguments: [SIGTERM, SIGHUP])
  func aHalfTypedQueryIsKeptInTheHistoryWhenKilled(signal: Int32) throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompts.prompt(home)
    terminal.type("members where (\r")
    try terminal.expect("...> ")
    try terminal.waitForLineEditor()
    terminal.type("criticized russia\r")
    try terminal.expect("...> ")
    try terminal.waitForLineEditor()
    kill(terminal.pid, signal)
    #expect(terminal.waitForSignal() == signal)
    #expect(try prompts.historyEntries(home.history) == ["members where (\ncriticized russia"])
  }
}
