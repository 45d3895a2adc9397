import Foundation
import Testing

/// Every saved script in `Examples/` is a test: each query is followed by `.expect`, and
/// the script runs with status 0 and nothing on standard error.
@Suite struct ExampleScriptTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples").path

  static let scripts: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".csto") }.sorted()

  @Test func thereAreAtLeastEightExamples() {
    #expect(Self.scripts.count >= 8)
  }

  @Test(arguments: scripts)
  func exampleRunsAndMeetsItsExpectations(_ name: String) throws {
    let run = try CstoBinary.run([name], in: Self.folder)
    #expect(run.status == 0)
    #expect(run.standardError.isEmpty, "\(run.standardError)")
  }

  @Test(arguments: scripts)
  func everyQueryInAnExampleIsChecked(_ name: String) throws {
    let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    for (index, line) in lines.enumerated() where !line.hasPrefix(".") {
      let next = index + 1 < lines.count ? lines[index + 1] : ""
      #expect(next.hasPrefix(".expect"), "\(name): '\(line)' is not followed by .expect")
    }
  }
}
