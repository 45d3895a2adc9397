import Foundation

/// Drawing a DOT graph into a picture with Graphviz's `dot`, for `csto graph` and `.graph`.
/// The file's extension chooses the picture; a `.dot` file is the graph itself and needs no
/// Graphviz.
enum Graphviz {
  /// What a file name asks for.
  enum Format: String {
    case svg, png, pdf, dot
  }

  /// Why nothing was drawn.
  enum Problem: Error, Equatable {
    /// The file name's extension is none of `.svg`, `.png`, `.pdf`, `.dot`, `.gv`.
    case unknownFormat
    /// No executable `dot` on `PATH`.
    case noDot
    /// `dot` ran and failed; what it said.
    case dotFailed(String)
    /// The picture was drawn but could not be written.
    case cannotWrite(OutputFile.Problem)

    /// The message, naming the command that needed Graphviz (`csto graph`, `.graph`).
    func message(command: String) -> String {
      switch self {
      case .unknownFormat: "\(command) needs -o FILE (.svg, .png, .pdf or .dot)"
      case .noDot: "\(command) needs Graphviz's dot: apt-get install graphviz"
      case .dotFailed(let said): "dot failed: \(said)"
      case .cannotWrite(let problem): problem.description
      }
    }

    /// 1 when `dot` failed; 2 for everything that is a matter of usage or of files.
    var exitStatus: Int32 {
      if case .dotFailed = self { return 1 }
      return 2
    }
  }

  /// The format a file name asks for, by its extension (`.gv` is DOT); nil for any other.
  static func format(of path: String) -> Format? {
    let name = path.split(separator: "/").last.map(String.init) ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let suffix = name[name.index(after: dot)...].lowercased()
    return suffix == "gv" ? .dot : Format(rawValue: suffix)
  }

  /// The first executable `dot` in the folders of `searchPath` (a `PATH` value).
  static func findDot(searchPath: String?) -> String? {
    for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
      let candidate = String(folder) + "/dot"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Draws `text`, a DOT graph, into the file at `path`: written as it is for `.dot`, else run
  /// through `dot` (found on `PATH`) in a folder of its own, the picture then written whole.
  static func draw(_ text: String, to path: String) -> Result<Void, Problem> {
    guard let format = format(of: path) else { return .failure(.unknownFormat) }
    guard format != .dot else {
      return OutputFile.write(Array(text.utf8), to: path).mapError(Problem.cannotWrite)
    }
    let searchPath = ProcessInfo.processInfo.environment["PATH"]
    guard let dot = findDot(searchPath: searchPath) else { return .failure(.noDot) }
    guard let folder = temporaryFolder() else {
      return .failure(
        .dotFailed("cannot make a folder for its files: \(String(cString: strerror(errno)))"))
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/graph.dot"
    let picture = folder + "/graph." + format.rawValue
    let said = folder + "/stderr"
    guard FileManager.default.createFile(atPath: input, contents: Data(text.utf8)),
      FileManager.default.createFile(atPath: said, contents: nil),
      let errors = FileHandle(forWritingAtPath: said)
    else { return .failure(.dotFailed("cannot write its input in \(folder)")) }
    defer { try? errors.close() }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: dot)
    process.arguments = ["-T" + format.rawValue, "-o", picture, input]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failure(.dotFailed("cannot run \(dot): \(error.localizedDescription)"))
    }
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let message = (try? String(contentsOfFile: said, encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines)
      let fallback =
        process.terminationReason == .exit
        ? "exit status \(process.terminationStatus)"
        : "killed by signal \(process.terminationStatus)"
      return .failure(.dotFailed(message.flatMap { $0.isEmpty ? nil : $0 } ?? fallback))
    }
    guard let drawn = FileManager.default.contents(atPath: picture) else {
      return .failure(.dotFailed("it wrote no picture"))
    }
    return OutputFile.write(Array(drawn), to: path).mapError(Problem.cannotWrite)
  }

  /// A new folder, readable by its owner only, in `$TMPDIR` or `/tmp`; nil with errno set.
  private static func temporaryFolder() -> String? {
    let base = FileManager.default.temporaryDirectory.path
    var template = Array((base + "/csto-graph-XXXXXX").utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      return nil
    }
    return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
