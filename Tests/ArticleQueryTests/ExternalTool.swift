import Foundation

/// A command-line tool the tests check outputs with (`sqlite3`, `rapper`, `dot`), found on
/// the `PATH`; when it is missing, the error says which Debian package installs it.
struct ExternalTool: Sendable {
  let name: String
  let package: String

  static let sqlite3 = ExternalTool(name: "sqlite3", package: "sqlite3")
  static let rapper = ExternalTool(name: "rapper", package: "raptor2-utils")
  static let dot = ExternalTool(name: "dot", package: "graphviz")

  /// What a run printed and how it ended.
  struct Output: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Why a tool could not be run, in words for a test failure.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The tool's path, or a failure naming the package to install.
  func path() throws(Failure) -> String {
    let directories =
      (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":") + ["/usr/bin", "/usr/local/bin"]
    for directory in directories {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw Failure(
      description:
        "\(name) is not installed: apt-get install \(package) (CI installs it in .ci/run)")
  }

  /// Runs the tool with `arguments`, `input` as its standard input (from a file, so that a
  /// large input cannot fill a pipe), and gives back what it printed.
  func run(_ arguments: [String], input: String = "") throws -> Output {
    let executable = try path()
    let directory = try TemporaryDirectory()
    return try withExtendedLifetime(directory) {
      let inputFile = try directory.write(input, to: "stdin")
      let outputFile = try directory.write("", to: "stdout")
      let errorFile = try directory.write("", to: "stderr")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
      process.standardInput = try FileHandle(forReadingFrom: inputFile)
      process.standardOutput = try FileHandle(forWritingTo: outputFile)
      process.standardError = try FileHandle(forWritingTo: errorFile)
      try process.run()
      process.waitUntilExit()
      return Output(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }
  }
}

/// A fresh directory under the system's temporary directory, removed when the value is
/// released (keep it alive with `withExtendedLifetime` while its files are in use).
final class TemporaryDirectory: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-export-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A file in the directory.
  func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes `text` to a file of the directory and gives its URL.
  func write(_ text: String, to name: String) throws -> URL {
    let file = file(name)
    try Data(text.utf8).write(to: file)
    return file
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }
}
