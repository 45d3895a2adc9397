import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `csto test`, run as CI runs it: a line per script and the totals, exit codes, TAP read back
/// by a TAP reader, JUnit XML read back by a real XML parser.
@Suite struct TestCommandTests {
  /// Three scripts: one whose checks all hold, one with a failing check, an error outside a
  /// check and `.expect error` answering an error, and one with no check at all.
  static let scripts = [
    "a-passes.csto": "count members\n.expect count 6\nmembers where criticized russia\n"
      + ".expect Tajikistan\n",
    "b-fails.csto": "# a comment\ncount members\n.expect count 7\nnonsense here\n"
      + "members where\n.expect error\ncount members\n.expect count 6\n",
    "c-unchecked.csto": "members\n",
  ]

  /// A folder holding `scripts` (or the ones given), for one test.
  static func folder(_ scripts: [String: String] = scripts) throws -> String {
    let folder = try CstoBinary.temporaryFolder()
    for (name, text) in scripts { try CstoBinary.write(text, to: name, in: folder) }
    return folder
  }

  @Test func theProjectsOwnExamplesPass() throws {
    let run = try CstoBinary.run(["test", ExampleScriptTests.folder])
    #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
    let lines = run.outputLines
    #expect(lines.count == ExampleScriptTests.scripts.count + 1)
    for (line, name) in zip(lines, ExampleScriptTests.scripts) {
      #expect(line.hasPrefix("ok "), "\(line)")
      #expect(line.contains(name), "\(line)")
    }
    let last = try #require(lines.last)
    #expect(last.hasSuffix(" passed, 0 failed"))
    let passed = try #require(Int(last.prefix { $0.isNumber }))
    #expect(passed >= ExampleScriptTests.scripts.count)
  }

  @Test func aFolderRunsItsScriptsInNameOrderAndSaysWhatFailed() throws {
    let folder = try Self.folder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write("not a script", to: "notes.txt", in: folder)
    let run = try CstoBinary.run(["test", "."], in: folder)
    #expect(run.status == 1)
    #expect(
      run.outputLines == [
        "ok    ./a-passes.csto (2 checks)",
        "FAIL  ./b-fails.csto:3: expected count 7, got 6 (and 1 more)",
        "no checks  ./c-unchecked.csto",
        "4 passed, 2 failed, 1 script with no checks",
      ])
  }

  @Test func theExitStatusIsZeroOnlyWhenNoCheckFails() throws {
    let folder = try Self.folder()
    defer { CstoBinary.remove(folder) }
    #expect(try CstoBinary.run(["test", "a-passes.csto"], in: folder).status == 0)
    #expect(try CstoBinary.run(["test", "a-passes.csto", "b-fails.csto"], in: folder).status == 1)
    let unchecked = try CstoBinary.run(["test", "c-unchecked.csto"], in: folder)
    #expect(unchecked.status == 0)
    #expect(unchecked.outputLines.last == "0 passed, 0 failed, 1 script with no checks")
    let missing = try CstoBinary.run(["test", "missing.csto"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.standardError.contains("missing.csto"))
    #expect(try CstoBinary.run(["test"], in: folder).status == 2)
  }

  @Test func junitIsValidXMLWithTheSchemasRequiredElements() throws {
    let folder = try Self.folder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["test", ".", "--junit", "results.xml"], in: folder)
    #expect(run.status == 1)
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/results.xml"))
    let reader = JUnitReader()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    #expect(parser.parse(), "\(String(describing: parser.parserError))")

    let root = try #require(reader.elements.first)
    #expect(root.name == "testsuites")
    #expect(root.attributes["tests"] == "7")
    #expect(root.attributes["failures"] == "2")
    let suites = reader.elements.filter { $0.name == "testsuite" }
    #expect(
      suites.map { $0.attributes["name"] } == [
        "./a-passes.csto", "./b-fails.csto", "./c-unchecked.csto",
      ])
    for suite in suites {
      for attribute in ["name", "tests", "failures"] {
        #expect(suite.attributes[attribute] != nil, "testsuite lacks \(attribute)")
      }
      #expect(suite.parent == 0)
    }
    let cases = reader.elements.enumerated().filter { $0.element.name == "testcase" }
    #expect(cases.count == 7)
    for (_, testCase) in cases {
      #expect(testCase.attributes["name"] != nil)
      #expect(reader.elements[testCase.parent ?? 0].name == "testsuite")
    }
    let failures = reader.elements.filter { $0.name == "failure" }
    #expect(failures.count == 2)
    #expect(failures.allSatisfy { reader.elements[$0.parent ?? 0].name == "testcase" })
    #expect(failures.first?.attributes["message"] == "expected count 7, got 6")
    let failed = failures.compactMap { reader.elements[$0.parent ?? 0].attributes["name"] }
    #expect(failed == ["./b-fails.csto:3", "./b-fails.csto:4"])
    #expect(reader.elements.filter { $0.name == "skipped" }.count == 1)
  }

  @Test func tapIsReadBackPointByPoint() throws {
    let folder = try Self.folder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["test", "--tap", "."], in: folder)
    #expect(run.status == 1)
    let tap = try TAPReader(run.standardOutput)
    #expect(tap.version == 14)
    #expect(tap.plan == 7)
    #expect(tap.points.map(\.number) == Array(1...7))
    #expect(
      tap.points.filter { !$0.ok }.map(\.description) == ["./b-fails.csto:3", "./b-fails.csto:4"])
    #expect(tap.points.filter(\.skipped).map(\.description) == ["./c-unchecked.csto"])
    let failure = try #require(tap.points.first { !$0.ok })
    #expect(failure.yaml["message"] == "expected count 7, got 6")
    #expect(failure.yaml["at"] == "./b-fails.csto:3")
  }

  @Test func anUnwritableJUnitFileIsAnErrorThatLeavesTheOldOne() throws {
    let folder = try Self.folder()
    defer { CstoBinary.remove(folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/report.xml", withIntermediateDirectories: false)
    let run = try CstoBinary.run(["test", "a-passes.csto", "--junit", "report.xml"], in: folder)
    #expect(run.status == 2)
    #expect(run.standardError.contains("report.xml"))
  }
}

/// The elements of an XML document in document order, each with its attributes and the index
/// of its parent.
final class JUnitReader: NSObject, XMLParserDelegate {
  struct Element {
    let name: String
    let attributes: [String: String]
    let parent: Int?
  }

  private(set) var elements: [Element] = []
  private var open: [Int] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String]
  ) {
    elements.append(Element(name: name, attributes: attributes, parent: open.last))
    open.append(elements.count - 1)
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    open.removeLast()
  }
}

/// A reader of TAP 13/14 as harnesses read it: the version line, test points, their YAML
/// blocks (flat `key: "value"` lines), the plan, comments.
struct TAPReader {
  struct Point {
    let ok: Bool
    let number: Int
    let description: String
    let skipped: Bool
    var yaml: [String: String] = [:]
  }

  struct Malformed: Error, CustomStringConvertible {
    let line: String
    var description: String { "not TAP: \(line)" }
  }

  var version = 0
  var plan: Int?
  var points: [Point] = []

  init(_ text: String) throws {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    guard let first = lines.first, first.hasPrefix("TAP version "),
      let version = Int(first.dropFirst("TAP version ".count))
    else { throw Malformed(line: lines.first ?? "") }
    self.version = version
    var index = 1
    while index < lines.count {
      let line = lines[index]
      index += 1
      if line.hasPrefix("#") { continue }
      if line.hasPrefix("1..") {
        guard plan == nil, let count = Int(line.dropFirst(3)) else { throw Malformed(line: line) }
        plan = count
        continue
      }
      let ok = line.hasPrefix("ok ")
      guard ok || line.hasPrefix("not ok ") else { throw Malformed(line: line) }
      let rest = line.dropFirst(ok ? 3 : 7)
      guard let number = Int(rest.prefix { $0.isNumber }) else { throw Malformed(line: line) }
      var description = String(rest.drop { $0.isNumber })
      if description.hasPrefix(" - ") { description.removeFirst(3) }
      let skipped = description.hasSuffix(" # SKIP no checks")
      if skipped { description.removeLast(" # SKIP no checks".count) }
      var point = Point(ok: ok, number: number, description: description, skipped: skipped)
      if index < lines.count, lines[index] == "  ---" {
        index += 1
        while index < lines.count, lines[index] != "  ..." {
          let entry = lines[index].dropFirst(2)
          guard let colon = entry.firstIndex(of: ":") else { throw Malformed(line: lines[index]) }
          let value = entry[entry.index(colon, offsetBy: 2)...]
          let decoded = try JSONSerialization.jsonObject(
            with: Data(value.utf8), options: .fragmentsAllowed)
          point.yaml[String(entry[..<colon])] = decoded as? String
          index += 1
        }
        guard index < lines.count else { throw Malformed(line: "unclosed YAML block") }
        index += 1
      }
      points.append(point)
    }
  }
}
