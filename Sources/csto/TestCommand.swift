import ArgumentParser
import ArticleQuery
import Glibc

/// `csto test FILE|DIR... [--tap] [--junit FILE] [--model FILE]`: runs scripts as tests, each
/// `.expect` a check, and says which held.
struct TestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run scripts as tests: each .expect is a check.",
    usage: "csto test <file-or-folder> ... [--tap] [--junit <file>] [--model <file>]",
    discussion: """
      A folder runs its *.csto files in name order. Each script runs to its end (as with \
      --keep-going), its answers unprinted. One line per script: ok, FAIL with the first \
      failing FILE:LINE and what was expected against what came back, or "no checks" for a \
      script without .expect, which is not counted as passed. An error outside a check counts \
      as a failed check. The last line is "N passed, N failed".

      Exit status: 0 when no check failed, 1 when one did, 2 bad usage, an unreadable script \
      or model, or a --junit FILE that cannot be written.
      """)

  @Argument(help: ArgumentHelp("Scripts, and folders of *.csto scripts.", valueName: "file"))
  var paths: [String]

  @Flag(help: "Print TAP (version 14) instead of a line per script.")
  var tap = false

  @Option(
    help: ArgumentHelp(
      "Also write the results as JUnit XML to FILE (replaced whole).", valueName: "file"))
  var junit: String?

  @Option(
    help: ArgumentHelp("Question the model in FILE instead of the bundled one.", valueName: "file"))
  var model: String?

  /// Runs the scripts; gives back the exit status.
  func execute() -> Int32 {
    let out = Output()
    var scripts: [(path: String, text: String)] = []
    for path in paths {
      switch Self.scripts(at: path) {
      case .success(let found):
        for script in found {
          switch ScriptFile.read(script) {
          case .success(let text): scripts.append((script, text))
          case .failure(let problem):
            out.error("csto: \(problem)")
            return 2
          }
        }
      case .failure(let problem):
        out.error("csto: \(problem)")
        return 2
      }
    }
    guard let engine = Invocation.engine(modelFile: model, output: out, cache: nil) else {
      return 2
    }
    let quiet = open("/dev/null", O_WRONLY | O_CLOEXEC)
    guard quiet >= 0 else {
      out.error("csto: cannot open /dev/null: \(String(cString: strerror(errno)))")
      return 2
    }
    defer { close(quiet) }
    Interrupt.installForScripts()
    var report = TestReport()
    for (path, text) in scripts where !Interrupt.flag.isCancelled {
      let shell = Shell(
        engine: engine, output: Output(answers: quiet, messages: quiet),
        settings: Shell.Settings(), keepGoing: true, outputColor: false, errorColor: false,
        fallbackWidth: 80, interruption: Interrupt.flag)
      var lines = TextLines(text)
      _ = shell.runScript(&lines, sourceName: path)
      let script = TestReport.Script(path: path, checks: shell.checks, errors: shell.errors)
      report.scripts.append(script)
      if !tap { out.line(TestReport.line(for: script)) }
    }
    out.write(tap ? report.tap : report.summary + "\n")
    if let junit, case .failure(let problem) = OutputFile.write(Array(report.junit.utf8), to: junit)
    {
      out.error("csto: \(problem)")
      return 2
    }
    if Interrupt.flag.isCancelled {
      out.error("csto: interrupted")
      return 1
    }
    return report.failed == 0 ? 0 : 1
  }

  /// The script at `path`, or a folder's `*.csto` files in name order.
  static func scripts(at path: String) -> Result<[String], ScriptFile.Problem> {
    var info = stat()
    guard stat(path, &info) == 0 else {
      return .failure(
        ScriptFile.Problem(description: "cannot read \(path): \(String(cString: strerror(errno)))"))
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { return .success([path]) }
    guard let directory = opendir(path) else {
      return .failure(
        ScriptFile.Problem(description: "cannot read \(path): \(String(cString: strerror(errno)))"))
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".csto"), !name.hasPrefix(".") { names.append(name) }
    }
    let folder = path.hasSuffix("/") ? path : path + "/"
    let sorted = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return .success(sorted.map { folder + $0 })
  }
}
