import ArticleModel
import ArticleQuery
import Glibc

/// The shell: runs queries and dot-commands typed at the prompt, read from scripts or given
/// with `-c`, prints answers to standard output and errors to standard error, and holds the
/// settings that dot-commands change.
final class Shell {
  /// How answers are shown; changed by `.format`, `.evidence` and `.timer`.
  struct Settings {
    var format: OutputFormat = .table
    var evidence: EvidenceMode = .on
    var timer = false
  }

  /// What the last query gave, for `.expect`.
  enum Outcome {
    case answer(Answer)
    case failure(QueryError)
  }

  /// Where a line came from, for messages: the script's name (nil at the prompt or for `-c`)
  /// and the line's number and text.
  struct Place {
    let sourceName: String?
    let line: Int
    let text: String
  }

  /// The deepest `.read` may nest, so that a script that reads itself stops with an error.
  static let readLimit = 16

  /// The most results (entities or facts) a table shows; a note after it says how many more
  /// there are and which formats show them all.
  static let tableLimit = 1000

  let engine: QueryEngine
  let output: Output
  var settings: Settings
  let keepGoing: Bool
  let outputColor: Bool
  let errorColor: Bool
  /// The width to lay answers out in when standard output is not a terminal.
  let fallbackWidth: Int
  /// Whether any error has been reported; the exit status is 1 if so.
  private(set) var hasFailed = false
  /// Set by `.quit`: no more input is read.
  var isQuitting = false
  var lastOutcome: Outcome?
  /// The scripts being read, outermost first, as `FilePath.resolved` gives their paths: a
  /// `.read` of one of them is an error, so a script that reads itself stops at once.
  var reading: [String] = []
  /// Scripts read with `.read` and graphs drawn with `.graph`.
  let files: ShellFiles
  /// Set by ^C (`Interrupt`): stops the query under way and the scripts being read.
  let interruption: Cancellation
  /// The lines of a query still open at the prompt.
  private var open: Statement?
  /// Whether the current interruption has been reported.
  private var interruptionReported = false

  init(
    engine: QueryEngine, output: Output, settings: Settings, keepGoing: Bool,
    outputColor: Bool, errorColor: Bool, fallbackWidth: Int, files: ShellFiles = .system,
    interruption: Cancellation = Cancellation()
  ) {
    self.engine = engine
    self.output = output
    self.settings = settings
    self.keepGoing = keepGoing
    self.outputColor = outputColor
    self.errorColor = errorColor
    self.fallbackWidth = fallbackWidth
    self.files = files
    self.interruption = interruption
  }

  /// Whether ^C has stopped the work under way; scripts read no further lines.
  var isInterrupted: Bool { interruption.isCancelled }

  /// The one-line greeting at the prompt: the model, its size, and where help is.
  var banner: String {
    let model = engine.model
    return
      "csto: \(model.title) — \(model.entities.count) entities, \(model.facts.count) facts. "
      + "Type .help for help."
  }

  // MARK: The prompt

  /// Reads and runs lines from `editor` until Ctrl-D on an empty line or `.quit`. Errors are
  /// printed and the prompt goes on; each query, however many lines, is one history entry,
  /// and so is one left open at Ctrl-D, to be finished in the next session.
  /// ^C while a query or a command runs stops it and comes back to the prompt.
  func runInteractive(editor: LineEditor) {
    while !isQuitting {
      interruption.reset()
      interruptionReported = false
      switch editor.readLine(prompt: open == nil ? "csto> " : "  ...> ") {
      case .end:
        // A query left half-typed is kept in the history, to be finished next time.
        if let statement = open.take() { editor.addHistory(statement.text) }
        output.write("\n")
        return
      case .interrupted:
        open = nil
      case .line(let line):
        if var statement = open.take() {
          statement.append(line)
          if statement.isComplete {
            editor.addHistory(statement.text)
            runReported(statement, sourceName: nil)
          } else {
            open = statement
          }
          continue
        }
        switch ShellInput.classify(line) {
        case .empty:
          continue
        case .command(let name, let arguments, let column):
          editor.addHistory(line)
          _ = runCommand(
            name: name, arguments: arguments, argumentColumn: column,
            at: Place(sourceName: nil, line: 1, text: line))
        case .query:
          let statement = Statement(line, firstLine: 1)
          if statement.isComplete {
            editor.addHistory(line)
            runReported(statement, sourceName: nil)
          } else {
            open = statement
          }
        }
      }
    }
  }

  /// Completion at the prompt for the text before the cursor, after the lines of a query
  /// still open, if any: how many characters the candidates replace, and the candidates.
  func completions(before text: String) -> (replacing: Int, candidates: [String])? {
    ShellCompleter(engine: engine).complete(before: text, openStatement: open?.text)
  }

  // MARK: Scripts

  /// Runs a script's lines in order, named `sourceName` in messages (nil for `-c`). Stops at
  /// the first error unless `keepGoing`, and at ^C; gives back whether the script ran without
  /// error.
  func runScript(_ source: inout some LineSource, sourceName: String?) -> Bool {
    var script = ScriptState()
    var lineNumber = 0
    while !isQuitting, !isInterrupted, let line = source.nextLine() {
      lineNumber += 1
      if var statement = script.open.take() {
        statement.append(line)
        if statement.isComplete {
          script.pending = run(statement).map { ($0, statement) }
        } else {
          script.open = statement
        }
        continue
      }
      switch ShellInput.classify(line) {
      case .empty:
        continue
      case .query:
        guard settle(&script, sourceName: sourceName) else { return false }
        let statement = Statement(line, firstLine: lineNumber)
        if statement.isComplete {
          script.pending = run(statement).map { ($0, statement) }
        } else {
          script.open = statement
        }
      case .command(let name, let arguments, let column):
        if script.pending != nil, DotCommand.find(name).command?.name == DotCommand.expect.name {
          if AnswerExpectation.parse(arguments) == .error {
            script.pending = nil
            continue
          }
          guard settle(&script, sourceName: sourceName) else { return false }
          continue
        }
        guard settle(&script, sourceName: sourceName) else { return false }
        let place = Place(sourceName: sourceName, line: lineNumber, text: line)
        if !runCommand(name: name, arguments: arguments, argumentColumn: column, at: place) {
          script.failed = true
          guard keepGoing else { return false }
        }
      }
    }
    if let statement = script.open, !isQuitting, !isInterrupted {
      script.pending = run(statement).map { ($0, statement) }
    }
    let settled = settle(&script, sourceName: sourceName)
    if isInterrupted, !script.failed {
      reportInterruption(sourceName: sourceName, line: max(1, lineNumber))
      return false
    }
    return settled && !script.failed
  }

  /// A script's progress: a query still open, and a query error held back one line in case
  /// `.expect error` follows.
  private struct ScriptState {
    var open: Statement?
    var pending: (QueryError, Statement)?
    var failed = false
  }

  /// Reports a held-back query error, if any; false when the script must stop.
  private func settle(_ script: inout ScriptState, sourceName: String?) -> Bool {
    guard let (error, statement) = script.pending else { return true }
    script.pending = nil
    script.failed = true
    report(error, statement: statement, sourceName: sourceName)
    return keepGoing && !isInterrupted
  }

  // MARK: Running

  /// Runs a statement and reports its error at once, as the prompt does.
  private func runReported(_ statement: Statement, sourceName: String?) {
    if let error = run(statement) {
      report(error, statement: statement, sourceName: sourceName)
    }
  }

  /// Runs the queries in a statement, printing each answer; gives back the error that stopped
  /// them, unreported.
  private func run(_ statement: Statement) -> QueryError? {
    guard !statement.isTooLong else {
      let error = QueryError(
        Diagnostic(
          "query is \(statement.text.utf8.count) bytes long; the limit is \(Parser.maximumLength)",
          at: 0..<0), in: SourceText(name: nil, text: ""))
      lastOutcome = .failure(error)
      return error
    }
    let clock = ContinuousClock()
    let start = clock.now
    let results = engine.run(statement.text, cancellation: interruption)
    let elapsed = clock.now - start
    for result in results {
      switch result {
      case .success(let answer):
        lastOutcome = .answer(answer)
        output.line(render(answer, elapsed: elapsed))
      case .failure(let error):
        lastOutcome = .failure(error)
        return error
      }
    }
    return nil
  }

  /// The terminal's width now (it may have been resized), else the fallback.
  private var width: Int {
    Terminal.width(of: STDOUT_FILENO) ?? fallbackWidth
  }

  /// The answer as the format asks: a graph with the model's kinds and the facts among the
  /// answer's entities for `dot`; a table cut to `tableLimit` results, saying so.
  private func render(_ answer: Answer, elapsed: Duration) -> String {
    if settings.format == .dot { return DotRenderer.render(answer, model: engine.model) }
    let options = RenderOptions(
      format: settings.format, width: width, evidence: settings.evidence, color: outputColor,
      elapsed: settings.timer ? elapsed : nil)
    guard settings.format == .table, let (shown, left) = Self.cut(answer, to: Self.tableLimit)
    else { return Renderer.render(answer, options: options) }
    let noun = answer.kind == .facts ? "facts" : "results"
    return Renderer.render(shown, options: options)
      + "… \(left) more \(noun) not shown: a table stops at \(Self.tableLimit);"
      + " use --format csv or json for all \(answer.resultCount)\n"
  }

  /// The answer cut to its first `limit` entities or facts, and how many were left out; nil
  /// when it has no more than that.
  static func cut(_ answer: Answer, to limit: Int) -> (Answer, left: Int)? {
    var shown = answer
    switch answer.body {
    case .entities(let results) where results.count > limit:
      shown.body = .entities(Array(results.prefix(limit)))
      return (shown, results.count - limit)
    case .facts(let facts) where facts.count > limit:
      shown.body = .facts(Array(facts.prefix(limit)))
      return (shown, facts.count - limit)
    default:
      return nil
    }
  }

  /// Reports a query's error. One that ^C caused is reported as the interruption, and one
  /// about a query too long to read without the query: neither needs the text shown.
  private func report(_ error: QueryError, statement: Statement, sourceName: String?) {
    hasFailed = true
    if isInterrupted {
      reportInterruption(sourceName: sourceName, line: statement.firstLine)
    } else if statement.isTooLong {
      reportPlain(error.message, sourceName: sourceName, line: statement.firstLine)
    } else {
      output.error(
        error.rendered(sourceName: sourceName, firstLine: statement.firstLine, color: errorColor))
    }
  }

  /// `interrupted` at the prompt and for `-c`, `FILE:LINE: error: interrupted` in a script;
  /// once for each ^C, however many scripts it stopped. On a terminal it starts a line of its
  /// own, after the `^C` the terminal showed.
  private func reportInterruption(sourceName: String?, line: Int) {
    hasFailed = true
    guard !interruptionReported else { return }
    interruptionReported = true
    let start = Terminal.isTerminal(output.messages) ? "\n" : ""
    if sourceName == nil {
      output.error(start + "interrupted")
    } else {
      reportPlain("interrupted", sourceName: sourceName, line: line, start: start)
    }
  }

  /// `FILE:LINE: error: MESSAGE`, or `error: MESSAGE` outside a file.
  private func reportPlain(_ message: String, sourceName: String?, line: Int, start: String = "") {
    hasFailed = true
    let label = errorColor ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
    output.error(start + (sourceName.map { "\($0):\(line): " } ?? "") + "\(label) \(message)")
  }

  /// Runs a dot-command and reports what went wrong with it; false after an error.
  func runCommand(name: String, arguments: String, argumentColumn: Int, at place: Place)
    -> Bool
  {
    let nameRange =
      place.text.utf8.firstIndex(of: UInt8(ascii: ".")).map {
        place.text.utf8.distance(from: place.text.utf8.startIndex, to: $0)
      } ?? 0
    let nameSpan = nameRange..<(nameRange + 1 + name.utf8.count)
    let argumentStart = place.text.prefix(argumentColumn - 1).utf8.count
    let argumentSpan =
      arguments.isEmpty ? nameSpan : argumentStart..<(argumentStart + arguments.utf8.count)
    let command: DotCommand
    switch DotCommand.find(name) {
    case .found(let found):
      command = found
    case .unknown(let suggestions):
      fail(
        Diagnostic(
          "unknown command '.\(name)'", at: nameSpan, notes: ["type .help for the commands"],
          suggestions: suggestions.map { "." + $0 }), at: place)
      return false
    case .ambiguous(let candidates):
      fail(
        Diagnostic(
          "ambiguous command '.\(name)'", at: nameSpan,
          suggestions: candidates.map { "." + $0 }), at: place)
      return false
    }
    switch command.run(self, arguments) {
    case .done, .quit:
      return true
    case .usage:
      fail(Diagnostic("usage: \(command.usage)", at: argumentSpan), at: place)
    case .failed(let message):
      fail(Diagnostic(message, at: argumentSpan), at: place)
    case .problem(let diagnostic):
      fail(diagnostic.shifted(by: argumentStart), at: place)
    case .failedAndReported:
      hasFailed = true
    }
    return false
  }

  private func fail(_ diagnostic: Diagnostic, at place: Place) {
    hasFailed = true
    let source = SourceText(name: place.sourceName, text: place.text, firstLine: place.line)
    output.error(DiagnosticRenderer.render(diagnostic, in: source, color: errorColor))
  }
}
