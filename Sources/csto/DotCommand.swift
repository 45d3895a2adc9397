import ArticleModel
import ArticleQuery
import Syntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A dot-command: its name, its usage line, a line of help, and what it does to the shell.
/// `DotCommand.all` is the one list of commands: `.help`, completion and lookup by unique
/// prefix all read it.
struct DotCommand: Sendable {
  /// What running a command came to.
  enum Outcome: Equatable {
    case done
    case quit
    /// The arguments fit none of the command's forms: the shell prints the usage line.
    case usage
    /// The command could not do its work; the message goes under its arguments.
    case failed(String)
    /// The command could not do its work; the diagnostic's range counts bytes from the start
    /// of its arguments.
    case problem(Diagnostic)
    /// A script read by `.read` failed and has reported its own errors.
    case failedAndReported

    /// What went wrong, in words; nil when nothing did or the script reported it.
    var failure: String? {
      switch self {
      case .done, .quit, .failedAndReported: nil
      case .usage: "usage"
      case .failed(let message): message
      case .problem(let diagnostic): diagnostic.message
      }
    }
  }

  /// What a typed name stands for.
  enum Lookup {
    case found(DotCommand)
    case ambiguous([String])
    case unknown(suggestions: [String])

    var command: DotCommand? {
      if case .found(let command) = self { return command }
      return nil
    }
  }

  let name: String
  let usage: String
  let help: String
  /// What Tab offers after the name: given the arguments typed so far (up to the cursor) and
  /// the shell's completer, the candidates and how many characters they replace; nil for
  /// none.
  var complete:
    @Sendable (_ arguments: String, _ completer: ShellCompleter) -> ShellCompleter
      .Completion? = { _, _ in nil }
  /// For a command that checks the query before it (`.expect`): whether these arguments
  /// expect that query to have failed. A script holds a query's error back one line so that
  /// such a command can accept it; nil for every other command.
  var expectsFailure: (@Sendable (_ arguments: String) -> Bool)? = nil
  let run: @Sendable (Shell, String) -> Outcome

  /// The command an exact name or a unique prefix of one names.
  static func find(_ typed: String) -> Lookup {
    let word = typed.lowercased()
    if let exact = all.first(where: { $0.name == word }) { return .found(exact) }
    let matches = all.filter { $0.name.hasPrefix(word) }
    if matches.count == 1 { return .found(matches[0]) }
    if matches.count > 1 { return .ambiguous(matches.map(\.name)) }
    return .unknown(suggestions: Suggestions.closest(to: word, in: all.map(\.name)))
  }

  /// `.help`'s list: each usage line and its help, in columns, then the question forms.
  static var helpText: String {
    let width = all.map(\.usage.count).max() ?? 0
    return all.map { command in
      command.usage + String(repeating: " ", count: width - command.usage.count + 2)
        + command.help
    }.joined(separator: "\n") + "\n\n" + QuestionForms.helpText
  }

  static let all: [DotCommand] = [
    DotCommand(
      name: "help", usage: ".help [COMMAND]", help: "List the commands, or explain one",
      complete: { arguments, completer in completer.offer(all.map(\.name), for: arguments) },
      run: { shell, arguments in
        guard !arguments.isEmpty else {
          shell.show(helpText)
          return .done
        }
        let name = arguments.hasPrefix(".") ? String(arguments.dropFirst()) : arguments
        guard let command = find(name).command else { return .failed("no command '.\(name)'") }
        shell.show("\(command.usage)\n  \(command.help)")
        return .done
      }),
    DotCommand(
      name: "schema", usage: ".schema",
      help: "Kinds, relations with their forms and CAMEO codes, and named sets",
      run: { shell, arguments in
        guard arguments.isEmpty else { return .usage }
        shell.show(Reports.schema(shell.engine.model))
        return .done
      }),
    DotCommand(
      name: "names", usage: ".names [PREFIX]",
      help: "Entity names and aliases, or those starting with PREFIX",
      run: { shell, arguments in
        shell.show(
          Reports.names(shell.engine.model, prefix: arguments))
        return .done
      }),
    DotCommand(
      name: "source", usage: ".source [DOC] N",
      help: "Paragraph N of the article (of document DOC), with its evidence spans marked",
      run: { shell, arguments in
        let words = arguments.split(separator: " ")
        guard (1...2).contains(words.count), let paragraph = Int(words[words.count - 1]) else {
          return .usage
        }
        do {
          shell.show(
            try Reports.source(
              shell.engine, document: words.count == 2 ? String(words[0]) : nil,
              paragraph: paragraph, color: shell.outputColor))
          return .done
        } catch {
          return .failed("\(error)")
        }
      }),
    DotCommand(
      name: "coverage", usage: ".coverage",
      help: "Facts per paragraph, and the sentences that have none",
      run: { shell, arguments in
        guard arguments.isEmpty else { return .usage }
        shell.show(Reports.coverage(shell.engine.model))
        return .done
      }),
    DotCommand(
      name: "format",
      usage: ".format " + OutputFormat.allCases.map(\.rawValue).joined(separator: "|"),
      help: "How answers are printed",
      complete: { arguments, completer in
        completer.offer(OutputFormat.allCases.map(\.rawValue), for: arguments)
      },
      run: { shell, arguments in
        // A copy: showing the setting reads the settings, which an access in progress forbids.
        var format = shell.settings.format
        defer { shell.settings.format = format }
        return setting(arguments, current: &format, shell: shell, label: "format")
      }),
    DotCommand(
      name: "evidence", usage: ".evidence on|off|full|short",
      help: "Quotes under answers: cut on a terminal and whole elsewhere, none, whole, or cut",
      complete: { arguments, completer in
        completer.offer(EvidenceMode.allCases.map(\.rawValue), for: arguments)
      },
      run: { shell, arguments in
        var evidence = shell.settings.evidence
        defer { shell.settings.evidence = evidence }
        return setting(arguments, current: &evidence, shell: shell, label: "evidence")
      }),
    DotCommand(
      name: "timer", usage: ".timer on|off", help: "Show how long each query took",
      complete: { arguments, completer in
        completer.offer(Switch.allCases.map(\.rawValue), for: arguments)
      },
      run: { shell, arguments in
        var timer: Switch = shell.settings.timer ? .on : .off
        let outcome = setting(arguments, current: &timer, shell: shell, label: "timer")
        shell.settings.timer = timer == .on
        return outcome
      }),
    DotCommand(
      name: "pager", usage: ".pager on|off",
      help: "Page answers taller than the terminal ($CSTO_PAGER, $PAGER or less)",
      complete: { arguments, completer in
        completer.offer(Switch.allCases.map(\.rawValue), for: arguments)
      },
      run: { shell, arguments in
        var pager: Switch = shell.settings.pager ? .on : .off
        let outcome = setting(arguments, current: &pager, shell: shell, label: "pager")
        shell.settings.pager = pager == .on
        return outcome
      }),
    DotCommand(
      name: "output", usage: ".output [FILE]",
      help: "Send answers to FILE, written whole at the next .output; none: back to the screen",
      complete: { arguments, completer in
        completer.offer(ShellCompleter.paths(startingWith: arguments), for: arguments)
      },
      run: { shell, arguments in
        let problem = shell.redirect(
          to: arguments.isEmpty ? nil : unquoted(arguments), once: false)
        return problem.map { .failed($0.description) } ?? .done
      }),
    DotCommand(
      name: "once", usage: ".once FILE", help: "Send the next answer only to FILE",
      complete: { arguments, completer in
        completer.offer(ShellCompleter.paths(startingWith: arguments), for: arguments)
      },
      run: { shell, arguments in
        guard !arguments.isEmpty else { return .usage }
        let problem = shell.redirect(to: unquoted(arguments), once: true)
        return problem.map { .failed($0.description) } ?? .done
      }),
    DotCommand(
      name: "last",
      usage: ".last [" + OutputFormat.allCases.map(\.rawValue).joined(separator: "|") + "]",
      help: "Show the previous answer again, in another format if given",
      complete: { arguments, completer in
        completer.offer(OutputFormat.allCases.map(\.rawValue), for: arguments)
      },
      run: { shell, arguments in
        var format: OutputFormat?
        if !arguments.isEmpty {
          guard let given = OutputFormat(rawValue: arguments.lowercased()) else { return .usage }
          format = given
        }
        guard let (answer, elapsed) = shell.lastAnswer else { return .failed("no answer yet") }
        shell.show(shell.render(answer, elapsed: elapsed, format: format))
        return .done
      }),
    DotCommand(
      name: "edit", usage: ".edit",
      help: "Edit the previous query in $VISUAL or $EDITOR (also ^X^E), then run it",
      run: { shell, arguments in
        guard arguments.isEmpty else { return .usage }
        guard shell.lineEditor != nil, shell.reading.isEmpty else {
          return .failed(".edit works at the prompt only")
        }
        shell.editAndRun(shell.lastQuery ?? "")
        return .done
      }),
    DotCommand(
      name: "read", usage: ".read FILE", help: "Run the queries and commands in FILE",
      complete: { arguments, completer in
        completer.offer(
          ShellCompleter.paths(startingWith: arguments) {
            $0.hasSuffix("/") || $0.hasSuffix(".csto")
          }, for: arguments)
      },
      run: { shell, arguments in
        guard !arguments.isEmpty else { return .usage }
        let path = unquoted(arguments)
        let resolved = FilePath.resolved(path)
        guard !shell.reading.contains(resolved) else {
          return .failed(
            "cannot read \(path): it is being read already (a script that reads itself)")
        }
        guard shell.reading.count < Shell.readLimit else {
          return .failed(
            "cannot read \(path): .read nested more than \(Shell.readLimit) deep"
              + " (does a script read itself?)")
        }
        let text: String
        switch shell.files.readScript(path) {
        case .success(let contents): text = contents
        case .failure(let problem): return .failed(problem.description)
        }
        shell.reading.append(resolved)
        defer { shell.reading.removeLast() }
        var lines = TextLines(text)
        return shell.runScript(&lines, sourceName: path) ? .done : .failedAndReported
      }),
    expect,
    DotCommand(
      name: "graph", usage: ".graph FILE.svg|.png|.pdf|.dot [QUERY]",
      help: "Draw an answer (or the whole article) with Graphviz",
      complete: { arguments, completer in
        let (path, queryStart) = firstWord(of: arguments)
        guard queryStart > path.utf8.count else {
          return completer.offer(ShellCompleter.paths(startingWith: arguments), for: arguments)
        }
        let query = String(decoding: arguments.utf8.dropFirst(queryStart), as: UTF8.self)
        return completer.complete(before: query, openStatement: nil)
      },
      run: { shell, arguments in graph(arguments, shell: shell) }),
    DotCommand(
      name: "quit", usage: ".quit", help: "Leave csto",
      run: { shell, arguments in
        guard arguments.isEmpty else { return .usage }
        shell.isQuitting = true
        return .quit
      }),
  ]

  /// `.expect`, which may answer a query's error.
  static let expect = DotCommand(
    name: "expect",
    usage: ".expect NAME[, NAME...] | count N | empty | error | yes | no | not stated",
    help: "Check the previous query's answer; a mismatch is an error",
    complete: { arguments, completer in
      completer.offer(["count", "empty", "error", "yes", "no", "not stated"], for: arguments)
    },
    expectsFailure: { arguments in AnswerExpectation.parse(arguments) == .error },
    run: { shell, arguments in
      guard let expectation = AnswerExpectation.parse(arguments) else { return .usage }
      guard let outcome = shell.lastOutcome else { return .failed("no query before .expect") }
      return expectation.mismatch(with: outcome).map(Outcome.failed) ?? .done
    })

  /// `.graph FILE [QUERY]`: the answer to QUERY, or the whole article, drawn into FILE. The
  /// query is the rest of the line, so its errors point into it.
  private static func graph(_ arguments: String, shell: Shell) -> Outcome {
    let (path, queryStart) = firstWord(of: arguments)
    guard !path.isEmpty, Graphviz.format(of: path) != nil else { return .usage }
    let query = String(decoding: arguments.utf8.dropFirst(queryStart), as: UTF8.self)
    let text: String
    if query.isEmpty {
      text = DotRenderer.dot(for: shell.engine.model)
    } else {
      do {
        let answer = try shell.engine.evaluate(query, cancellation: shell.interruption)
        text = Renderer.render(
          answer, options: RenderOptions(format: .dot), model: shell.engine.model)
      } catch {
        if shell.isInterrupted { return .failed("interrupted") }
        return .problem(error.diagnostic.shifted(by: queryStart))
      }
    }
    switch shell.files.drawGraph(text, path) {
    case .success:
      return .done
    case .failure where shell.isInterrupted:
      return .failed("interrupted")
    case .failure(.noDot):
      return .problem(
        Diagnostic(
          Graphviz.Problem.noDot.message(command: ".graph"), at: 0..<path.utf8.count,
          notes: ["a FILE.dot is written without it"]))
    case .failure(let problem):
      return .problem(Diagnostic(problem.message(command: ".graph"), at: 0..<path.utf8.count))
    }
  }

  /// The first word of `text` (or a quoted name, without its quotes), and the byte offset
  /// where the rest begins after the blanks that follow it.
  static func firstWord(of text: String) -> (word: String, rest: Int) {
    let bytes = Array(text.utf8)
    var end = 0
    let word: [UInt8]
    if bytes.first == UInt8(ascii: "\""),
      let close = bytes.dropFirst().firstIndex(of: UInt8(ascii: "\""))
    {
      word = Array(bytes[1..<close])
      end = close + 1
    } else {
      while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "\t") {
        end += 1
      }
      word = Array(bytes[..<end])
    }
    while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") {
      end += 1
    }
    return (String(decoding: word, as: UTF8.self), end)
  }

  /// Shows a setting when given no argument, else sets it from its spelling.
  private static func setting<Value: RawRepresentable & CaseIterable>(
    _ arguments: String, current: inout Value, shell: Shell, label: String
  ) -> Outcome where Value.RawValue == String {
    guard !arguments.isEmpty else {
      shell.show("\(label): \(current.rawValue)")
      return .done
    }
    guard let value = Value.allCases.first(where: { $0.rawValue == arguments.lowercased() })
    else { return .usage }
    current = value
    return .done
  }

  private static func unquoted(_ text: String) -> String {
    guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
    return String(text.dropFirst().dropLast())
  }
}
