import ArgumentParser
import ArticleQuery

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The command line: `csto [--format F] [--model FILE] [--keep-going] [--no-init]
/// [-c QUERY]... [FILE...]`, and the subcommands `csto export`, `csto graph` and `csto test`.
/// Parsing only; `Invocation`, `ExportCommand`, `GraphCommand` and `TestCommand` do the work.
@main
struct Csto: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csto",
    abstract: "Question the CSTO article as if it were a database.",
    usage: """
      csto [<options>] [-c <query> ...] [<file> ...]
      csto export --format json|csv|ntriples|sql|events [-o <file>] [--model <file>]
      csto graph [<query> ...] -o <file>.svg|.png|.pdf|.dot [--model <file>]
      csto test <file-or-folder> ... [--tap] [--junit <file>] [--model <file>]
      csto compile <model> -o <file>
      """,
    discussion: """
      With no FILE and no -c, csto shows a prompt when standard input is a terminal, and \
      reads standard input as a script when it is not. -c queries run first, then the \
      FILEs in order; a FILE named - is standard input. At the prompt, type .help for the \
      dot-commands. The start-up file $XDG_CONFIG_HOME/csto/init.csto (else \
      ~/.config/csto/init.csto) runs before the first prompt. History is kept in \
      $CSTO_HISTORY (empty: none), else $XDG_STATE_HOME/csto/history, else \
      ~/.local/state/csto/history. Line editing is libedit's, opened at the prompt \
      ($CSTO_LIBEDIT names another library); without it, plain lines.

      ^C stops the query under way: at the prompt the prompt comes back; in a script or -c, \
      csto stops there with status 1 (a second ^C ends it at once).

      csto export writes the whole model for other tools; csto graph draws an answer with \
      Graphviz; csto test runs scripts as tests; csto compile writes a model's snapshot. \
      Each has its own --help. A --model FILE is checked once and its snapshot kept in \
      $XDG_CACHE_HOME/csto (else ~/.cache/csto); --no-cache turns that off.

      Exit status: 0 success (an empty answer too), 1 a query or script error, 2 bad usage \
      or an unreadable file or model.
      """,
    version: version)

  /// What `--version` prints.
  static let version = "csto 0.1.0"

  /// The output formats as `--format` and `.format` spell them: `table|json|…`.
  static let formats = OutputFormat.allCases.map(\.rawValue)

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp(
      "Run QUERY (queries or a dot-command) and exit; may be repeated.", valueName: "query"))
  var command: [String] = []

  @Option(
    help: ArgumentHelp(
      "How answers are printed.", valueName: formats.joined(separator: "|")),
    transform: { spelling in
      guard let format = OutputFormat(rawValue: spelling.lowercased()) else {
        throw ValidationError(
          "use " + formats.dropLast().joined(separator: ", ") + " or " + formats.last!)
      }
      return format
    })
  var format: OutputFormat = .table

  @Option(
    help: ArgumentHelp("Question the model in FILE instead of the bundled one.", valueName: "file"))
  var model: String?

  @Flag(help: "Go on after an error in a script or -c; the exit status is still 1.")
  var keepGoing = false

  @Flag(help: "Do not run the start-up file.")
  var noInit = false

  @Flag(help: "Neither read nor write the compiled-model cache for --model.")
  var noCache = false

  @Argument(help: ArgumentHelp("Scripts to run in order; - is standard input.", valueName: "file"))
  var files: [String] = []

  /// Runs what the command line asks for: `export` or `graph` when it starts with one of
  /// them (a script of that name can be run as `./export`), else queries, scripts or the
  /// prompt.
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    let arguments = Array(CommandLine.arguments.dropFirst())
    let subcommands = [
      ExportCommand.configuration.commandName, GraphCommand.configuration.commandName,
      TestCommand.configuration.commandName, CompileCommand.configuration.commandName,
    ]
    guard let first = arguments.first, subcommands.contains(first) else {
      let plain =
        PlainArguments(arguments)
        ?? parsed(by: Csto.self) { try Csto.parse(arguments) }.plainArguments
      Invocation(plain).run(environment: Environment.current())
    }
    var command = parsed(by: Subcommands.self) { try Subcommands.parseAsRoot(arguments) }
    if let export = command as? ExportCommand { Glibc.exit(export.execute()) }
    if let graph = command as? GraphCommand { Glibc.exit(graph.execute()) }
    if let test = command as? TestCommand { Glibc.exit(test.execute()) }
    if let compile = command as? CompileCommand { Glibc.exit(compile.execute()) }
    parsed(by: Subcommands.self) { try command.run() }
    Glibc.exit(0)
  }

  /// What swift-argument-parser read, in the form the plain reading gives.
  var plainArguments: PlainArguments {
    PlainArguments(
      queries: command, files: files, format: format, modelFile: model, keepGoing: keepGoing,
      runsInitFile: !noInit, usesCache: !noCache)
  }

  /// `csto export` and `csto graph`, parsed under csto's name so that their help and
  /// messages say `csto export`. They are not subcommands of `Csto` itself, whose file
  /// arguments would take their names. `--help` parses as the library's help command, which
  /// prints by running.
  struct Subcommands: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "csto",
      subcommands: [ExportCommand.self, GraphCommand.self, TestCommand.self, CompileCommand.self])
  }

  /// What `parse` gives; `--help` and `--version` print and exit 0, bad usage prints (as
  /// `root` words it) and exits with status 2, not the library's 64.
  static func parsed<Parsed>(by root: ParsableCommand.Type, _ parse: () throws -> Parsed)
    -> Parsed
  {
    do {
      return try parse()
    } catch {
      if root.exitCode(for: error) == .success {
        Output().line(root.fullMessage(for: error))
        Glibc.exit(0)
      }
      Output().error(root.fullMessage(for: error))
      Glibc.exit(2)
    }
  }
}
