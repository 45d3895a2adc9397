import Foundation
import Testing

/// ^C during a long evaluation, through a pseudo-terminal: it stops the query, not the shell.
/// The model is made up for the test, large enough that the query below runs far longer than
/// the test waits (about 18 s in a debug build when not stopped). ^C goes out once the program
/// has spent a quarter of a second of processor time on the query, read from `/proc`, so it
/// is known to be evaluating, not parsing or waiting; a query that ended by itself before that
/// fails the test, and "interrupted" can only show if the evaluation was stopped.
@Suite struct InterruptTests {
  /// A folder holding `big.model` (300 entities, 30,000 facts) and a slow script.
  struct LargeModel {
    let folder: String
    var model: String { folder + "/big.model" }
    var environment: [String: String] {
      [
        "PATH": "/usr/bin:/bin", "HOME": folder, "TERM": "xterm", "LANG": "C.UTF-8",
        "NO_COLOR": "1", "CSTO_HISTORY": "", "XDG_CONFIG_HOME": folder + "/config",
      ]
    }

    init() throws {
      folder = try CstoBinary.temporaryFolder()
      try CstoBinary.write(
        SyntheticModel.text(entities: 300, facts: 30_000), to: "big.model", in: folder)
      try CstoBinary.write(
        "count countries\n" + SyntheticModel.slowQuery(parts: 200) + "\ncount countries\n",
        to: "slow.csto", in: folder)
    }

    func remove() {
      CstoBinary.remove(folder)
    }
  }

  @Test func ctrlCStopsAQueryAtThePromptAndTheShellGoesOn() throws {
    let large = try LargeModel()
    defer { large.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init", "--model", large.model],
      environment: large.environment, in: large.folder)
    try terminal.expect("30000 facts")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()

    terminal.type(SyntheticModel.slowQuery(parts: 40) + "\r")
    try terminal.waitForWork()
    try terminal.waitForComputing(.milliseconds(250), failingIf: "(count)")
    terminal.type(PromptTests.ctrlC)
    try terminal.expect("\ninterrupted\n")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    terminal.type("count countries\r")
    try terminal.expect("300\n(count)")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()

    terminal.type(".read slow.csto\r")
    try terminal.expect("(count)")
    try terminal.waitForComputing(.milliseconds(250), failingIf: "(count)")
    terminal.type(PromptTests.ctrlC)
    try terminal.expect("slow.csto:2: error: interrupted\n")
    try terminal.expect("csto> ")
    #expect(!terminal.unmatched.contains("(count)"), "the script stopped at the ^C")
    try terminal.waitForLineEditor()
    terminal.type("count countries where liked e1\r")
    try terminal.expect("(count)")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    terminal.type(PromptTests.ctrlD)
    #expect(terminal.waitForExit() == 0)
  }

  @Test func ctrlCStopsAScriptWithStatusOne() throws {
    let large = try LargeModel()
    defer { large.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--model", large.model, "slow.csto"],
      environment: large.environment, in: large.folder)
    try terminal.expect("(count)")
    try terminal.waitForComputing(.milliseconds(250), failingIf: "(count)")
    terminal.type(PromptTests.ctrlC)
    try terminal.expect("slow.csto:2: error: interrupted\n")
    #expect(terminal.waitForExit() == 1)
    #expect(terminal.transcript.components(separatedBy: "(count)").count == 2)
  }
}
