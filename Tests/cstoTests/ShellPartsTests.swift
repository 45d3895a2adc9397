import ArticleQuery
import Foundation
import Testing

@testable import csto

/// The shell's pure parts: classifying input, finding dot-commands, reading `.expect`,
/// laying out completion candidates, choosing the history file.
@Suite struct ShellPartsTests {
  @Test(arguments: [
    ("", ShellInput.empty),
    ("   ", .empty),
    ("# a comment", .empty),
    ("  # indented comment", .empty),
    ("members", .query),
    ("  members where (", .query),
    (".help", .command(name: "help", arguments: "", argumentColumn: 6)),
    (".timer on", .command(name: "timer", arguments: "on", argumentColumn: 8)),
    ("  .read  my.csto ", .command(name: "read", arguments: "my.csto", argumentColumn: 10)),
  ])
  func inputIsClassifiedOnce(line: String, expected: ShellInput) {
    #expect(ShellInput.classify(line) == expected)
  }

  /// A query of many lines is lexed a line at a time, each line once: the work is the text's
  /// length, where lexing the whole text again at each new line would be its square.
  @Test(arguments: [10, 1_000, 20_000]) func eachLineOfAQueryIsLexedOnce(lines: Int) throws {
    var reader = StatementReader()
    let first = "members where (criticized russia"
    let middle = "  # one line of many"
    var total = 0
    for number in 1...lines + 2 {
      let line = number == 1 ? first : number == lines + 2 ? ")" : middle
      total += line.utf8.count
      if case .statement(let statement) = reader.read(line, number: number) {
        #expect(number == lines + 2, "the query ends at its closing parenthesis")
        #expect(statement.scannedBytes == total)
        #expect(statement.text.utf8.count == total + lines + 1)
        return
      }
    }
    Issue.record("the closing parenthesis did not end the query")
  }

  @Test func everyCommandHasAUsageThatStartsWithItsName() {
    let names = DotCommand.all.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(
      Set(names) == [
        "help", "schema", "names", "source", "coverage", "format", "evidence", "timer", "read",
        "expect", "graph", "quit", "pager", "output", "once", "last", "edit",
      ])
    for command in DotCommand.all {
      #expect(command.usage.hasPrefix("." + command.name))
      #expect(DotCommand.helpText.contains(command.usage))
    }
  }

  @Test(arguments: [
    ("h", "help"), ("help", "help"), ("sch", "schema"), ("so", "source"), ("q", "quit"),
    ("ti", "timer"), ("ev", "evidence"), ("exp", "expect"), ("FORMAT", "format"),
  ])
  func aUniquePrefixIsEnough(typed: String, name: String) {
    #expect(DotCommand.find(typed).command?.name == name)
  }

  @Test func anAmbiguousOrUnknownNameIsNotACommand() {
    guard case .ambiguous(let candidates) = DotCommand.find("s") else {
      Issue.record("'.s' should be ambiguous")
      return
    }
    #expect(candidates == ["schema", "source"])
    guard case .unknown(let suggestions) = DotCommand.find("fromat") else {
      Issue.record("'.fromat' should be unknown")
      return
    }
    #expect(suggestions == ["format"])
  }

  @Test(arguments: [
    ("Tajikistan", AnswerExpectation.names(["Tajikistan"])),
    ("Armenia, Kyrgyzstan ,Tajikistan", .names(["Armenia", "Kyrgyzstan", "Tajikistan"])),
    ("\"Regional Cooperation-2022\", \"a, b\"", .names(["Regional Cooperation-2022", "a, b"])),
    ("count 6", .count(6)),
    ("empty", .empty),
    ("error", .error),
  ])
  func expectationsAreRead(arguments: String, expected: AnswerExpectation) {
    #expect(AnswerExpectation.parse(arguments) == expected)
  }

  @Test(arguments: ["", "count", "count six", "count -1", "a,,b", "\"unclosed", "count 6 7"])
  func badExpectationsAreRefused(arguments: String) {
    #expect(AnswerExpectation.parse(arguments) == nil)
  }

  @Test func candidatesShareAPrefixWithoutCase() {
    #expect(CandidateList.commonPrefix(of: ["members", "member of", "Membership"]) == "member")
    #expect(CandidateList.commonPrefix(of: ["criticized", "cooperates with"]) == "c")
    #expect(CandidateList.commonPrefix(of: ["a", "b"]) == "")
  }

  @Test func candidatesAreListedDownColumns() {
    let listing = CandidateList.columns(["aa", "bb", "cc", "dd", "ee"], width: 12)
    #expect(listing == "aa  cc  ee\nbb  dd\n")
    #expect(CandidateList.columns(["one"], width: 2) == "one\n")
    let many = (1...30).map { "w" + ($0 < 10 ? "0" : "") + "\($0)" }
    let cut = CandidateList.columns(many, width: 25, rows: 3)
    #expect(
      cut
        == "w01  w03  w05  w07  w09\nw02  w04  w06  w08  w10\n… and 20 more: type a letter or two and Tab again\n"
    )
  }

  @Test func historyGoesWhereTheEnvironmentSays() {
    let home = ["HOME": "/home/u"]
    #expect(HistoryFile.location(environment: home)?.path == "/home/u/.local/state/csto/history")
    #expect(
      HistoryFile.location(environment: home.merging(["XDG_STATE_HOME": "/s"]) { $1 })?.path
        == "/s/csto/history")
    #expect(
      HistoryFile.location(environment: home.merging(["XDG_STATE_HOME": "relative"]) { $1 })?
        .path == "/home/u/.local/state/csto/history")
    #expect(
      HistoryFile.location(environment: home.merging(["CSTO_HISTORY": "/h"]) { $1 })?.path
        == "/h")
    #expect(HistoryFile.location(environment: home.merging(["CSTO_HISTORY": ""]) { $1 }) == nil)
    #expect(HistoryFile.location(environment: [:]) == nil)
  }

  @Test func initFileGoesWhereTheEnvironmentSays() {
    #expect(
      Invocation.initFile(environment: ["HOME": "/home/u"]) == "/home/u/.config/csto/init.csto")
    #expect(
      Invocation.initFile(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/c"])
        == "/c/csto/init.csto")
  }

  @Test func scriptLinesEndAtLineFeeds() {
    var lines = TextLines("one\r\ntwo\n\nfour\u{2028}still four")
    var read: [String] = []
    while let line = lines.nextLine() { read.append(line) }
    #expect(read == ["one", "two", "", "four\u{2028}still four"])
  }

  @Test(arguments: [
    (["members"], true),
    (["members where ("], false),
    (["members where (", "criticized russia"], false),
    (["members where (", "criticized russia)"], true),
    (["members where ((", "criticized russia) # )", ")"], true),
    (["members where (\"a (", "b\")"], true),
    (["members where \"(open", "criticized russia)"], false),
    (["members where \"(open", "criticized russia)\""], true),
    (["members where “(open", "criticized russia)”"], true),
    (["members where (", "criticized @"], true),
    (["members where )("], true),
    (["members where ( # (", ")"], true),
  ])
  func aStatementIsCompleteWhenItsParenthesesAndQuotesClose(lines: [String], complete: Bool) {
    var statement = PendingStatement(lines[0], firstLine: 3)
    for line in lines.dropFirst() { statement.append(line) }
    #expect(statement.isComplete == complete)
    #expect(statement.text == lines.joined(separator: "\n"))
    #expect(statement.firstLine == 3)
  }

  @Test(arguments: [
    ("x.svg", Graphviz.Format.svg), ("dir.v2/X.PNG", .png), ("a.b.pdf", .pdf), ("g.dot", .dot),
    ("g.gv", .dot),
  ])
  func aPicturesFormatIsItsExtension(path: String, format: Graphviz.Format) {
    #expect(Graphviz.format(of: path) == format)
  }

  @Test(arguments: ["x.jpg", "svg", ".svg", "dir.svg/x", "x."])
  func otherFileNamesHaveNoFormat(path: String) {
    #expect(Graphviz.format(of: path) == nil)
  }

  @Test func findingDotLooksInEveryFolderOfThePath() {
    #expect(Graphviz.findDot(searchPath: "/nonexistent::/usr/bin") == "/usr/bin/dot")
    #expect(Graphviz.findDot(searchPath: "/nonexistent") == nil)
    #expect(Graphviz.findDot(searchPath: nil) == nil)
  }

  @Test func aTableIsCutToItsLimit() {
    let entities = (0..<5).map { EntityResult(id: "e\($0)", name: "E\($0)", kind: "country") }
    let answer = Answer(query: "countries", body: .entities(entities))
    let cut = Shell.cut(answer, to: 3)
    #expect(cut?.0.names == ["E0", "E1", "E2"])
    #expect(cut?.left == 2)
    #expect(Shell.cut(answer, to: 5) == nil)
    #expect(Shell.cut(Answer(query: "count", body: .count(9)), to: 3) == nil)
  }

  @Test func tabAfterGraphCompletesAFileAndThenTheQuery() throws {
    let completer = ShellCompleter(engine: try QueryEngine())
    let query = completer.complete(
      before: ".graph members.svg countries where visited by pel", openStatement: nil)
    #expect(query?.candidates.contains { $0.lowercased().hasPrefix("pelosi") } == true)
    let format = completer.complete(before: ".format d", openStatement: nil)
    #expect(format?.candidates == ["dot"])
    #expect(completer.complete(before: ".graph /nonexistent-folder/x", openStatement: nil) == nil)
  }

  @Test func trimmingDropsSpacesAndLineBreaksOnly() {
    #expect("  a b \t\n".trimmed == "a b")
    #expect(" \n ".trimmed == "")
  }

  @Test func theStatementReaderHoldsAQueryOpenAcrossLines() throws {
    var reader = StatementReader()
    #expect(reader.read("members where (", number: 4).isNothing)
    #expect(reader.open?.firstLine == 4)
    #expect(reader.read("criticized russia", number: 5).isNothing)
    let statement = try #require(reader.read(")", number: 6).statement)
    #expect(statement.text == "members where (\ncriticized russia\n)")
    #expect(statement.firstLine == 4)
    #expect(reader.open == nil)
    let command = try #require(reader.read(" .timer on", number: 7).command)
    #expect(command.name == "timer")
    #expect(command.arguments == "on")
    #expect(command.text == " .timer on")
    #expect(command.line == 7)
    #expect(reader.read("# a comment", number: 8).isNothing)
    #expect(reader.open == nil)
    _ = reader.read("count (", number: 9)
    #expect(reader.takeOpen()?.text == "count (")
    #expect(reader.open == nil)
  }

  @Test func onlyExpectAcceptsAQueryError() {
    for command in DotCommand.all {
      let accepts = command.expectsFailure?("error") ?? false
      #expect(accepts == (command.name == "expect"), "\(command.name)")
    }
    #expect(DotCommand.expect.expectsFailure?("count 3") == false)
  }

  @Test func tabAfterReadOffersFoldersAndScriptsOnly() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    for name in ["a.csto", "b.svg", "c.txt"] {
      _ = try CstoBinary.write("", to: name, in: folder)
    }
    try FileManager.default.createDirectory(
      atPath: folder + "/sub", withIntermediateDirectories: false)
    let completer = ShellCompleter(engine: try QueryEngine())
    let offered = completer.complete(before: ".read \(folder)/", openStatement: nil)
    #expect(offered?.candidates == ["\(folder)/a.csto", "\(folder)/sub/"])
    let graph = completer.complete(before: ".graph \(folder)/", openStatement: nil)
    #expect(graph?.candidates.contains("\(folder)/b.svg") == true)
  }
}

extension StatementReader.Item {
  var isNothing: Bool {
    if case .nothing = self { return true }
    return false
  }

  var statement: PendingStatement? {
    if case .statement(let statement) = self { return statement }
    return nil
  }

  var command: (name: String, arguments: String, text: String, line: Int)? {
    if case .command(let name, let arguments, _, let text, let line) = self {
      return (name, arguments, text, line)
    }
    return nil
  }
}
