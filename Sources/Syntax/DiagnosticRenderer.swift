/// Renders diagnostics the way compilers do:
///
///     script.csto:3:15: error: unknown name 'pelosy'
///     countries where visited by pelosy
///                                ^~~~~~
///     did you mean 'pelosi'?
public enum DiagnosticRenderer {
  /// The whole message for one diagnostic in `source`; `color` adds ANSI bold and red.
  public static func render(_ diagnostic: Diagnostic, in source: SourceText, color: Bool = false)
    -> String
  {
    let location = source.location(of: diagnostic.range.lowerBound)
    let place = source.name.map { "\($0):\(location.line):\(location.column): " } ?? ""
    let label = color ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
    var lines = ["\(place)\(label) \(diagnostic.message)"]
    let lineText = source.lineText(at: diagnostic.range.lowerBound)
    let caretLine = caret(for: diagnostic.range, in: source, lineText: lineText)
    let (shownLine, shownCaret) = window(lineText, caretLine)
    lines.append(shownLine)
    lines.append(shownCaret)
    for note in diagnostic.notes {
      lines.append("note: \(note)")
    }
    if !diagnostic.suggestions.isEmpty {
      lines.append("did you mean \(alternatives(diagnostic.suggestions))?")
    }
    return lines.joined(separator: "\n")
  }

  /// Several diagnostics of one source, separated by blank lines.
  public static func render(_ diagnostics: [Diagnostic], in source: SourceText, color: Bool = false)
    -> String
  {
    diagnostics.map { render($0, in: source, color: color) }.joined(separator: "\n")
  }

  /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
  public static func alternatives(_ words: [String]) -> String {
    let quoted = words.map { "'\($0)'" }
    guard quoted.count > 1 else { return quoted.first ?? "" }
    return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
  }

  /// The longest source line shown whole; a longer one (a 1 MiB query) is cut to a window
  /// around the caret, with `…` where it was cut.
  public static let maximumLineWidth = 160

  private static func window(_ line: String, _ caret: String) -> (String, String) {
    guard line.count > maximumLineWidth else { return (line, caret) }
    let caretStart = caret.prefix { $0 == " " }.count
    let start = max(0, min(caretStart - maximumLineWidth / 3, line.count - maximumLineWidth))
    let end = min(line.count, start + maximumLineWidth)
    let lead = start > 0 ? "…" : ""
    let shown = lead + line.dropFirst(start).prefix(end - start) + (end < line.count ? "…" : "")
    let marks = caret.dropFirst(caretStart).prefix(max(1, end - caretStart))
    let shownCaret = String(repeating: " ", count: caretStart - start + lead.count) + marks
    return (String(shown), String(shownCaret))
  }

  private static func caret(for range: Range<Int>, in source: SourceText, lineText: String)
    -> String
  {
    let start = source.location(of: range.lowerBound)
    let end = source.location(of: range.upperBound)
    let lineLength = lineText.count
    let startColumn = min(start.column, lineLength + 1)
    let width =
      end.line == start.line
      ? max(1, min(end.column, lineLength + 1) - startColumn)
      : max(1, lineLength + 1 - startColumn)
    let indent = String(repeating: " ", count: startColumn - 1)
    return indent + "^" + String(repeating: "~", count: width - 1)
  }
}
