import Foundation
import Testing

/// `--model` through the compiled-model cache, `--no-cache` and `csto compile`, run as a user
/// runs them: every run answers from what the model file holds.
@Suite struct ModelCacheTests {
  static let entities = 2_000
  static let model = SyntheticModel.text(entities: entities, facts: 20_000)
  static let count = ["--format", "json", "-c", "count countries"]

  static func snapshots(in folder: String) -> [String] {
    let cache = folder + "/.cache/csto"
    return ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).sorted()
  }

  static func countAnswered(_ run: CstoBinary.Run) throws -> Int? {
    try run.jsonObjects().first?["count"] as? Int
  }

  @Test func aModelIsCheckedOnceAndThenReadFromItsSnapshot() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(Self.model, to: "big.model", in: folder)
    let first = try CstoBinary.run(["--model", "big.model"] + Self.count, in: folder)
    #expect(first.status == 0, "\(first.standardError)")
    #expect(try Self.countAnswered(first) == Self.entities)
    let files = Self.snapshots(in: folder)
    #expect(files.count == 1 && files[0].hasSuffix(".snapshot"), "\(files)")
    let second = try CstoBinary.run(["--model", "big.model"] + Self.count, in: folder)
    #expect(second.standardOutput == first.standardOutput)
    #expect(Self.snapshots(in: folder) == files)
  }

  @Test func noCacheWritesNone() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(Self.model, to: "big.model", in: folder)
    let run = try CstoBinary.run(["--no-cache", "--model", "big.model"] + Self.count, in: folder)
    #expect(run.status == 0)
    #expect(try Self.countAnswered(run) == Self.entities)
    #expect(Self.snapshots(in: folder).isEmpty)
  }

  @Test func twoProcessesCompilingAtOnceBothAnswerAndLeaveOneSnapshot() async throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(Self.model, to: "big.model", in: folder)
    let arguments = ["--model", "big.model"] + Self.count
    async let one = Task.detached { try CstoBinary.run(arguments, in: folder) }.value
    async let other = Task.detached { try CstoBinary.run(arguments, in: folder) }.value
    for run in try await [one, other] {
      #expect(run.status == 0, "\(run.standardError)")
      #expect(try Self.countAnswered(run) == Self.entities)
    }
    let files = Self.snapshots(in: folder)
    #expect(files.count == 1 && files[0].hasSuffix(".snapshot"), "no temporary file left: \(files)")
    let third = try CstoBinary.run(arguments, in: folder)
    #expect(try Self.countAnswered(third) == Self.entities)
  }

  @Test func aCompiledModelAnswersAndADamagedOneIsRefused() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    try CstoBinary.write(Self.model, to: "big.model", in: folder)
    let compile = try CstoBinary.run(["compile", "big.model", "-o", "big.snapshot"], in: folder)
    #expect(compile.status == 0, "\(compile.standardError)")
    let run = try CstoBinary.run(["--model", "big.snapshot"] + Self.count, in: folder)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(try Self.countAnswered(run) == Self.entities)

    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/big.snapshot"))
    try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: folder + "/cut.snapshot"))
    let cut = try CstoBinary.run(["--model", "cut.snapshot"] + Self.count, in: folder)
    #expect(cut.status == 2)
    #expect(cut.standardOutput.isEmpty)
    #expect(cut.standardError.contains("cut.snapshot"), "\(cut.standardError)")
    #expect(cut.standardError.contains("truncated"), "\(cut.standardError)")
  }
}
