import ArticleModel
import ArticleQuery
import Syntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The shell: runs queries and dot-commands typed at the prompt, read from scripts or given
/// with `-c`, prints answers to standard output and errors to standard error, and holds the
/// settings that dot-commands change.
final class Shell {
  /// How answers are shown; changed by `.format`, `.evidence`, `.timer` and `.pager`.
  struct Settings {
    var format: OutputFormat = .table
    var evidence: EvidenceMode = .on
    var timer = false
    var pager = true
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

  /// One check (`.expect`) or one error outside a check, as `csto test` counts them: where it
  /// is, and what was wrong (nil: the check held).
  struct Check: Equatable {
    let sourceName: String?
    let line: Int
    let failure: String?
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
  /// Every check run so far, in order.
  private(set) var checks: [Check] = []
  /// Every error reported outside a check, in order.
  private(set) var errors: [Check] = []
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
  /// The prompt's lines, with a query still open across them.
  private var prompt = StatementReader()
  /// The pager for answers taller than the terminal; nil: none.
  var pager: Pager?
  /// The editor `.edit` and Ctrl-X Ctrl-E open.
  var editor = ExternalEditor(command: "vi")
  /// The line editor while the prompt runs, for `.edit`.
  private(set) var lineEditor: (any LineReader)?
  /// The last query run at the prompt, for `.edit`.
  private(set) var lastQuery: String?
  /// The last answer and the time it took, for `.last`.
  private(set) var lastAnswer: (answer: Answer, elapsed: Duration)?
  /// `.output FILE` or `.once FILE` under way.
  private var redirection: Redirection?
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

  /// The one-line greeting at the prompt: the model, its size, and where help is, short
  /// enough for 80 columns with the bundled article's title.
  var banner: String {
    let model = engine.model
    return
      "csto: \(model.title) (\(Plural.count(model.entities.count, "entity", "entities")), "
      + "\(Plural.count(model.facts.count, "fact", "facts")); .help)"
  }

  // MARK: The prompt

  /// Reads and runs lines from `editor` until Ctrl-D on an empty line or `.quit`. Errors are
  /// printed and the prompt goes on; each query, however many lines, is one history entry,
  /// and so is one left open at Ctrl-D, to be finished in the next session.
  /// ^C while a query or a command runs stops it and comes back to the prompt.
  func runInteractive(editor: any LineReader) {
    lineEditor = editor
    defer { lineEditor = nil }
    while !isQuitting {
      interruption.reset()
      interruptionReported = false
      switch editor.readLine(prompt: prompt.open == nil ? "csto> " : "  ...> ") {
      case .end:
        // A query left half-typed is kept in the history, to be finished next time.
        if let statement = prompt.takeOpen() { editor.addHistory(statement.text) }
        output.write("\n")
        return
      case .interrupted:
        _ = prompt.takeOpen()
      case .edit(let line):
        let current = (prompt.takeOpen().map { $0.text + "\n" } ?? "") + line
        editAndRun(current.trimmed.isEmpty ? lastQuery ?? "" : current)
      case .line(let line):
        if let column = ShellInput.undecodableColumn(in: line) {
          // Kept in the history, to be mended with Up.
          editor.addHistory((prompt.takeOpen().map { $0.text + "\n" } ?? "") + line)
          reportPlain(
            "the line has bytes that are not UTF-8 (shown as \u{FFFD} at column \(column)); it was not run",
            sourceName: nil, line: 1)
          continue
        }
        switch prompt.read(line, number: 1) {
        case .nothing:
          continue
        case .command(let name, let arguments, let column, let text, let number):
          editor.addHistory(text)
          _ = runCommand(
            name: name, arguments: arguments, argumentColumn: column,
            at: Place(sourceName: nil, line: number, text: text))
        case .statement(let statement):
          editor.addHistory(statement.text)
          lastQuery = statement.text
          runReported(statement, sourceName: nil)
        }
      }
    }
  }

  /// Opens `text` in the user's editor, then runs what was saved as one query and one history
  /// entry, as psql's `\e` does (a text that starts with a dot-command runs as a script);
  /// shows it first, so that what runs is on the screen. An editor that fails runs nothing.
  func editAndRun(_ text: String) {
    switch editor.edit(text) {
    case .failure(let problem):
      reportPlain(problem.description, sourceName: nil, line: 1)
    case .success(let saved):
      let query = saved.trimmed
      guard !query.isEmpty else { return }
      output.line(query)
      lineEditor?.addHistory(query)
      lastQuery = query
      guard case .query = ShellInput.classify(query) else {
        var lines = TextLines(query)
        _ = runScript(&lines, sourceName: nil)
        return
      }
      // The whole text is one query, as psql's buffer is: its lines need no open parenthesis
      // to go on.
      var statement: PendingStatement?
      for line in query.split(separator: "\n", omittingEmptySubsequences: false) {
        if statement == nil {
          statement = PendingStatement(String(line), firstLine: 1)
        } else {
          statement?.append(String(line))
        }
      }
      if let statement { runReported(statement, sourceName: nil) }
    }
  }

  /// Completion at the prompt for the text before the cursor, after the lines of a query
  /// still open, if any: how many characters the candidates replace, and the candidates.
  func completions(before text: String) -> (replacing: Int, candidates: [String])? {
    ShellCompleter(engine: engine).complete(before: text, openStatement: prompt.open?.text)
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
      switch script.reader.read(line, number: lineNumber) {
      case .nothing:
        continue
      case .statement(let statement):
        guard settle(&script, sourceName: sourceName) else { return false }
        script.pending = run(statement).map { ($0, statement) }
      case .command(let name, let arguments, let column, let text, let number):
        if script.pending != nil, let command = DotCommand.find(name).command,
          let expectsFailure = command.expectsFailure
        {
          if expectsFailure(arguments) {
            script.pending = nil
            checks.append(Check(sourceName: sourceName, line: number, failure: nil))
            continue
          }
          // The check reads only the outcome it is given and prints nothing: this is what it
          // says was wrong, for `csto test`, while the query's error is reported as usual.
          let failure = command.run(self, arguments).failure ?? "expected \(arguments)"
          checks.append(Check(sourceName: sourceName, line: number, failure: failure))
          guard settle(&script, sourceName: sourceName) else { return false }
          continue
        }
        guard settle(&script, sourceName: sourceName) else { return false }
        let place = Place(sourceName: sourceName, line: number, text: text)
        if !runCommand(name: name, arguments: arguments, argumentColumn: column, at: place) {
          script.failed = true
          guard keepGoing else { return false }
        }
      }
    }
    if let statement = script.reader.takeOpen(), !isQuitting, !isInterrupted {
      script.pending = run(statement).map { ($0, statement) }
    }
    let settled = settle(&script, sourceName: sourceName)
    if isInterrupted, !script.failed {
      reportInterruption(sourceName: sourceName, line: max(1, lineNumber))
      return false
    }
    return settled && !script.failed
  }

  /// A script's progress: its lines read so far, with a query still open, and a query error
  /// held back one line in case a command that expects it (`.expect error`) follows.
  private struct ScriptState {
    var reader = StatementReader()
    var pending: (QueryError, PendingStatement)?
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
  private func runReported(_ statement: PendingStatement, sourceName: String?) {
    if let error = run(statement) {
      report(error, statement: statement, sourceName: sourceName)
    }
  }

  /// Runs the queries in a statement, printing each answer; gives back the error that stopped
  /// them, unreported.
  private func run(_ statement: PendingStatement) -> QueryError? {
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
    let (answers, error) = engine.answers(statement.text, cancellation: interruption)
    let elapsed = clock.now - start
    for answer in answers {
      lastOutcome = .answer(answer)
      lastAnswer = (answer, elapsed)
      show(render(answer, elapsed: elapsed))
    }
    if let error { lastOutcome = .failure(error) }
    return error
  }

  /// The terminal's width now (it may have been resized), else the fallback.
  private var width: Int {
    Terminal.width(of: STDOUT_FILENO) ?? fallbackWidth
  }

  /// The answer as the format (by default the setting) asks: a graph with the model's kinds
  /// and the facts among the answer's entities for `dot`; a table cut to `tableLimit`
  /// results, saying so, its quotes whole when it goes elsewhere than to a terminal unless
  /// `.evidence short` asks for them cut.
  func render(_ answer: Answer, elapsed: Duration, format: OutputFormat? = nil) -> String {
    let format = format ?? settings.format
    var evidence = settings.evidence
    if evidence == .on, redirection != nil || !Terminal.isTerminal(output.answers) {
      evidence = .full
    }
    let options = RenderOptions(
      format: format, width: width, evidence: evidence,
      color: outputColor && redirection == nil, elapsed: settings.timer ? elapsed : nil)
    guard format == .table, let (shown, left) = Self.cut(answer, to: Self.tableLimit)
    else { return Renderer.render(answer, options: options, model: engine.model) }
    let more =
      answer.kind == .facts
      ? Plural.count(left, "more fact", "more facts")
      : Plural.count(left, "more result", "more results")
    return Renderer.render(shown, options: options)
      + "… \(more) not shown: a table stops at \(Self.tableLimit);"
      + " use --format csv or json for all \(answer.resultCount)\n"
  }

  // MARK: Where answers go

  /// Shows an answer or a command's report: into the file of `.output` or `.once`, else
  /// through the pager when it is taller than the terminal, else to standard output.
  func show(_ text: String) {
    if var current = redirection.take() {
      current.append(text)
      guard current.once else {
        redirection = current
        return
      }
      if case .failure(let problem) = current.write(with: files) {
        reportPlain(problem.description, sourceName: nil, line: 1)
      }
      return
    }
    if settings.pager, let pager, Terminal.isTerminal(STDIN_FILENO),
      let size = Terminal.size(of: output.answers),
      Pager.isTaller(text, columns: size.columns, rows: size.rows), pager.show(text)
    {
      return
    }
    output.line(text)
  }

  /// `.output FILE`, `.once FILE`, or `.output` alone: ends the redirection under way,
  /// writing its file, then starts the new one, if any. Gives back the first problem.
  func redirect(to path: String?, once: Bool) -> OutputFile.Problem? {
    let ended = endRedirection()
    guard let path else { return ended }
    switch Redirection.to(path, once: once) {
    case .success(let started):
      redirection = started
      return ended
    case .failure(let problem):
      return ended ?? problem
    }
  }

  /// Writes the file of a redirection still under way, at the end of the session; false
  /// after reporting that it could not be written.
  @discardableResult
  func finish() -> Bool {
    guard let problem = endRedirection() else { return true }
    reportPlain(problem.description, sourceName: nil, line: 1)
    return false
  }

  private func endRedirection() -> OutputFile.Problem? {
    guard let current = redirection.take(), case .failure(let problem) = current.write(with: files)
    else {
      return nil
    }
    return problem
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
  private func report(_ error: QueryError, statement: PendingStatement, sourceName: String?) {
    hasFailed = true
    if !isInterrupted {
      errors.append(
        Check(
          sourceName: sourceName, line: statement.firstLine + error.location.line - 1,
          failure: error.message))
    }
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
      errors.append(Check(sourceName: nil, line: line, failure: "interrupted"))
      output.error(start + "interrupted")
    } else {
      reportPlain("interrupted", sourceName: sourceName, line: line, start: start)
    }
  }

  /// `FILE:LINE: error: MESSAGE`, or `error: MESSAGE` outside a file.
  func reportPlain(_ message: String, sourceName: String?, line: Int, start: String = "") {
    hasFailed = true
    errors.append(Check(sourceName: sourceName, line: line, failure: message))
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
    let outcome = command.run(self, arguments)
    let isCheck = command.expectsFailure != nil
    if isCheck {
      checks.append(
        Check(
          sourceName: place.sourceName, line: place.line,
          failure: outcome == .usage ? "usage: \(command.usage)" : outcome.failure))
    }
    switch outcome {
    case .done, .quit:
      return true
    case .usage:
      fail(Diagnostic("usage: \(command.usage)", at: argumentSpan), at: place, isCheck: isCheck)
    case .failed(let message):
      fail(Diagnostic(message, at: argumentSpan), at: place, isCheck: isCheck)
    case .problem(let diagnostic):
      fail(diagnostic.shifted(by: argumentStart), at: place, isCheck: isCheck)
    case .failedAndReported:
      hasFailed = true
    }
    return false
  }

  /// Reports a command's error; one of a check is counted with the check, not as an error.
  private func fail(_ diagnostic: Diagnostic, at place: Place, isCheck: Bool = false) {
    hasFailed = true
    if !isCheck {
      errors.append(
        Check(sourceName: place.sourceName, line: place.line, failure: diagnostic.message))
    }
    let source = SourceText(name: place.sourceName, text: place.text, firstLine: place.line)
    output.error(DiagnosticRenderer.render(diagnostic, in: source, color: errorColor))
  }
}
