import Syntax

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    let input = folder + "/graph.dot"
    let picture = folder + "/graph." + format.rawValue
    let said = folder + "/stderr"
    // Killed while dot runs, csto kills dot's process group and removes these.
    let slots = [
      SignalCleanup.register(folder, folder: true), SignalCleanup.register(input),
      SignalCleanup.register(picture), SignalCleanup.register(said),
    ]
    defer {
      try? FileManager.default.removeItem(atPath: folder)
      slots.forEach(SignalCleanup.unregister)
    }
    guard FileManager.default.createFile(atPath: input, contents: Data(text.utf8)) else {
      return .failure(.dotFailed("cannot write its input in \(folder)"))
    }
    let status: Int32
    switch run(dot, ["-T" + format.rawValue, "-o", picture, input], errors: said) {
    case .success(let code): status = code
    case .failure(let problem): return .failure(problem)
    }
    guard status == 0 else {
      let message = (try? String(contentsOfFile: said, encoding: .utf8))?[...]
        .trimmingWhitespace()
      let fallback =
        status > 0 ? "exit status \(status)" : "killed by signal \(-status)"
      return .failure(.dotFailed(message.flatMap { $0.isEmpty ? nil : $0 } ?? fallback))
    }
    guard let drawn = FileManager.default.contents(atPath: picture) else {
      return .failure(.dotFailed("it wrote no picture"))
    }
    return OutputFile.write(Array(drawn), to: path).mapError(Problem.cannotWrite)
  }

  /// Runs `executable` with `arguments` in a process group of its own (so that csto, killed,
  /// can kill it and what it starts), standard input and output `/dev/null`, standard error
  /// into the file `errors`; gives back its exit status, or minus the signal that killed it.
  private static func run(_ executable: String, _ arguments: [String], errors: String)
    -> Result<Int32, Problem>
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A group of its own, no signal blocked, every signal's action the default one.
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    posix_spawnattr_setpgroup(&attributes, 0)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
    }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
    guard spawned == 0 else {
      return .failure(.dotFailed("cannot run \(executable): \(String(cString: strerror(spawned)))"))
    }
    SignalCleanup.killOnSignal(group: child)
    defer { SignalCleanup.killOnSignal(group: 0) }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 {
      guard errno == EINTR else { return .failure(.dotFailed("lost track of dot")) }
    }
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    let signal = status & 0x7F
    return .success(signal == 0 ? (status >> 8) & 0xFF : -signal)
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
