#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program running on a pseudo-terminal, driven the way a person at the keyboard drives
/// it: wait for the program to read keys, type, then wait for text to show on the screen.
final class PseudoTerminal {
  /// Text that did not show in time, with what the screen had shown by then.
  struct Timeout: Error, CustomStringConvertible {
    let waitingFor: String
    let transcript: String
    var description: String {
      "timed out waiting for \(waitingFor.debugDescription); the screen showed:\n\(transcript)"
    }
  }

  let pid: pid_t
  private let master: Int32
  private var bytes: [UInt8] = []
  private var consumed = 0
  private var status: Int32?

  /// Starts `executable` with `arguments` on a new pseudo-terminal of `columns` × `rows`, with
  /// exactly `environment`, in `folder` (nil: this process's).
  init(
    executable: String, arguments: [String], environment: [String: String],
    columns: UInt16 = 100, rows: UInt16 = 30, in folder: String? = nil
  ) throws {
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let directory = folder.flatMap { strdup($0) }
    defer {
      for pointer in argv + envp + [directory] { free(pointer) }
    }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    var descriptor: Int32 = -1
    let child = forkpty(&descriptor, nil, nil, &size)
    if child == 0 {
      // As a shell starts a program: no signal blocked, ^C's default. The test runner's
      // threads block SIGINT, and a child would inherit that.
      var none = sigset_t()
      sigemptyset(&none)
      sigprocmask(SIG_SETMASK, &none, nil)
      signal(SIGINT, SIG_DFL)
      if let directory, chdir(directory) != 0 { _exit(126) }
      execve(executable, argv, envp)
      _exit(127)
    }
    guard child > 0 else { throw Timeout(waitingFor: "forkpty", transcript: "") }
    pid = child
    master = descriptor
  }

  deinit {
    if status == nil {
      kill(pid, SIGKILL)
      var ignored: Int32 = 0
      waitpid(pid, &ignored, 0)
    }
    close(master)
  }

  /// Everything shown so far, without escape sequences and carriage returns.
  var transcript: String { Self.plainText(bytes) }

  /// Whether anything shown so far set a colour or a text style (an SGR escape sequence).
  var showedColor: Bool {
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") {
        var end = index + 2
        while end < bytes.count,
          bytes[end] == UInt8(ascii: ";")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end])
        {
          end += 1
        }
        if end < bytes.count, end > index + 2, bytes[end] == UInt8(ascii: "m") { return true }
      }
      index += 1
    }
    return false
  }

  /// Types bytes that need not be UTF-8, as a terminal may send them.
  func type(bytes keys: [UInt8]) {
    var remaining = keys
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      remaining.removeFirst(written)
    }
  }

  /// Waits for the program to end and gives back the signal that killed it; nil when it
  /// exited, or still runs after `timeout`.
  func waitForSignal(timeout: Duration = .seconds(20)) -> Int32? {
    _ = waitForExit(timeout: timeout)
    guard let status, status & 0x7f != 0 else { return nil }
    return status & 0x7f
  }

  /// Types `keys` (`"\r"` is Enter, `"\u{03}"` Ctrl-C, `"\u{04}"` Ctrl-D, `"\t"` Tab).
  func type(_ keys: String) {
    var remaining = Array(keys.utf8)
    while !remaining.isEmpty {
      let written = remaining.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      remaining.removeFirst(written)
    }
  }

  /// Waits until the line editor reads keys one by one (the terminal has left canonical
  /// mode): keys typed before that would be handled by the terminal, not by the editor.
  func waitForLineEditor(timeout: Duration = .seconds(20)) throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      var settings = termios()
      if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return }
      drain(waitingAtMost: 10)
    }
    throw Timeout(waitingFor: "the line editor", transcript: transcript)
  }

  /// Waits until the line editor has given the terminal back (canonical mode again): the line
  /// was entered and the program is working on it, and ^C now sends it SIGINT.
  func waitForWork(timeout: Duration = .seconds(20)) throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      var settings = termios()
      if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 { return }
      drain(waitingAtMost: 10)
    }
    throw Timeout(waitingFor: "the line to be entered", transcript: transcript)
  }

  /// Waits until the program has used `cpu` of processor time since the call, reading what it
  /// shows meanwhile: proof that it is computing (an evaluation), not waiting for keys.
  /// Throws when `sign` shows first, which means the work ended before the wait did.
  func waitForComputing(
    _ cpu: Duration, failingIf sign: String, timeout: Duration = .seconds(20)
  ) throws {
    let start = processorTime()
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      drain(waitingAtMost: 10)
      if unmatched.contains(sign) {
        throw Timeout(waitingFor: "work still running (it ended already)", transcript: transcript)
      }
      if processorTime() - start >= cpu { return }
    }
    throw Timeout(waitingFor: "\(cpu) of processor time", transcript: transcript)
  }

  /// The program's user and system time so far, from `/proc/PID/stat`.
  private func processorTime() -> Duration {
    guard let file = fopen("/proc/\(pid)/stat", "r") else { return .zero }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 1024)
    guard fgets(&buffer, Int32(buffer.count), file) != nil else { return .zero }
    let line = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // Fields after the parenthesised command name: state is field 3; utime 14, stime 15.
    guard let close = line.lastIndex(of: ")") else { return .zero }
    let fields = line[line.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
      return .zero
    }
    let ticks = sysconf(Int32(_SC_CLK_TCK))
    return .milliseconds((user + system) * 1000 / max(ticks, 1))
  }

  /// Resizes the terminal as a window manager does: the new size on the master side, then
  /// SIGWINCH to the program.
  func resize(columns: UInt16, rows: UInt16) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    kill(pid, SIGWINCH)
  }

  /// Lets `duration` pass while reading what the program shows.
  func pause(_ duration: Duration) {
    let deadline = ContinuousClock.now + duration
    while ContinuousClock.now < deadline { drain(waitingAtMost: 10) }
  }

  /// What showed after the last text `expect` matched.
  var unmatched: String {
    String(decoding: Array(transcript.utf8).dropFirst(consumed), as: UTF8.self)
  }

  /// Waits until `text` shows after what earlier calls matched, then moves past it.
  func expect(_ text: String, timeout: Duration = .seconds(20)) throws {
    let deadline = ContinuousClock.now + timeout
    while true {
      let shown = Array(transcript.utf8)
      if let match = Self.find(Array(text.utf8), in: shown, from: consumed) {
        consumed = match
        return
      }
      guard ContinuousClock.now < deadline, status == nil else {
        throw Timeout(waitingFor: text, transcript: transcript)
      }
      drain(waitingAtMost: 50)
    }
  }

  /// Waits for the program to end and gives its exit status (nil when it was killed by a
  /// signal or did not end in time).
  func waitForExit(timeout: Duration = .seconds(20)) -> Int32? {
    let deadline = ContinuousClock.now + timeout
    while status == nil, ContinuousClock.now < deadline {
      drain(waitingAtMost: 20)
      var raw: Int32 = 0
      if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
    }
    guard let status, status & 0x7f == 0 else { return nil }
    return (status >> 8) & 0xff
  }

  private func drain(waitingAtMost milliseconds: Int32) {
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, milliseconds) > 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
    if count > 0 {
      bytes += buffer[..<count]
    } else {
      usleep(UInt32(milliseconds) * 1000)
    }
  }

  /// The offset just past the first occurrence of `needle` in `haystack` at or after `start`.
  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
      if haystack[index..<index + needle.count].elementsEqual(needle) {
        return index + needle.count
      }
      index += 1
    }
    return nil
  }

  /// `bytes` without ANSI escape sequences, carriage returns and bells.
  static func plainText(_ bytes: [UInt8]) -> String {
    var plain: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B, index + 1 < bytes.count {
        index += 1
        if bytes[index] == UInt8(ascii: "[") {
          index += 1
          while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
        } else if bytes[index] == UInt8(ascii: "]") {
          while index < bytes.count, bytes[index] != 0x07 { index += 1 }
        }
        index += 1
        continue
      }
      if byte != UInt8(ascii: "\r"), byte != 0x07 { plain.append(byte) }
      index += 1
    }
    return String(decoding: plain, as: UTF8.self)
  }
}
