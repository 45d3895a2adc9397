import ArgumentParser
import ArticleModel
import Glibc

/// `csto compile MODEL -o FILE`: checks a model file and writes its snapshot, which
/// `--model FILE` then loads without parsing (`Grammar/snapshot.md`).
struct CompileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "Check a model file and write its compiled snapshot.",
    usage: "csto compile <model> -o <file>",
    discussion: """
      The snapshot loads with --model FILE without parsing or checking, but only in the same \
      build of csto. --model on a model file keeps such a snapshot in $XDG_CACHE_HOME/csto \
      (else ~/.cache/csto) by itself; --no-cache turns that off. Exit status: 0 success, 2 an \
      unreadable or wrong model, or a FILE that cannot be written.
      """)

  @Argument(help: ArgumentHelp("The model file to compile.", valueName: "model"))
  var model: String

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("Where to write the snapshot.", valueName: "file"))
  var output: String

  /// Compiles the model; gives back the exit status.
  func execute() -> Int32 {
    let out = Output()
    guard let engine = Invocation.engine(modelFile: model, output: out, cache: nil) else {
      return 2
    }
    let sources =
      SnapshotCache.absolutePath(model).flatMap {
        SnapshotCache.sources(of: engine.model, modelPath: $0)
      } ?? []
    let bytes = ModelSnapshot(build: BuildIdentity.current, sources: sources)
      .encode(engine.model, sections: engine.snapshotSections)
    if case .failure(let problem) = OutputFile.write(bytes, to: output) {
      out.error("csto: \(problem)")
      return 2
    }
    return 0
  }
}

/// Which csto this is, as snapshots record it: the version, the snapshot format, and the
/// executable's size and modification time, so that a rebuilt csto never reads a snapshot
/// whose layout its model types may no longer match.
enum BuildIdentity {
  static let current: String = {
    var status = stat()
    let executable =
      stat("/proc/self/exe", &status) == 0
      ? " \(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)" : ""
    return "\(Csto.version) format \(ModelSnapshot.formatVersion)\(executable)"
  }()
}
