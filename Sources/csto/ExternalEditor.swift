import Glibc

/// The user's editor (`$VISUAL`, else `$EDITOR`, else `vi`), for `.edit` and Ctrl-X Ctrl-E: a
/// query goes into a file of its own, the editor opens it, and what is saved comes back.
struct ExternalEditor {
  /// Why nothing came back, worded for a message.
  struct Problem: Error, Equatable, CustomStringConvertible {
    let description: String
  }

  /// The command, run with `/bin/sh -c` and the file's path as `$1`.
  let command: String

  /// The editor the environment names.
  static func from(environment: [String: String]) -> ExternalEditor {
    for name in ["VISUAL", "EDITOR"] {
      if let command = environment[name], !command.trimmed.isEmpty {
        return ExternalEditor(command: command)
      }
    }
    return ExternalEditor(command: "vi")
  }

  /// Opens `text` in the editor and gives back the file as it was saved. An editor that cannot
  /// start, or ends with an error, gives a problem: nothing is to run.
  func edit(_ text: String) -> Result<String, Problem> {
    let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    var template = Array(((folder ?? "/tmp") + "/csto-edit-XXXXXX.csto").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
    guard descriptor >= 0 else {
      return .failure(Problem(description: "cannot make a file to edit: \(Self.reason(errno))"))
    }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    let failure = FilePath.writeAll(Array(body.utf8)[...], to: descriptor)
    close(descriptor)
    guard failure == 0 else {
      return .failure(Problem(description: "cannot write \(path): \(Self.reason(failure))"))
    }
    guard let pid = Subprocess.start(command + " \"$1\"", arguments: [path]) else {
      return .failure(Problem(description: "cannot start the editor '\(command)'"))
    }
    switch Subprocess.wait(pid) {
    case 0?:
      break
    case let status?:
      return .failure(
        Problem(description: "the editor '\(command)' exited with status \(status); nothing run"))
    case nil:
      return .failure(Problem(description: "the editor '\(command)' was killed; nothing run"))
    }
    switch ScriptFile.read(path) {
    case .success(let saved): return .success(saved)
    case .failure(let problem): return .failure(Problem(description: problem.description))
    }
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
