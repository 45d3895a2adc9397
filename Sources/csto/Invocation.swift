import ArticleModel
import ArticleQuery

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of csto as the command line asked for it: which model, which queries and
/// scripts, or the prompt. Gives back the exit status.
struct Invocation {
  let queries: [String]
  let files: [String]
  let format: OutputFormat
  let modelFile: String?
  let keepGoing: Bool
  let runsInitFile: Bool
  let usesCache: Bool

  private let output = Output()

  /// The run the command line asks for.
  init(_ arguments: PlainArguments) {
    queries = arguments.queries
    files = arguments.files
    format = arguments.format
    modelFile = arguments.modelFile
    keepGoing = arguments.keepGoing
    runsInitFile = arguments.runsInitFile
    usesCache = arguments.usesCache
  }

  /// Loads the model, then runs `-c` queries and files, or the prompt, or standard input as
  /// a script, and exits: 0 on success, 1 on a query or script error, 2 for an unreadable
  /// file or model. The process ends with the model still in memory: taking a large model
  /// apart object by object only to exit costs time (most of a second at a million facts).
  func run(environment: [String: String]) -> Never {
    let cache =
      usesCache
      ? SnapshotCache.folder(environment: environment).map {
        SnapshotCache(
          folder: $0, build: BuildIdentity.current, sections: QueryEngine.snapshotSections(of:))
      } : nil
    guard let engine = Self.engine(modelFile: modelFile, output: output, cache: cache) else {
      exit(2)
    }
    let status = run(engine, environment: environment)
    withExtendedLifetime(engine) { exit(status) }
  }

  private func run(_ engine: QueryEngine, environment: [String: String]) -> Int32 {
    var scripts: [(name: String, text: String?)] = []
    for file in files {
      guard file != "-" else {
        scripts.append((name: "<stdin>", text: nil))
        continue
      }
      switch ScriptFile.read(file) {
      case .success(let text): scripts.append((name: file, text: text))
      case .failure(let problem):
        output.error("csto: \(problem)")
        return 2
      }
    }
    let shell = Shell(
      engine: engine, output: output, settings: Shell.Settings(format: format),
      keepGoing: keepGoing,
      outputColor: Terminal.allowsColor(STDOUT_FILENO, environment: environment),
      errorColor: Terminal.allowsColor(STDERR_FILENO, environment: environment),
      fallbackWidth: Terminal.outputWidth(of: STDOUT_FILENO, environment: environment),
      interruption: Interrupt.flag)
    // The pager is used only when standard input is a terminal (`Shell.show`); looking for
    // `less` on the PATH otherwise cost a one-shot query 0.12M instructions.
    shell.pager = Terminal.isTerminal(STDIN_FILENO) ? Pager.from(environment: environment) : nil
    shell.editor = ExternalEditor.from(environment: environment)
    let status = run(shell, scripts: scripts, environment: environment)
    // The file of an `.output` still under way is written now; failing to is an error.
    return shell.finish() ? status : 1
  }

  private func run(
    _ shell: Shell, scripts: [(name: String, text: String?)], environment: [String: String]
  ) -> Int32 {
    if queries.isEmpty && files.isEmpty && Terminal.isTerminal(STDIN_FILENO) {
      runPrompt(shell, environment: environment)
      return 0
    }
    Interrupt.installForScripts()
    if queries.isEmpty && files.isEmpty {
      var lines = StandardInputLines()
      _ = shell.runScript(&lines, sourceName: "<stdin>")
      if let problem = lines.problem {
        output.error("csto: \(problem)")
        return 2
      }
      return shell.hasFailed ? 1 : 0
    }
    for query in queries {
      var lines = TextLines(query)
      guard shell.runScript(&lines, sourceName: nil) || keepGoing, !shell.isQuitting,
        !shell.isInterrupted
      else {
        return shell.hasFailed ? 1 : 0
      }
    }
    for script in scripts {
      let succeeded: Bool
      if let text = script.text {
        var lines = TextLines(text)
        shell.reading = [FilePath.resolved(script.name)]
        succeeded = shell.runScript(&lines, sourceName: script.name)
        shell.reading = []
      } else {
        var lines = StandardInputLines()
        succeeded = shell.runScript(&lines, sourceName: script.name)
        if let problem = lines.problem {
          output.error("csto: \(problem)")
          return 2
        }
      }
      guard succeeded || keepGoing, !shell.isQuitting, !shell.isInterrupted else { break }
    }
    return shell.hasFailed ? 1 : 0
  }

  /// The model file's engine, through `cache` when there is one, or the bundled model's; nil
  /// after printing why the file cannot be used. A compiled snapshot given as the model file
  /// is read as one.
  static func engine(modelFile: String?, output: Output, cache: SnapshotCache?) -> QueryEngine? {
    do {
      guard let modelFile else { return try QueryEngine() }
      if let cache { return try QueryEngine(model: cache.load(file: modelFile).model) }
      if let model = try SnapshotCache.compiledModel(
        at: modelFile, build: BuildIdentity.current)
      {
        return try QueryEngine(model: model)
      }
      return try QueryEngine(modelFile: modelFile)
    } catch let error as ModelError {
      output.error(error.rendered())
    } catch let error as EngineError {
      output.error(error.rendered())
    } catch {
      output.error("csto: \(error)")
    }
    return nil
  }

  /// The prompt: banner, history, start-up file, then lines until Ctrl-D or `.quit`. ^C
  /// never ends it: the editor takes the key while a line is edited, and while a query runs
  /// it stops the query (`Interrupt`).
  private func runPrompt(_ shell: Shell, environment: [String: String]) {
    Interrupt.installForPrompt()
    output.line(shell.banner)
    let editor: any LineReader
    do {
      editor = try LineEditor(
        historyFile: HistoryFile.location(environment: environment),
        completer: { [unowned shell] text in shell.completions(before: text) },
        warn: { [output] message in output.error(message) })
    } catch {
      output.error("csto: \(LibEdit.fallbackMessage(error))")
      editor = PlainLineReader()
    }
    if runsInitFile, let path = Self.initFile(environment: environment), ScriptFile.exists(path) {
      switch ScriptFile.read(path) {
      case .success(let text):
        var lines = TextLines(text)
        _ = shell.runScript(&lines, sourceName: path)
      case .failure(let problem):
        output.error("csto: \(problem)")
      }
    }
    shell.runInteractive(editor: editor)
    Interrupt.endIfSignalled()
  }

  /// `$XDG_CONFIG_HOME/csto/init.csto`, else `~/.config/csto/init.csto`.
  static func initFile(environment: [String: String]) -> String? {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/csto/init.csto"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.config/csto/init.csto"
    }
    return nil
  }
}
