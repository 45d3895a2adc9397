import Testing

@testable import csto

/// The plain reading of common command lines against swift-argument-parser's: where the plain
/// reading answers, it reads what swift-argument-parser reads; everything else it leaves to
/// swift-argument-parser, whose help, messages and exit statuses `CommandLineTests` pin.
@Suite struct PlainArgumentsTests {
  static let common: [[String]] = [
    [],
    ["-c", "members"],
    ["-c", "members", "-c", "count members"],
    ["--format", "json", "-c", "members"],
    ["--format", "JSON", "-c", "members"],
    ["-c", "members", "--format", "csv"],
    ["--model", "big.model", "-c", "count members"],
    ["--model", "big.model", "--no-cache", "-c", "count members"],
    ["--keep-going", "a.csto", "b.csto"],
    ["--no-init"],
    ["script.csto"],
    ["script.csto", "-c", "members"],
    ["-c", "members where criticized russia", "--keep-going", "--no-init", "x.csto"],
  ]

  @Test(arguments: common)
  func readsWhatTheArgumentParserReads(_ arguments: [String]) throws {
    let plain = try #require(PlainArguments(arguments), "the common line is read plainly")
    let parsed = try Csto.parse(arguments).plainArguments
    #expect(plain == parsed)
  }

  static let leftToTheParser: [[String]] = [
    ["--help"], ["-h"], ["--version"], ["help"], ["-c"], ["-c", "--format"],
    ["--format", "xml", "-c", "members"], ["--format=json", "-c", "members"],
    ["--format", "json", "--format", "csv"], ["--model"], ["--frobnicate"], ["-"],
    ["--", "file.csto"], ["--generate-completion-script", "bash"], ["-cmembers"],
    ["--keep-going", "--keep-going"],
  ]

  /// `csto --version` alone prints `Csto.version` without the parser (`Csto.main`): what the
  /// parser prints for it.
  @Test func theVersionIsWhatTheParserPrints() {
    #expect(throws: (any Error).self) { try Csto.parse(["--version"]) }
    do {
      _ = try Csto.parse(["--version"])
    } catch {
      #expect(Csto.fullMessage(for: error) == Csto.version)
    }
  }

  @Test(arguments: leftToTheParser)
  func leavesTheRestToTheArgumentParser(_ arguments: [String]) {
    #expect(PlainArguments(arguments) == nil)
  }
}
