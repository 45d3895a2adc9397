import Glibc

/// What to undo when csto is killed by SIGINT, SIGTERM or SIGHUP while it writes a file or
/// runs Graphviz: temporary files to remove (an export's half-written file, `dot`'s folder)
/// and a child process group to kill. The handler does only async-signal-safe things
/// (`unlink`, `rmdir`, `kill`), then dies of the signal as it would have.
///
/// Registration is for the main thread only; the handler reads preallocated storage.
enum SignalCleanup {
  /// How many paths may be registered at once.
  private static let capacity = 8
  private nonisolated(unsafe) static let paths = {
    let storage = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    storage.initialize(repeating: nil, count: capacity)
    return storage
  }()
  /// Whether each registered path is a folder (removed with `rmdir` after the files).
  private nonisolated(unsafe) static let isFolder = {
    let storage = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
    storage.initialize(repeating: false, count: capacity)
    return storage
  }()
  /// The process group of a child to kill, or 0.
  private nonisolated(unsafe) static var childGroup: pid_t = 0
  private nonisolated(unsafe) static var installed = false

  /// The signals that end csto and so need the cleanup.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Removes `path` (a file, or an empty folder when `folder`) if csto is killed before
  /// `unregister` is called with the slot given back; nil when every slot is taken.
  @discardableResult
  static func register(_ path: String, folder: Bool = false) -> Int? {
    install()
    for slot in 0..<capacity where paths[slot] == nil {
      isFolder[slot] = folder
      paths[slot] = strdup(path)
      return slot
    }
    return nil
  }

  /// Forgets a path registered in `slot`.
  static func unregister(_ slot: Int?) {
    guard let slot, let path = paths[slot] else { return }
    paths[slot] = nil
    free(path)
  }

  /// Kills the process group `group` (a child started in a group of its own) if csto is
  /// killed; 0 forgets it.
  static func killOnSignal(group: pid_t) {
    install()
    childGroup = group
  }

  /// Installs the handler for the signals whose action is the default one (an ignored or
  /// handled SIGINT, at the prompt or in a script, keeps its own meaning).
  private static func install() {
    guard !installed else { return }
    installed = true
    // A parent may have started csto with these signals blocked; they must reach it.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for number in signals { sigaddset(&unblocked, number) }
    sigprocmask(SIG_UNBLOCK, &unblocked, nil)
    for number in signals {
      let old = signal(number, SIG_DFL)
      if unsafeBitCast(old, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self) {
        signal(number) { number in SignalCleanup.clean(dyingOf: number) }
      } else {
        signal(number, old)
      }
    }
  }

  /// Runs in the handler: kills the child group, removes the files then the folders, and
  /// dies of `number`.
  private static func clean(dyingOf number: Int32) {
    if childGroup > 0 { kill(-childGroup, SIGKILL) }
    for pass in [false, true] {
      for slot in 0..<capacity where isFolder[slot] == pass {
        guard let path = paths[slot] else { continue }
        if pass { rmdir(path) } else { unlink(path) }
      }
    }
    signal(number, SIG_DFL)
    raise(number)
  }
}
