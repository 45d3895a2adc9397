import Foundation
import Testing

@testable import csto

/// libedit is opened at the prompt, not linked: a run without a prompt never loads it, and a
/// prompt without it says so and reads plain lines.
@Suite struct LibEditTests {
  #if os(Linux)
    @Test(.enabled(if: FoundationEssentialsTests.hasLDD))
    func theBuiltBinaryDoesNotLinkLibedit() throws {
      let libraries = try FoundationEssentialsTests.linkedLibraries()
      let editing = libraries.filter {
        ["libedit", "libtinfo", "libbsd", "libmd."].contains(where: $0.hasPrefix)
      }
      #expect(editing.isEmpty, "csto loads \(editing) at start")
    }

    @Test func theSystemsLibeditLoadsAfterANameThatDoesNot() throws {
      let loaded = LibEdit.load(candidates: ["/nonexistent/libedit.so.2", "libedit.so.2"])
      let libedit = try loaded.get()
      #expect(libedit.functions.pointee.el_init != nil)
      #expect(libedit.functions.pointee.history != nil)
    }

    @Test func aLibraryWithoutLibeditsFunctionsIsNamedWithWhatItLacks() {
      guard case .failure(let error) = LibEdit.load(candidates: ["libm.so.6"]) else {
        Issue.record("libm loaded as libedit")
        return
      }
      #expect(error.description.hasPrefix("libm.so.6 has no el_init, el_end, el_gets"))
      #expect(error.description.hasSuffix("history_end, history"))
    }
  #endif

  @Test func everyNameTriedIsInTheError() {
    guard case .failure(let error) = LibEdit.load(candidates: ["/nonexistent/a.so", "/no/b.so"])
    else {
      Issue.record("a missing library loaded")
      return
    }
    #expect(error.description.contains("/nonexistent/a.so"))
    #expect(error.description.contains("/no/b.so"))
  }

  @Test func theEnvironmentCanNameTheLibrary() {
    #expect(LibEdit.candidates(environment: ["CSTO_LIBEDIT": "/opt/x.so"]) == ["/opt/x.so"])
    #expect(LibEdit.candidates(environment: ["CSTO_LIBEDIT": ""]).count > 1)
  }

  /// Without libedit, the prompt says why once, then reads lines as the terminal edits them:
  /// queries answer, ^C throws away the line (or an open query) and shows the prompt again,
  /// Ctrl-D ends the session.
  @Test func withoutLibeditThePromptReadsPlainLines() throws {
    let home = try PromptTests.Home()
    defer { home.remove() }
    let terminal = try PseudoTerminal(
      executable: CstoBinary.path, arguments: ["--no-init"],
      environment: home.environment.merging(["CSTO_LIBEDIT": "/nonexistent/libedit.so"]) { $1 })
    try terminal.expect(
      "csto: cannot load libedit (/nonexistent/libedit.so: cannot open shared object file")
    try terminal.expect("reading plain lines, without history or Tab completion")
    try terminal.expect("csto> ")
    terminal.type("count members\r")
    try terminal.expect("6")
    try terminal.expect("csto> ")
    terminal.type("count mem\u{3}")
    // The prompt comes back at once, on a line of its own, as libedit's does.
    try terminal.expect("csto> ")
    terminal.type("count countries\r")
    try terminal.expect("11")
    try terminal.expect("csto> ")
    // A query left open over lines is dropped by ^C, not run with the next line.
    terminal.type("count (members\r")
    try terminal.expect("...> ")
    terminal.type("\u{3}")
    try terminal.expect("csto> ")
    terminal.type("count members\r")
    try terminal.expect("6")
    try terminal.expect("csto> ")
    #expect(!terminal.transcript.contains("interrupted"), "\(terminal.transcript)")
    #expect(!terminal.transcript.contains("error"), "\(terminal.transcript)")
    terminal.type(PromptTests.ctrlD)
    #expect(terminal.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: home.history))
  }
}
