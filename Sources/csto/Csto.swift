import ArgumentParser
import ArticleQuery
import Glibc

/// The command line: `csto [--format F] [--model FILE] [--keep-going] [--no-init]
/// [-c QUERY]... [FILE...]`. Parsing only; `Invocation` does the work.
@main
struct Csto: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "csto",
    abstract: "Question the CSTO article as if it were a database.",
    discussion: """
      With no FILE and no -c, csto shows a prompt when standard input is a terminal, and \
      reads standard input as a script when it is not. -c queries run first, then the \
      FILEs in order; a FILE named - is standard input. At the prompt, type .help for the \
      dot-commands. The start-up file $XDG_CONFIG_HOME/csto/init.csto (else \
      ~/.config/csto/init.csto) runs before the first prompt. History is kept in \
      $CSTO_HISTORY (empty: none), else $XDG_STATE_HOME/csto/history, else \
      ~/.local/state/csto/history.

      Exit status: 0 success (an empty answer too), 1 a query or script error, 2 bad usage \
      or an unreadable file or model.
      """,
    version: "csto 0.1.0")

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp(
      "Run QUERY (queries or a dot-command) and exit; may be repeated.", valueName: "QUERY"))
  var command: [String] = []

  @Option(
    help: ArgumentHelp("How answers are printed.", valueName: "table|json|csv|markdown"),
    transform: { spelling in
      guard let format = OutputFormat(rawValue: spelling.lowercased()) else {
        throw ValidationError("use table, json, csv or markdown")
      }
      return format
    })
  var format: OutputFormat = .table

  @Option(
    help: ArgumentHelp("Question the model in FILE instead of the bundled one.", valueName: "FILE"))
  var model: String?

  @Flag(help: "Go on after an error in a script or -c; the exit status is still 1.")
  var keepGoing = false

  @Flag(help: "Do not run the start-up file.")
  var noInit = false

  @Argument(help: ArgumentHelp("Scripts to run in order; - is standard input.", valueName: "FILE"))
  var files: [String] = []

  /// Parses the command line and runs; bad usage exits with status 2, not the library's 64.
  static func main() {
    signal(SIGPIPE, SIG_IGN)
    let parsed: Csto
    do {
      parsed = try parse()
    } catch {
      if exitCode(for: error) == .success {
        Output().line(fullMessage(for: error))
        Glibc.exit(0)
      }
      Output().error(fullMessage(for: error))
      Glibc.exit(2)
    }
    let invocation = Invocation(
      queries: parsed.command, files: parsed.files, format: parsed.format,
      modelFile: parsed.model, keepGoing: parsed.keepGoing, runsInitFile: !parsed.noInit)
    Glibc.exit(invocation.run(environment: Environment.current()))
  }
}
