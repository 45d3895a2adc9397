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
      csv       one row per piece of evidence of every fact (RFC 4180, CRLF);
                with -o DIR (a folder, or a name ending in /), one CSV per
                table of the SQL export, with a header
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
    if format == .csv, let output, Self.isFolder(output) {
      return writeTables(ModelExport.csvTables(engine.model), to: output, out: out)
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

  /// Whether `path` names a folder: one that exists, or a name ending in `/`.
  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return path.hasSuffix("/") || (stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
  }

  /// Writes each table to `NAME.csv` in `folder`, made if missing; gives back the exit status.
  private func writeTables(_ tables: [(name: String, text: String)], to folder: String, out: Output)
    -> Int32
  {
    if mkdir(folder, 0o777) != 0, errno != EEXIST {
      out.error("csto: cannot make the folder \(folder): \(String(cString: strerror(errno)))")
      return 2
    }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    for table in tables {
      if case .failure(let problem) = OutputFile.write(
        Array(table.text.utf8), to: base + table.name + ".csv")
      {
        out.error("csto: \(problem)")
        return 2
      }
    }
    return 0
  }
}
