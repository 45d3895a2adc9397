import Foundation
import Testing

/// The prompt's tools, driven through a pseudo-terminal: ^R searching the history, `.edit` and
/// ^X^E through an editor script that records what it was given and rewrites the file, and the
/// pager through a script that records what it was sent.
@Suite struct EditorAndPagerTests {
  typealias Home = PromptTests.Home
  static let ctrlR = "\u{12}"
  static let ctrlXCtrlE = "\u{18}\u{05}"

  /// Writes an executable shell script `name` into the home folder; gives back its path.
  func script(_ name: String, _ body: String, in home: Home) throws -> String {
    let path = try CstoBinary.write("#!/bin/sh\n" + body, to: name, in: home.folder)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  /// An editor that keeps a copy of the file it was given in `seen`, then writes `text` into
  /// it and exits with `status`.
  func editor(writing text: String, status: Int = 0, in home: Home) throws -> String {
    try script(
      "editor.sh",
      "cp \"$1\" \"\(home.folder)/seen\"\nprintf '%s\\n' '\(text)' > \"$1\"\nexit \(status)\n",
      in: home)
  }

  func seen(_ home: Home) throws -> String {
    try String(contentsOfFile: home.folder + "/seen", encoding: .utf8)
  }

  @Test func ctrlRFindsAnEarlierQueryAsOneTypes() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try PromptTests().prompt(home)
    try PromptTests().ask(terminal, "countries where visited by pelosi", answer: "Armenia")
    try PromptTests().ask(terminal, "count members", answer: "6")
    terminal.type(Self.ctrlR)
    terminal.type("visi")
    try terminal.expect("countries where visited by pelosi")
    try PromptTests().ask(terminal, "", answer: "Armenia")
    #expect(PromptTests().leave(terminal) == 0)
    #expect(
      try PromptTests().historyEntries(home.history) == [
        "countries where visited by pelosi", "count members", "countries where visited by pelosi",
      ])
  }

  @Test func editOpensThePreviousQueryAndRunsWhatIsSavedAsOneEntry() throws {
    let home = try Home()
    defer { home.remove() }
    let editor = try editor(writing: "members where\ncriticized russia", in: home)
    let terminal = try PromptTests().prompt(home, environment: ["VISUAL": editor])
    try PromptTests().ask(terminal, "count members", answer: "6")
    try PromptTests().ask(terminal, ".edit", answer: "Tajikistan")
    #expect(try seen(home) == "count members\n")
    #expect(PromptTests().leave(terminal) == 0)
    #expect(
      try PromptTests().historyEntries(home.history) == [
        "count members", ".edit", "members where\ncriticized russia",
      ])
  }

  @Test func ctrlXCtrlEOpensTheLineBeingTyped() throws {
    let home = try Home()
    defer { home.remove() }
    let editor = try editor(writing: "count countries", in: home)
    let terminal = try PromptTests().prompt(
      home, environment: ["EDITOR": editor, "VISUAL": ""])
    terminal.type("count mem" + Self.ctrlXCtrlE)
    try terminal.expect("11")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    #expect(try seen(home) == "count mem\n")
    #expect(PromptTests().leave(terminal) == 0)
    #expect(try PromptTests().historyEntries(home.history) == ["count countries"])
  }

  @Test func anEditorThatFailsRunsNothing() throws {
    let home = try Home()
    defer { home.remove() }
    let editor = try editor(writing: "count countries", status: 3, in: home)
    let terminal = try PromptTests().prompt(home, environment: ["VISUAL": editor])
    try PromptTests().ask(terminal, "count members", answer: "6")
    try PromptTests().ask(terminal, ".edit", answer: "exited with status 3; nothing run")
    // One answer only: the one before `.edit`.
    #expect(terminal.transcript.components(separatedBy: "(count)").count == 2)
    #expect(PromptTests().leave(terminal) == 0)
    #expect(try PromptTests().historyEntries(home.history) == ["count members", ".edit"])
  }

  @Test func editInAScriptIsAnError() throws {
    let run = try CstoBinary.run(["-c", "count members", "-c", ".edit"])
    #expect(run.status == 1)
    #expect(run.standardError.contains(".edit works at the prompt only"))
  }

  @Test func aTallAnswerGoesThroughThePagerAndAShortOneDoesNot() throws {
    let home = try Home()
    defer { home.remove() }
    let paged = home.folder + "/paged"
    let pager = try script("pager.sh", "cat >> \"\(paged)\"\n", in: home)
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"],
      environment: home.environment.merging(["CSTO_PAGER": pager, "PAGER": "false"]) { $1 },
      rows: 12)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try PromptTests().ask(terminal, "count members", answer: "6")
    #expect(!FileManager.default.fileExists(atPath: paged))
    terminal.type(".schema\r")
    // The schema reaches the pager and not the screen. (Waiting for the terminal to leave
    // the line editor's mode missed it: the schema and the pager take less time than a poll.)
    try Self.wait(for: paged, toContain: "relations:")
    #expect(!terminal.transcript.contains("relations:"))
    // Typed now, read once the pager has ended.
    terminal.type(".pager off\r")
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try PromptTests().ask(terminal, ".schema", answer: "relations:")
    let text = try String(contentsOfFile: paged, encoding: .utf8)
    #expect(text.hasPrefix("kinds (each also a set):"))
    // Paged once: the second `.schema`, with the pager off, went to the screen.
    #expect(text.components(separatedBy: "relations:").count == 2)
    #expect(PromptTests().leave(terminal) == 0)
  }

  @Test func aPagerThatFailsFallsBackToPlainOutput() throws {
    let home = try Home()
    defer { home.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"],
      environment: home.environment.merging(["CSTO_PAGER": "exit 1"]) { $1 }, rows: 12)
    try terminal.expect("csto> ")
    try terminal.waitForLineEditor()
    try PromptTests().ask(terminal, ".schema", answer: "relations:")
    #expect(PromptTests().leave(terminal) == 0)
  }

  @Test func thereIsNoPagerOffATerminal() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(
      ["-c", ".schema"], in: folder,
      environment: ["CSTO_PAGER": "cat > \(folder)/paged", "LINES": "5"])
    #expect(run.status == 0)
    #expect(run.standardOutput.contains("relations:"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/paged"))
  }
}

extension EditorAndPagerTests {
  /// Waits until the file at `path` holds `text`.
  static func wait(
    for path: String, toContain text: String, timeout: Duration = .seconds(20)
  ) throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let content = try? String(contentsOfFile: path, encoding: .utf8), content.contains(text) {
        return
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    Issue.record("\(path) never held \(text)")
    throw CancellationError()
  }
}
