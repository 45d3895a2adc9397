import ArticleQuery

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl-C while csto works. The signal handler only sets `flag`, which the evaluator watches;
/// the shell then reports the query as interrupted.
///
/// At the prompt the terminal sends no signal while a line is edited (the line editor takes
/// ^C as a key), so a signal means a query or a command is running: it is stopped and the
/// prompt comes back; ^C never ends the shell. In a script, as in sqlite3, the first ^C stops
/// the query and the script, and csto exits with status 1; a second one before that happens
/// ends csto at once, as the signal does by default.
enum Interrupt {
  /// Set by the handler; read by the evaluator and the shell.
  static let flag = Cancellation()

  /// SIGTERM or SIGHUP received at the prompt, or 0: the line editor then gives back the end
  /// of input, so that a half-typed query is kept in the history as on Ctrl-D, and csto then
  /// dies of the signal (`endIfSignalled`).
  nonisolated(unsafe) static var endingSignal: Int32 = 0

  /// Installs the handlers for the prompt: every ^C sets the flag, none ends csto; SIGTERM
  /// and SIGHUP set `endingSignal`, and interrupt the read (no `SA_RESTART`).
  static func installForPrompt() {
    _ = flag.isCancelled
    signal(SIGINT) { _ in Interrupt.flag.cancel() }
    for number in [SIGTERM, SIGHUP] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in Interrupt.endingSignal = number }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(number, &action, nil)
    }
  }

  /// Dies of the signal that ended the prompt, if one did, as its default action would.
  static func endIfSignalled() {
    let number = endingSignal
    guard number != 0 else { return }
    signal(number, SIG_DFL)
    raise(number)
  }

  /// Installs the handler for scripts and `-c`: the first ^C sets the flag, a second one
  /// while it is set ends csto as the default action does. When csto started with the
  /// signal ignored, as a shell starts `csto script &`, it stays ignored.
  static func installForScripts() {
    _ = flag.isCancelled
    let previous = signal(SIGINT) { number in
      guard Interrupt.flag.isCancelled else {
        Interrupt.flag.cancel()
        return
      }
      signal(number, SIG_DFL)
      raise(number)
    }
    if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
      signal(SIGINT, SIG_IGN)
    }
  }
}
