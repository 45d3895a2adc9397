extension ModelExport {
  /// The model as one RFC 4180 CSV per table of the SQL export (`csto export --format csv -o
  /// DIR`): each file named after its table (`facts.csv`), a header row of the table's
  /// columns, then the same rows the SQL export inserts. An absent value is an empty field,
  /// a boolean `true` or `false`. DuckDB's `read_csv` and spreadsheets then get the whole
  /// schema, not only the one table of `csv`.
  public static func csvTables(_ model: Model) -> [(name: String, text: String)] {
    var rows: [String: [String]] = [:]
    sqlRows(model) { table, values in
      rows[table, default: []].append(values.map { csvField($0.plain) }.joined(separator: ","))
    }
    return sqlTables.map { table in
      let header = table.columns.joined(separator: ",")
      let lines = [header] + (rows[table.name] ?? [])
      return (table.name, lines.joined(separator: "\r\n") + "\r\n")
    }
  }
}

extension SQLValue {
  /// The value as a CSV field holds it: the text itself, nothing for `NULL`.
  var plain: String {
    switch self {
    case .text(let text): text
    case .optional(let text): text ?? ""
    case .integer(let value): "\(value)"
    case .boolean(let value): value ? "true" : "false"
    }
  }
}
