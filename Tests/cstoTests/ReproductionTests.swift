import Foundation
import Testing

/// The reproductions of issue 15 outside the model checker, kept in `Tests/Reproductions`
/// (or generated here when large) and replayed against the built `csto`: each gives an
/// error or an answer, never a crash, a hang, or a file left behind.
@Suite struct ReproductionTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Reproductions").path

  /// A reproduction copied into `folder`, which a test then runs csto in.
  static func copy(_ name: String, into folder: String) throws -> String {
    let path = folder + "/" + name
    try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: path)
    return path
  }

  /// Runs `command` with `/bin/sh -c`, `$CSTO` naming the binary, in `folder`; for standard
  /// input and output that `CstoBinary.run` cannot give (a directory, `/dev/full`).
  static func sh(_ command: String, in folder: String, environment extra: [String: String] = [:])
    throws -> CstoBinary.Run
  {
    try CstoBinary.runProgram(
      "/bin/sh", ["-c", command], in: folder,
      environment: ["CSTO": CstoBinary.path].merging(extra) { $1 })
  }

  @Test func integersAtAndPastIntsEndsAreErrorsNotCrashes() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let script = try Self.copy("integers.csto", into: folder)
    let run = try CstoBinary.run(["--keep-going", script], in: folder)
    #expect(run.status == 1, "\(run.standardError)")
    #expect(run.standardError.contains("no paragraph -9223372036854775808"))
    #expect(run.standardError.contains("no paragraph 9223372036854775807"))
    #expect(run.standardError.contains("expected a paragraph number"))
    #expect(run.standardError.contains("expected count 9223372036854775807, got 6"))
    #expect(run.standardError.contains(".expect NAME"))
  }

  @Test func aHugeCOLUMNSIsTakenAsAWideTerminal() throws {
    let run = try CstoBinary.run(
      ["-c", "facts about pelosi"], environment: ["COLUMNS": "9223372036854775807"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("visited"))
  }

  @Test func standardInputStopsAtSixtyFourMebibytes() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try Self.sh("exec \"$CSTO\" < /dev/zero", in: folder)
    #expect(run.status == 2)
    #expect(run.standardError == "csto: cannot read <stdin>: larger than 64 MiB\n")
  }

  @Test func standardInputThatIsAFolderIsAnError() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    for command in ["exec \"$CSTO\" < .", "exec \"$CSTO\" - < ."] {
      let run = try Self.sh(command, in: folder)
      #expect(run.status == 2, "\(command)")
      #expect(run.standardError == "csto: cannot read <stdin>: Is a directory\n")
    }
  }

  @Test func aByteOrderMarkBeforeADotCommandIsSkipped() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let script = try Self.copy("bom-dot-command.csto", into: folder)
    let fromFile = try CstoBinary.run([script], in: folder)
    #expect(fromFile.status == 0, "\(fromFile.standardError)")
    #expect(fromFile.standardOutput.hasPrefix("¶1\n"))
    let fromInput = try CstoBinary.run(
      [], input: try Data(contentsOf: URL(fileURLWithPath: script)), in: folder)
    #expect(fromInput.status == 0, "\(fromInput.standardError)")
    #expect(fromInput.standardOutput.hasPrefix("¶1\n"))
  }

  @Test func aScriptThatReadsItselfTwiceIsTwoErrors() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    _ = try Self.copy("reads-itself-twice.csto", into: folder)
    for arguments in [
      ["--keep-going", "reads-itself-twice.csto"],
      ["--keep-going", "-c", ".read reads-itself-twice.csto"],
    ] {
      let run = try CstoBinary.run(arguments, in: folder, timeout: .seconds(60))
      #expect(run.status == 1)
      #expect(run.standardError.components(separatedBy: "being read already").count == 3)
      #expect(run.standardError.utf8.count < 2_000, "\(run.standardError.utf8.count) bytes")
    }
  }

  @Test func readingANamedPipeWithNoWriterDoesNotWaitForever() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    #expect(mkfifo(folder + "/pipe", 0o600) == 0)
    let run = try CstoBinary.run(
      ["-c", ".read pipe", "-c", "count members"], in: folder, timeout: .seconds(30))
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("6"))
  }

  @Test func anExportToAFullStandardOutputIsStatusTwo() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try Self.sh("exec \"$CSTO\" export --format json > /dev/full", in: folder)
    #expect(run.status == 2)
    #expect(run.standardError.contains("No space left on device"))
  }

  @Test func anExportToDashIsStandardOutput() throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let run = try CstoBinary.run(["export", "--format", "json", "-o", "-"], in: folder)
    #expect(run.status == 0)
    #expect(run.standardOutput.hasPrefix("{"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  /// A `dot` that says where it runs and then waits: csto, killed meanwhile, must kill it
  /// and remove the folder it made for it.
  @Test(arguments: [SIGTERM, SIGINT])
  func aKilledGraphKillsDotAndRemovesItsFolder(signal: Int32) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    let bin = folder + "/bin"
    let temporary = folder + "/tmp"
    for made in [bin, temporary] {
      try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
    }
    let dot = try CstoBinary.write(
      "#!/bin/sh\necho $$ > \(folder)/dot.pid\nexec sleep 60\n", to: "dot", in: bin)
    chmod(dot, 0o755)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CstoBinary.path)
    process.arguments = ["graph", "-o", folder + "/members.svg", "members"]
    process.environment = CstoBinary.environment(in: folder).merging([
      "PATH": bin + ":/usr/bin:/bin", "TMPDIR": temporary,
    ]) { $1 }
    try process.run()
    let deadline = ContinuousClock.now + .seconds(60)
    while !FileManager.default.fileExists(atPath: folder + "/dot.pid"),
      ContinuousClock.now < deadline
    {
      usleep(20_000)
    }
    usleep(100_000)
    let pidText = try String(contentsOfFile: folder + "/dot.pid", encoding: .utf8)
    let dotProcess = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    var alive = true
    for _ in 0..<100 where alive {
      alive = kill(dotProcess, 0) == 0 && !Self.isZombie(dotProcess)
      if alive { usleep(50_000) }
    }
    if alive { kill(dotProcess, SIGKILL) }
    #expect(!alive, "dot still runs")
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
  }

  static func isZombie(_ process: pid_t) -> Bool {
    let stat = (try? String(contentsOfFile: "/proc/\(process)/stat", encoding: .utf8)) ?? ""
    guard let close = stat.lastIndex(of: ")") else { return true }
    return stat[close...].dropFirst(2).hasPrefix("Z")
  }
}
