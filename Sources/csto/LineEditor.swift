import CEditLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Owns one libedit editor and its history. The rest of the shell sees `readLine(prompt:)`,
/// `addHistory(_:)` and a completion hook; everything libedit-specific stays in this file.
///
/// Only made when standard input is a terminal: libedit is never initialised otherwise, nor
/// even loaded (`LibEdit`).
final class LineEditor: LineReader {
  /// What one call to `readLine(prompt:)` gave back.
  enum Input: Equatable {
    /// A line, without its line break.
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or standard input closed.
    case end
    /// Ctrl-X Ctrl-E: the line as it stood, to be edited in the user's editor.
    case edit(String)
  }

  /// Given the text before the cursor, gives the number of characters before the cursor that
  /// the candidates replace, and the candidates; nil when nothing fits.
  typealias Completer = (String) -> (replacing: Int, candidates: [String])?

  private let libedit: UnsafePointer<csto_libedit>
  private let editor: OpaquePointer
  private let history: OpaquePointer
  private var historyFile: HistoryFile?
  /// About how many entries the history file holds, as the last append said; nil before.
  private var entriesInFile: Int?
  /// Whether trimming the history file has been reported (once a session).
  private var trimReported = false
  private var prompt: UnsafeMutablePointer<CChar>
  private var abandoned = false
  /// The line as it stood when Ctrl-X Ctrl-E asked for the editor.
  private var toEdit: String?
  private let completer: Completer
  private let warn: (String) -> Void
  /// A byte read after a UTF-8 sequence it cut short, to be read again as the next one's start.
  private var heldByte: UInt8?

  /// Sets up libedit on standard input and output with emacs key bindings, Tab bound to
  /// `completer`, ^C bound to abandoning the line, ^R to searching the history as one types,
  /// ^X^E to handing the line to the user's editor, and the history loaded from `historyFile`
  /// (nil: history kept for this session only). Problems with the history file go to `warn`.
  /// Fails when libedit cannot be loaded (`LibEdit.shared`).
  init(historyFile: HistoryFile?, completer: @escaping Completer, warn: @escaping (String) -> Void)
    throws(LibEdit.LoadError)
  {
    let lib = try LibEdit.shared.get().functions
    // libedit decodes keys by the locale; under LC_ALL=C it would drop every non-ASCII byte
    // (pelosi’s read as pelosis). csto's input is UTF-8 whatever the locale says.
    if let set = setlocale(LC_CTYPE, ""), !String(cString: set).lowercased().contains("utf") {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    self.libedit = lib
    editor = csto_el_init(lib, "csto")
    history = csto_history_init(lib)
    prompt = strdup("")
    self.historyFile = historyFile
    self.completer = completer
    self.warn = warn

    csto_history_setsize(lib, history, Int32(historyFile?.limit ?? HistoryFile.defaultLimit))
    csto_history_setunique(lib, history, 1)
    csto_el_set_editor(lib, editor, "emacs")
    csto_el_set_signal(lib, editor, 1)
    csto_el_set_getcfn(lib, editor, lineEditorReadCharacter)
    csto_el_set_hist(lib, editor, history)
    csto_el_set_prompt(lib, editor, lineEditorPrompt)
    csto_el_set_clientdata(lib, editor, Unmanaged.passUnretained(self).toOpaque())
    csto_el_setty_nosignals(lib, editor)
    csto_el_addfn(lib, editor, "csto-abandon", "Abandon the line", lineEditorAbandon)
    csto_el_bind(lib, editor, "^C", "csto-abandon")
    csto_el_addfn(lib, editor, "csto-complete", "Complete the word", lineEditorComplete)
    csto_el_bind(lib, editor, "^I", "csto-complete")
    csto_el_bind(lib, editor, "^R", "em-inc-search-prev")
    csto_el_addfn(lib, editor, "csto-edit", "Edit the line in $VISUAL or $EDITOR", lineEditorEdit)
    csto_el_bind(lib, editor, "^X^E", "csto-edit")

    if let historyFile, case .failure(let problem) = historyFile.load(into: history, with: lib) {
      warn(problem.description)
      self.historyFile = nil
    }
  }

  deinit {
    csto_el_end(libedit, editor)
    csto_history_end(libedit, history)
    free(prompt)
  }

  /// Shows `prompt` and reads one edited line. SIGTERM or SIGHUP (`Interrupt.endingSignal`)
  /// reads as the end of input.
  func readLine(prompt text: String) -> Input {
    free(prompt)
    prompt = strdup(text)
    abandoned = false
    toEdit = nil
    var count: Int32 = 0
    let bytes = csto_el_gets(libedit, editor, &count)
    if let toEdit {
      write(to: csto_stdout(), "\n")
      return .edit(toEdit)
    }
    if abandoned {
      // ^C gives back the line without a line break: an empty one has no bytes at all, and
      // must not read as the end of input.
      write(to: csto_stdout(), "\n")
      return .interrupted
    }
    guard let bytes, count > 0, Interrupt.endingSignal == 0 else { return .end }
    var line = String(cString: bytes)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// Adds an entry (one query, however many lines it took) to the history and appends it to
  /// the history file. After a failed save the session goes on with its history kept in
  /// memory only.
  func addHistory(_ entry: String) {
    let (trimmed, hadNUL) = HistoryFile.storable(entry.trimmed)
    guard !trimmed.isEmpty else { return }
    if hadNUL { warn(HistoryFile.nulMessage) }
    csto_history_enter(libedit, history, trimmed)
    guard let historyFile else { return }
    switch historyFile.append(trimmed, entries: entriesInFile, trimNow: entriesInFile == nil) {
    case .success(let appended):
      entriesInFile = appended.entries
      if let count = appended.trimmedFrom, !trimReported {
        trimReported = true
        warn(historyFile.trimmedMessage(from: count))
      }
    case .failure(let problem):
      warn(problem.description)
      self.historyFile = nil
    }
  }

  fileprivate var promptPointer: UnsafeMutablePointer<CChar> { prompt }

  /// The next character typed, for libedit (`EL_GETCFN`), decoded as UTF-8 whatever the
  /// locale says. libedit's own reader drops bytes that are not UTF-8 without a word, and the
  /// line then runs as a different query; here each such byte, or sequence cut short, reads
  /// as U+FFFD, which the shell refuses to run (`ShellInput.undecodableColumn`). Gives back 1,
  /// 0 at the end of input, or -1 with `errno` set on an error or SIGTERM or SIGHUP.
  ///
  /// A read interrupted by another signal (the window resized) goes on, the editor resized:
  /// libedit's handler saw the first such signal of the line; later ones reach it when the
  /// next line starts.
  fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
    var sequence: [UInt8] = []
    var expected = 0
    var madeBlocking = false
    while true {
      var byte: UInt8 = 0
      if let held = heldByte.take() {
        byte = held
      } else {
        let count = read(STDIN_FILENO, &byte, 1)
        if count < 0 {
          let number = errno
          if number == EINTR, Interrupt.endingSignal == 0 {
            csto_el_resize(libedit, editor)
            continue
          }
          if number == EAGAIN, !madeBlocking {
            // As libedit does: a terminal left non-blocking by another program is reset.
            madeBlocking = true
            _ = fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) & ~O_NONBLOCK)
            continue
          }
          errno = number
          character.pointee = 0
          return -1
        }
        if count == 0 {
          character.pointee = sequence.isEmpty ? 0 : 0xFFFD
          return sequence.isEmpty ? 0 : 1
        }
      }
      if sequence.isEmpty {
        switch byte {
        case 0..<0x80:
          character.pointee = wchar_t(byte)
          return 1
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default:
          character.pointee = 0xFFFD
          return 1
        }
        sequence.append(byte)
        continue
      }
      guard byte & 0xC0 == 0x80 else {
        heldByte = byte
        character.pointee = 0xFFFD
        return 1
      }
      sequence.append(byte)
      guard sequence.count == expected else { continue }
      let scalar = String(validating: sequence, as: UTF8.self)?.unicodeScalars.first
      character.pointee = wchar_t(scalar?.value ?? 0xFFFD)
      return 1
    }
  }

  fileprivate func abandonLine() -> UInt8 {
    abandoned = true
    write(to: csto_stdout(), "^C")
    return UInt8(CC_NEWLINE)
  }

  /// Ctrl-X Ctrl-E: ends the line, keeping it whole (cursor anywhere) for the editor.
  fileprivate func editLine() -> UInt8 {
    guard let info = csto_el_line(libedit, editor)?.pointee else { return UInt8(CC_ERROR) }
    let length = info.lastchar - info.buffer
    toEdit = info.buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    return UInt8(CC_NEWLINE)
  }

  /// One match: replace the word with it and a space (none after a folder's `/`). Several:
  /// replace the word with their longest common prefix, then list them under the line (cut
  /// to the screen's height). None: beep.
  fileprivate func complete() -> UInt8 {
    guard let info = csto_el_line(libedit, editor)?.pointee else { return UInt8(CC_ERROR) }
    let length = info.cursor - info.buffer
    let before = info.buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    guard let (replacing, candidates) = completer(before), !candidates.isEmpty else {
      return UInt8(CC_ERROR)
    }
    if candidates.count == 1 {
      let candidate = candidates[0]
      replaceWord(length: replacing, with: candidate.hasSuffix("/") ? candidate : candidate + " ")
      return UInt8(CC_REFRESH)
    }
    let prefix = CandidateList.commonPrefix(of: candidates)
    if prefix.count > replacing {
      replaceWord(length: replacing, with: prefix)
    }
    let size = Terminal.size(of: STDOUT_FILENO) ?? (columns: 80, rows: 24)
    let listing = CandidateList.columns(
      candidates, width: size.columns, rows: max(3, size.rows - 3))
    write(to: csto_stdout(), "\n" + listing)
    return UInt8(CC_REDISPLAY)
  }

  private func replaceWord(length: Int, with text: String) {
    if length > 0 { csto_el_deletestr(libedit, editor, Int32(length)) }
    csto_el_insertstr(libedit, editor, text)
  }

  private func write(to file: UnsafeMutablePointer<FILE>, _ text: String) {
    fputs(text, file)
    fflush(file)
  }
}

private func lineEditor(_ editor: OpaquePointer?) -> LineEditor? {
  guard let editor, case .success(let libedit) = LibEdit.shared,
    let data = csto_el_get_clientdata(libedit.functions, editor)
  else { return nil }
  return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
}

private func lineEditorPrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
  lineEditor(editor)?.promptPointer
}

private func lineEditorReadCharacter(
  _ editor: OpaquePointer?, _ character: UnsafeMutablePointer<wchar_t>?
) -> Int32 {
  guard let character, let lineEditor = lineEditor(editor) else { return -1 }
  return lineEditor.readCharacter(into: character)
}

private func lineEditorAbandon(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  lineEditor(editor)?.abandonLine() ?? UInt8(CC_NEWLINE)
}

private func lineEditorComplete(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  lineEditor(editor)?.complete() ?? UInt8(CC_ERROR)
}

private func lineEditorEdit(_ editor: OpaquePointer?, _ key: Int32) -> UInt8 {
  lineEditor(editor)?.editLine() ?? UInt8(CC_ERROR)
}
