import ArticleQuery
import Foundation
import Synchronization
import Testing

@testable import csto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Replays the shell fuzzer's committed corpus (`Tests/Fuzz/corpus/shell`) through the shell
/// as the fuzz target drives it: output to /dev/null, files in memory, no terminal. Every
/// input must run to its end with a result that agrees with the shell's exit status.
@Suite struct ShellCorpusTests {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/corpus/shell").path

  static let inputs: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()

  /// Files for `.read`, `.graph`, `.output` and `.once`, in memory as in the fuzz target:
  /// the corpus writes files named `csv` and the like, which must not land in the package.
  static var files: ShellFiles {
    ShellFiles(
      readScript: { path in
        let scripts = [
          "self.csto": "count members\n.read self.csto\n",
          "a.csto": "members where criticized russia\n.expect Tajikistan\n",
        ]
        guard let text = scripts[path] else {
          return .failure(ScriptFile.Problem(description: "cannot read \(path): no such file"))
        }
        return .success(text)
      },
      drawGraph: { _, path in
        switch Graphviz.format(of: path) {
        case nil: .failure(.unknownFormat)
        case .dot?: .success(())
        case .some: .failure(.noDot)
        }
      },
      writeOutput: { _, _ in .success(()) })
  }

  /// `.output` and `.once` write through `ShellFiles`, so that a script run with files in
  /// memory leaves nothing on the disk.
  @Test func outputFilesGoThroughTheShellsFiles() throws {
    let engine = try QueryEngine()
    let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
    try #require(devNull >= 0)
    defer { close(devNull) }
    let written = Mutex<[String: String]>([:])
    var files = Self.files
    files.writeOutput = { bytes, path in
      written.withLock { $0[path] = String(decoding: bytes, as: UTF8.self) }
      return .success(())
    }
    let shell = Shell(
      engine: engine, output: Output(answers: devNull, messages: devNull),
      settings: Shell.Settings(), keepGoing: false, outputColor: false, errorColor: false,
      fallbackWidth: 80, files: files)
    let name = "never-written-\(getpid()).txt"
    var lines = TextLines(".once \(name)\ncount members\n")
    #expect(shell.runScript(&lines, sourceName: "once.csto"))
    #expect(written.withLock { $0[name] }?.hasPrefix("6\n") == true)
    #expect(!FileManager.default.fileExists(atPath: name))
  }

  @Test func thereAreSeeds() {
    #expect(Self.inputs.count >= 5)
  }

  @Test(arguments: inputs)
  func anInputRunsToItsEnd(_ name: String) throws {
    let engine = try QueryEngine()
    let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
    try #require(devNull >= 0)
    defer { close(devNull) }
    let text = String(
      decoding: try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/" + name)),
      as: UTF8.self)
    for keepGoing in [false, true] {
      let shell = Shell(
        engine: engine, output: Output(answers: devNull, messages: devNull),
        settings: Shell.Settings(), keepGoing: keepGoing, outputColor: false, errorColor: false,
        fallbackWidth: 80, files: Self.files)
      var lines = TextLines(text)
      let succeeded = shell.runScript(&lines, sourceName: name)
      #expect(succeeded == !shell.hasFailed)
    }
  }
}
