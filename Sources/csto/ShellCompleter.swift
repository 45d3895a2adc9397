import ArticleQuery

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What Tab offers at the prompt: dot-commands, and their arguments as each command's
/// completion hook has them (`DotCommand.complete`), here; the query language's words as the
/// engine sees them at the cursor.
struct ShellCompleter {
  /// How many characters before the cursor the candidates replace, and the candidates.
  typealias Completion = (replacing: Int, candidates: [String])

  let engine: QueryEngine

  /// For the text before the cursor (after the lines of a query still open, if any): how many
  /// characters before the cursor the candidates replace, and the candidates, sorted.
  func complete(before text: String, openStatement: String?) -> Completion? {
    if openStatement == nil, case .command = ShellInput.classify(text) {
      return completeCommand(text.drop { $0 == " " || $0 == "\t" })
    }
    let whole = openStatement.map { $0 + "\n" + text } ?? text
    let completions = engine.completions(in: whole, cursor: whole.count)
    let start = min(max(0, completions.start), whole.count)
    let word = String(whole.dropFirst(start))
    return offer(completions.candidates, for: word)
  }

  private func completeCommand(_ text: Substring) -> Completion? {
    guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
      return offer(DotCommand.all.map { "." + $0.name }, for: String(text))
    }
    let name = String(text[text.index(after: text.startIndex)..<space])
    let arguments = String(text[space...].drop { $0 == " " || $0 == "\t" })
    return DotCommand.find(name).command?.complete(arguments, self)
  }

  /// The candidates that start with `word`, ignoring case, each once and sorted.
  func offer(_ candidates: [String], for word: String) -> Completion? {
    let lowered = word.lowercased()
    var seen: Set<String> = []
    let fitting = candidates.filter {
      $0.lowercased().hasPrefix(lowered) && seen.insert($0.lowercased()).inserted
    }
    return fitting.isEmpty ? nil : (word.count, fitting.sorted())
  }

  /// Files and folders (with a trailing `/`) whose path starts with `prefix` and that
  /// `keeping` keeps; hidden ones only when the name typed so far starts with a dot.
  static func paths(startingWith prefix: String, keeping: (String) -> Bool = { _ in true })
    -> [String]
  {
    let slash = prefix.lastIndex(of: "/")
    let folder = slash.map { String(prefix[...$0]) } ?? ""
    let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return [] }
    defer { closedir(directory) }
    var paths: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != ".", name != "..", name.hasPrefix(namePrefix) else { continue }
      guard !name.hasPrefix(".") || namePrefix.hasPrefix(".") else { continue }
      var info = stat()
      let isFolder = stat(folder + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
      let path = folder + name + (isFolder ? "/" : "")
      if keeping(path) { paths.append(path) }
    }
    return paths.sorted()
  }
}
