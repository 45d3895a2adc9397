import ArticleQuery

/// The common command lines read without swift-argument-parser, whose start-up (looking
/// protocol conformances up at run time to see whether a completion script is asked for)
/// costs more than answering a query on the article: `-c QUERY`, `--format F`, `--model
/// FILE`, `--keep-going`, `--no-init`, `--no-cache` and script files. Anything else (help,
/// version, a value that looks like an option, `--name=value`, a repeated single option, a
/// bad format, a subcommand) is left to swift-argument-parser, so that its help, its errors
/// and their exit statuses stay the only ones.
struct PlainArguments: Equatable {
  var queries: [String] = []
  var files: [String] = []
  var format: OutputFormat = .table
  var modelFile: String?
  var keepGoing = false
  var runsInitFile = true
  var usesCache = true

  /// The arguments read, or nil when swift-argument-parser must read them.
  init?(_ arguments: [String]) {
    var seen: Set<String> = []
    var index = arguments.startIndex
    /// The value after an option: nil when there is none or it could be an option itself.
    func value(after option: Int) -> String? {
      let next = option + 1
      guard next < arguments.endIndex, !arguments[next].hasPrefix("-") else { return nil }
      return arguments[next]
    }
    while index < arguments.endIndex {
      let argument = arguments[index]
      switch argument {
      case "-c":
        guard let query = value(after: index) else { return nil }
        queries.append(query)
        index += 1
      case "--format":
        guard seen.insert(argument).inserted, let spelling = value(after: index),
          let format = OutputFormat(rawValue: spelling.lowercased())
        else { return nil }
        self.format = format
        index += 1
      case "--model":
        guard seen.insert(argument).inserted, let file = value(after: index) else { return nil }
        modelFile = file
        index += 1
      case "--keep-going":
        guard seen.insert(argument).inserted else { return nil }
        keepGoing = true
      case "--no-init":
        guard seen.insert(argument).inserted else { return nil }
        runsInitFile = false
      case "--no-cache":
        guard seen.insert(argument).inserted else { return nil }
        usesCache = false
      default:
        guard !argument.hasPrefix("-"), !Self.reservedWords.contains(argument) else { return nil }
        files.append(argument)
      }
      index += 1
    }
  }

  /// The queries, files and settings as given, for the fallback's result to be compared with.
  init(
    queries: [String], files: [String], format: OutputFormat, modelFile: String?,
    keepGoing: Bool, runsInitFile: Bool, usesCache: Bool
  ) {
    self.queries = queries
    self.files = files
    self.format = format
    self.modelFile = modelFile
    self.keepGoing = keepGoing
    self.runsInitFile = runsInitFile
    self.usesCache = usesCache
  }

  /// Words swift-argument-parser may read as something other than a file (its help command).
  static let reservedWords: Set<String> = ["help"]
}
