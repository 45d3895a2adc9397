import Foundation
import Testing

/// `.expect yes`, `.expect no` and `.expect not stated` in scripts and `csto test`: a
/// verdict that differs, or an answer that is no verdict, is an error at that line.
@Suite struct VerdictScriptTests {
  static let passing = """
    # ¶5 "it was Kyrgyzstan that canceled its participation"
    did kyrgyzstan cancel unbreakable brotherhood
    .expect yes
    # ¶6 "the United States has never promised military assistance to Armenia"
    did the us promise military assistance to armenia
    .expect no
    is iran a member of the csto
    .expect not stated
    where did rakhmon criticize russia
    .expect Tashkent SCO summit

    """

  @Test func verdictsAreCheckedInAScript() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    _ = try CstoBinary.write(Self.passing, to: "verdicts.csto", in: folder)
    let run = try CstoBinary.run(["verdicts.csto"], in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.isEmpty)
    #expect(run.standardOutput.contains("yes — Kyrgyzstan refused Unbreakable Brotherhood"))
    let tested = try CstoBinary.run(["test", "verdicts.csto"], in: folder)
    #expect(tested.outputLines.first == "ok    verdicts.csto (4 checks)")
  }

  @Test(arguments: [
    ("did kyrgyzstan cancel unbreakable brotherhood\n.expect no\n", "expected no, got yes"),
    ("is turkey a member of the csto\n.expect yes\n", "expected yes, got not stated"),
    (
      "members\n.expect not stated\n",
      "expected not stated, but the answer is not a verdict (entities)"
    ),
  ])
  func aWrongVerdictIsAnErrorAtItsLine(script: String, message: String) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    _ = try CstoBinary.write(script, to: "wrong.csto", in: folder)
    let run = try CstoBinary.run(["wrong.csto"], in: folder)
    #expect(run.status == 1)
    #expect(run.standardError.hasPrefix("wrong.csto:2:"), "\(run.standardError)")
    #expect(run.standardError.contains(message), "\(run.standardError)")
  }
}
