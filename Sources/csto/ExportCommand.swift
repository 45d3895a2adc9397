import ArgumentParser
import ArticleModel
import Glibc

/// `csto export --format FORMAT [-o FILE] [--model FILE]`: the whole model in a format other
/// tools read, to standard output or into FILE.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the whole model as JSON, CSV, RDF, SQL or a CAMEO event table.",
    usage: "csto export --format json|csv|ntriples|sql|events [-o <file>] [--model <file>]",
    discussion: """
      json      the model's own JSON, keys sorted; decodes back to the same model
      csv       one row per piece of evidence of every fact (RFC 4180, CRLF)
      ntriples  RDF N-Triples under https://csto.example/; each fact is also a
                node with its evidence, polarity and modality
      sql       CREATE TABLE and INSERT statements for SQLite and PostgreSQL:
                sqlite3 csto.db < csto.sql, or psql -f csto.sql
      events    a tab-separated CAMEO event table: affirmed, reported facts
                that have a code

      The same model always gives the same bytes. Exit status: 0 success, 2 bad usage, an \
      unreadable model, or a FILE or standard output that cannot be written (a disk full).
      """)

  /// The formats as `--format` spells them.
  static let formats = ModelExport.Format.allCases.map(\.rawValue)

  @Option(
    help: ArgumentHelp("The format to write.", valueName: formats.joined(separator: "|")),
    transform: { spelling in
      guard let format = ModelExport.Format(rawValue: spelling.lowercased()) else {
        throw ValidationError(
          "unknown export format '\(spelling)': use "
            + formats.dropLast().joined(separator: ", ") + " or " + formats.last!)
      }
      return format
    })
  var format: ModelExport.Format

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp(
      "Write FILE (replaced whole, or left as it was) instead of standard output; - is standard output.",
      valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp("Export the model in FILE instead of the bundled one.", valueName: "file"))
  var model: String?

  /// Exports the model; gives back the exit status.
  func execute() -> Int32 {
    let out = Output()
    guard let engine = Invocation.engine(modelFile: model, output: out, cache: nil) else {
      return 2
    }
    let text = ModelExport.export(engine.model, as: format)
    guard let output, output != "-" else {
      let failure = FilePath.writeAll(Array(text.utf8)[...], to: out.answers)
      guard failure != 0, failure != EPIPE, failure != EBADF else { return 0 }
      out.error("csto: cannot write the output: \(String(cString: strerror(failure)))")
      return 2
    }
    if case .failure(let problem) = OutputFile.write(Array(text.utf8), to: output) {
      out.error("csto: \(problem)")
      return 2
    }
    return 0
  }
}
