/// What `csto test` found, script by script, and the three ways it is told: a line per
/// script for people, TAP for test harnesses, JUnit XML for CI systems.
struct TestReport {
  /// One script's run: its checks (`.expect`) and the errors outside them, in order.
  struct Script {
    let path: String
    let checks: [Shell.Check]
    let errors: [Shell.Check]

    var passed: Int { checks.count { $0.failure == nil } }
    /// Failed checks, and errors outside checks, each counting as one failed check.
    var failed: Int { checks.count { $0.failure != nil } + errors.count }
    /// A script with no `.expect` and no error has checked nothing: not a pass.
    var hasNoChecks: Bool { checks.isEmpty && errors.isEmpty }

    /// Every failure, checks' and errors', in the order of the lines.
    var failures: [Shell.Check] {
      (checks.filter { $0.failure != nil } + errors).sorted { $0.line < $1.line }
    }
  }

  var scripts: [Script] = []

  var passed: Int { scripts.reduce(0) { $0 + $1.passed } }
  var failed: Int { scripts.reduce(0) { $0 + $1.failed } }
  var unchecked: Int { scripts.count { $0.hasNoChecks } }

  /// `ok PATH (N checks)`, `FAIL PATH:LINE: WHAT`, or `no checks PATH`, for one script.
  static func line(for script: Script) -> String {
    if script.hasNoChecks { return "no checks  \(script.path)" }
    guard let first = script.failures.first else {
      return "ok    \(script.path) (\(Plural.count(script.passed, "check", "checks")))"
    }
    let more = script.failed > 1 ? " (and \(script.failed - 1) more)" : ""
    return "FAIL  \(place(of: first, in: script)): \(first.failure ?? "")\(more)"
  }

  /// `N passed, N failed`, and how many scripts checked nothing when some did not.
  var summary: String {
    let base = "\(passed) passed, \(failed) failed"
    guard unchecked > 0 else { return base }
    return base + ", " + Plural.count(unchecked, "script", "scripts") + " with no checks"
  }

  /// TAP version 14: one test point per check, and per error outside a check; a script with
  /// no checks is one skipped point. A failure carries a YAML block with its message and
  /// place. The plan comes last, as the runs decide how many points there are.
  var tap: String {
    var lines = ["TAP version 14"]
    var number = 0
    for script in scripts {
      if script.hasNoChecks {
        number += 1
        lines.append("ok \(number) - \(Self.tapEscaped(script.path)) # SKIP no checks")
        continue
      }
      let points = (script.checks + script.errors).sorted { $0.line < $1.line }
      for point in points {
        number += 1
        let name = Self.tapEscaped(Self.place(of: point, in: script))
        guard let failure = point.failure else {
          lines.append("ok \(number) - \(name)")
          continue
        }
        lines.append("not ok \(number) - \(name)")
        lines.append("  ---")
        lines.append("  message: \(Self.yamlQuoted(failure))")
        lines.append("  at: \(Self.yamlQuoted(Self.place(of: point, in: script)))")
        lines.append("  ...")
      }
    }
    lines.append("1..\(number)")
    lines.append("# \(summary)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// JUnit XML: `testsuites` holding a `testsuite` per script, a `testcase` per check (and
  /// per error outside one) named by its place, a `failure` with its message in each that
  /// failed; a script with no checks is one skipped case.
  var junit: String {
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<testsuites name=\"csto test\" tests=\"\(passed + failed + unchecked)\""
        + " failures=\"\(failed)\" errors=\"0\" skipped=\"\(unchecked)\">",
    ]
    for script in scripts {
      let path = Self.xmlEscaped(script.path)
      let cases = script.hasNoChecks ? 1 : script.checks.count + script.errors.count
      lines.append(
        "  <testsuite name=\"\(path)\" tests=\"\(cases)\" failures=\"\(script.failed)\""
          + " errors=\"0\" skipped=\"\(script.hasNoChecks ? 1 : 0)\">")
      if script.hasNoChecks {
        lines.append("    <testcase name=\"\(path)\" classname=\"\(path)\">")
        lines.append("      <skipped message=\"no checks\"/>")
        lines.append("    </testcase>")
      }
      let points =
        script.checks.map { ($0, "expect") } + script.errors.map { ($0, "error") }
      for (point, type) in points.sorted(by: { $0.0.line < $1.0.line }) {
        let name = Self.xmlEscaped(Self.place(of: point, in: script))
        guard let failure = point.failure else {
          lines.append("    <testcase name=\"\(name)\" classname=\"\(path)\"/>")
          continue
        }
        let message = Self.xmlEscaped(failure)
        lines.append("    <testcase name=\"\(name)\" classname=\"\(path)\">")
        lines.append("      <failure message=\"\(message)\" type=\"\(type)\">\(message)</failure>")
        lines.append("    </testcase>")
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// `FILE:LINE`, the file being the script read with `.read` when the check is in one.
  private static func place(of check: Shell.Check, in script: Script) -> String {
    "\(check.sourceName ?? script.path):\(check.line)"
  }

  /// Text for an XML attribute or element: markup characters escaped, and the control
  /// characters XML 1.0 does not allow dropped.
  static func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\n": escaped += "&#10;"
      case "\t", "\r": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }

  /// A test point's description: `#` starts a directive in TAP, so it is escaped.
  private static func tapEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\\": escaped += "\\\\"
      case "#": escaped += "\\#"
      case "\n": escaped += " "
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A YAML double-quoted scalar.
  private static func yamlQuoted(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default:
        if scalar.value < 0x20 {
          quoted += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
        } else {
          quoted.unicodeScalars.append(scalar)
        }
      }
    }
    return quoted + "\""
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
