import Foundation
import Testing

/// The `csto` executable built beside this test bundle, run the way a user runs it: with
/// arguments, standard input and an environment of its own, in a folder of its own.
struct CstoBinary {
  /// What one run gave.
  struct Run {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// Standard output split into lines, without empty ones.
    var outputLines: [String] {
      standardOutput.split(separator: "\n").map(String.init)
    }

    /// Each line of standard output parsed as a JSON object.
    func jsonObjects() throws -> [[String: Any]] {
      try outputLines.map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(line)")
      }
    }
  }

  /// The folder holding the test bundle, and so the executable.
  static let folder: String = {
    let bundle =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return (bundle as NSString).deletingLastPathComponent
  }()

  static var path: String { folder + "/csto" }

  /// A new empty folder for one test's files; the test removes it with `remove(_:)`.
  static func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Removes a folder made by `temporaryFolder()` and everything in it.
  static func remove(_ folder: String) {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// An environment with nothing of the user's in it: no history, no start-up file, a home in
  /// `folder`, UTF-8.
  static func environment(in folder: String) -> [String: String] {
    [
      "PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "CSTO_HISTORY": "",
      "XDG_CONFIG_HOME": folder + "/config", "XDG_STATE_HOME": folder + "/state",
    ]
  }

  /// Runs csto with `arguments` and `input` on standard input (none: an empty input), in
  /// `folder` (a new one, removed afterwards, when nil), with `environment` added to the clean
  /// one. A run that takes longer than `timeout` is killed and recorded as an issue.
  static func run(
    _ arguments: [String], input: String = "", in folder: String? = nil,
    environment extra: [String: String] = [:], timeout: Duration = .seconds(300)
  ) throws -> Run {
    try run(
      arguments, input: Data(input.utf8), in: folder, environment: extra, timeout: timeout)
  }

  /// Runs another program (`/bin/sh` to redirect csto's input or output) as `run` runs csto.
  static func runProgram(
    _ program: String, _ arguments: [String], in folder: String? = nil,
    environment extra: [String: String] = [:], timeout: Duration = .seconds(300)
  ) throws -> Run {
    try run(
      arguments, input: Data(), in: folder, environment: extra, timeout: timeout,
      program: program)
  }

  /// Runs csto with `input`'s bytes, which need not be UTF-8, on standard input.
  static func run(
    _ arguments: [String], input: Data, in folder: String? = nil,
    environment extra: [String: String] = [:], timeout: Duration = .seconds(300),
    program: String? = nil
  ) throws -> Run {
    let ownFolder = folder == nil ? try temporaryFolder() : nil
    defer {
      if let ownFolder { remove(ownFolder) }
    }
    let folder = folder ?? ownFolder ?? ""
    let files = try temporaryFolder()
    defer { remove(files) }
    let inputPath = files + "/stdin"
    let outputPath = files + "/stdout"
    let errorPath = files + "/stderr"
    try input.write(to: URL(fileURLWithPath: inputPath))
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: program ?? path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = environment(in: folder).merging(extra) { $1 }
    process.standardInput = FileHandle(forReadingAtPath: inputPath)
    process.standardOutput = FileHandle(forWritingAtPath: outputPath)
    process.standardError = FileHandle(forWritingAtPath: errorPath)
    try process.run()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
    if process.isRunning {
      Issue.record("csto \(arguments.joined(separator: " ").prefix(200)) took over \(timeout)")
      process.terminate()
    }
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      standardOutput: String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self),
      standardError: String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self))
  }

  /// Writes `text` to `name` in `folder` and gives back its path.
  @discardableResult
  static func write(_ text: String, to name: String, in folder: String) throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }
}
