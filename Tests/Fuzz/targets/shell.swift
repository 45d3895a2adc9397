import ArticleModel
import ArticleQuery

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shell input lines through the script machinery: dot-commands, `.expect`, `.read`,
/// `.graph`, multi-line queries, settings. Compiled together with Sources/csto (all but its
/// `@main` file), so it drives the real `Shell`. Answers and messages go to /dev/null, there
/// is no terminal, and files live in memory: no input may touch the disk, end the process,
/// crash it, hang it, or make the sanitizer report.
nonisolated(unsafe) private var engine: QueryEngine? = nil
nonisolated(unsafe) private var devNull: Int32 = -1

/// Scripts `.read` can find, and what `.graph FILE.dot`, `.output` and `.once` wrote; nothing
/// on the disk.
private final class MemoryFiles {
  var scripts: [String: String] = [
    "self.csto": "count members\n.read self.csto\n",
    "a.csto": "members where criticized russia\n.expect Tajikistan\n",
    "open.csto": "members where (criticized\n",
    "error.csto": "memberz\n.expect error\n",
  ]

  var files: ShellFiles {
    ShellFiles(
      readScript: { path in
        guard let text = self.scripts[path] else {
          return .failure(ScriptFile.Problem(description: "cannot read \(path): no such file"))
        }
        return .success(text)
      },
      drawGraph: { text, path in
        switch Graphviz.format(of: path) {
        case nil: return .failure(.unknownFormat)
        case .dot?:
          if self.scripts.count < 64, text.utf8.count < 1 << 20 { self.scripts[path] = text }
          return .success(())
        case .some: return .failure(.noDot)
        }
      },
      writeOutput: { bytes, path in
        if self.scripts.count < 64, bytes.count < 1 << 20 {
          self.scripts[path] = String(decoding: bytes, as: UTF8.self)
        }
        return .success(())
      })
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  if engine == nil { engine = try? QueryEngine() }
  if devNull < 0 { devNull = open("/dev/null", O_WRONLY | O_CLOEXEC) }
  guard let engine, devNull >= 0 else { return 0 }
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let text = String(decoding: bytes, as: UTF8.self)
  let memory = MemoryFiles()
  let shell = Shell(
    engine: engine, output: Output(answers: devNull, messages: devNull),
    settings: Shell.Settings(), keepGoing: count % 2 == 0, outputColor: count % 3 == 0,
    errorColor: count % 5 == 0, fallbackWidth: 20 + count % 100, files: memory.files)
  var lines = TextLines(text)
  let succeeded = shell.runScript(&lines, sourceName: "fuzz.csto")
  precondition(succeeded == !shell.hasFailed, "the script's result and the exit status disagree")
  return 0
}
