import Glibc

/// Programs the user names in the environment (a pager, an editor), started through
/// `/bin/sh` as other shells start them, on csto's own terminal.
enum Subprocess {
  /// Starts `/bin/sh -c COMMAND sh ARGUMENTS...`, with standard input from `input` (nil: csto's
  /// own) and the signals csto changes back to their defaults; nil when it cannot start.
  static func start(_ command: String, arguments: [String] = [], input: Int32? = nil) -> pid_t? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input { posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let argv = (["sh", "-c", command, "sh"] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ) == 0 else {
      return nil
    }
    return pid
  }

  /// Waits for the program to end; its exit status, or nil when a signal ended it.
  static func wait(_ pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    guard status & 0x7f == 0 else { return nil }
    return (status >> 8) & 0xff
  }

  /// Whether an executable `name` is in one of the folders of `searchPath` (a `PATH` value).
  static func isOnPath(_ name: String, searchPath: String?) -> Bool {
    (searchPath ?? "").split(separator: ":").contains { folder in
      access(String(folder) + "/" + name, X_OK) == 0
    }
  }
}
