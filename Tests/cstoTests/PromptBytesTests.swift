import Foundation
import Testing

@testable import csto

/// Bytes at the prompt that a line cannot simply hold: bytes that are not UTF-8, refused
/// rather than dropped (which ran another query), under a UTF-8 locale and under `LC_ALL=C`;
/// and a NUL byte, which libedit's history would cut an entry at (issue 15).
@Suite struct PromptBytesTests {
  typealias Home = PromptTests.Home
  let prompts = PromptTests()

  @Test(
    arguments: [
      ("count members", nil),
      ("count mem\u{FFFD}bers", 10),
      ("\u{FFFD}", 1),
      ("facts about \"pelosi’s \u{FFFD}\"", 23),
      ("é\u{FFFD}", 2),
    ] as [(String, Int?)])
  func aLineWithBytesThatAreNotUTF8IsFound(line: String, column: Int?) {
    #expect(ShellInput.undecodableColumn(in: line) == column)
  }

  @Test func aNULIsReplacedVisiblyAndSaid() {
    #expect(HistoryFile.storable("count members") == ("count members", false))
    #expect(
      HistoryFile.storable("count\u{0}members\u{0}") == ("count\u{2400}members\u{2400}", true))
  }

  /// `count mem` + a byte that is not UTF-8 + `bers`: libedit alone dropped the byte and ran
  /// `count members`. A lone continuation byte, an invalid lead byte, a sequence cut short by
  /// an ASCII letter, and an overlong encoding each are refused.
  @Test(arguments: [[0x80], [0xFF], [0xC3], [0xC0, 0xAF], [0xE2, 0x80]] as [[UInt8]])
  func bytesThatAreNotUTF8AreRefusedNotDropped(bad: [UInt8]) throws {
    for locale in [["LANG": "C.UTF-8"], ["LANG": "C", "LC_ALL": "C"]] {
      let home = try Home()
      defer { home.remove() }
      let terminal = try prompts.prompt(home, environment: locale)
      terminal.type(bytes: Array("count mem".utf8) + bad + Array("bers\r".utf8))
      try terminal.expect(
        "error: the line has bytes that are not UTF-8 (shown as \u{FFFD} at column 10); it was not run"
      )
      try terminal.expect("csto> ")
      try terminal.waitForLineEditor()
      try prompts.ask(terminal, "count members where criticized russia", answer: "1")
      #expect(prompts.leave(terminal) == 0)
      let entries = try prompts.historyEntries(home.history)
      #expect(entries.first?.hasPrefix("count mem\u{FFFD}") == true, "\(entries)")
      #expect(!terminal.transcript.contains("\n6\r\n"), "count members ran: \(locale)")
    }
  }

  /// The keys of `Tests/Reproductions/not-utf8-line.keys` (the reproduction): the
  /// line is refused, and `count members` does not run.
  @Test func theReproductionLineIsRefused() throws {
    let keys = try Data(
      contentsOf: URL(fileURLWithPath: ReproductionTests.folder + "/not-utf8-line.keys"))
    let home = try Home()
    defer { home.remove() }
    let terminal = try prompts.prompt(home)
    terminal.type(bytes: Array(keys))
    try terminal.expect("error: the line has bytes that are not UTF-8")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    #expect(prompts.leave(terminal) == 0)
    #expect(!terminal.transcript.contains("\n6\r\n"))
  }

  /// An editor that saves `Tests/Reproductions/nul-query.txt`, a query with a NUL byte.
  @Test func aNULInAnEntryComesBackAsASymbolAndTheUserIsTold() throws {
    let home = try Home()
    defer { home.remove() }
    let editor = try EditorAndPagerTests().script(
      "nul-editor.sh", "cp '\(ReproductionTests.folder)/nul-query.txt' \"$1\"\n", in: home)
    let first = try prompts.prompt(home, environment: ["VISUAL": editor])
    first.type(".edit\r")
    try first.expect("the history cannot hold a NUL byte")
    try first.expect("csto> ")
    try first.waitForLineEditor()
    #expect(prompts.leave(first) == 0)
    let entry = "count members where criticized \u{2400}russia"
    #expect(try prompts.historyEntries(home.history) == [".edit", entry])
    let second = try prompts.prompt(home)
    second.type(PromptTests.up)
    try second.expect("\u{2400}russia")
    second.type(PromptTests.ctrlC)
    try second.expect("csto> ")
    // Ctrl-D only once the line editor reads again, as after the first session's prompt.
    try second.waitForLineEditor()
    #expect(prompts.leave(second) == 0)
  }
}
