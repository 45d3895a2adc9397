import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libedit, opened with `dlopen` the first time a prompt needs it: csto does not link it, so
/// that `-c`, scripts and pipes start without mapping it and the libraries it needs (libtinfo,
/// libbsd, libmd), which cost about half a million instructions of dynamic loading a run
/// (Tests/Benchmarks/README.md, Round 5). Its functions are looked up once into a
/// `csto_libedit` table, which the wrappers of `CEditLine` call through.
struct LibEdit: @unchecked Sendable {
  // Sendable by hand: the table is written once, before `shared` is published, and only
  // read after; the library is never closed.

  /// Why libedit could not be used, in words for a message.
  struct LoadError: Error, Equatable, CustomStringConvertible {
    var description: String
  }

  /// The table of libedit's functions, for the `CEditLine` wrappers.
  let functions: UnsafePointer<csto_libedit>

  /// The libraries tried, in order: `$CSTO_LIBEDIT` alone when it is set, else the names
  /// libedit has on the systems csto builds on.
  static func candidates(environment: [String: String]) -> [String] {
    if let chosen = environment["CSTO_LIBEDIT"], !chosen.isEmpty { return [chosen] }
    #if canImport(Darwin)
      return ["libedit.3.dylib", "libedit.dylib"]
    #else
      return ["libedit.so.2", "libedit.so.0", "libedit.so"]
    #endif
  }

  /// libedit loaded from the first of `candidates` that opens and has every function csto
  /// calls, or why none did.
  static func load(candidates: [String]) -> Result<LibEdit, LoadError> {
    var reasons: [String] = []
    for name in candidates {
      guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
        reasons.append(dlerror().map { String(cString: $0) } ?? "\(name): cannot be opened")
        continue
      }
      var table = csto_libedit()
      let missing = symbols.filter { symbol, field in
        guard let address = dlsym(handle, symbol) else { return true }
        table[keyPath: field] = address
        return false
      }
      guard missing.isEmpty else {
        reasons.append("\(name) has no \(missing.map(\.name).joined(separator: ", "))")
        dlclose(handle)
        continue
      }
      let functions = UnsafeMutablePointer<csto_libedit>.allocate(capacity: 1)
      functions.initialize(to: table)
      return .success(LibEdit(functions: functions))
    }
    return .failure(LoadError(description: reasons.joined(separator: "; ")))
  }

  /// The functions csto calls, by name, and where each goes in the table.
  static var symbols:
    [(name: String, field: WritableKeyPath<csto_libedit, UnsafeMutableRawPointer?>)]
  {
    [
      ("el_init", \.el_init), ("el_end", \.el_end), ("el_gets", \.el_gets), ("el_set", \.el_set),
      ("el_get", \.el_get), ("el_resize", \.el_resize), ("el_line", \.el_line),
      ("el_insertstr", \.el_insertstr), ("el_deletestr", \.el_deletestr),
      ("history_init", \.history_init), ("history_end", \.history_end), ("history", \.history),
    ]
  }

  /// What the prompt says when libedit cannot be loaded, before it goes on without it.
  static func fallbackMessage(_ error: LoadError) -> String {
    "cannot load libedit (\(error)); reading plain lines, without history or Tab completion"
  }

  /// libedit for this process, loaded on first use.
  static let shared = load(candidates: candidates(environment: Environment.current()))
}
