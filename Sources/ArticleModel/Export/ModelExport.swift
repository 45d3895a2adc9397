/// The whole model in the formats other tools read: its own JSON, CSV, RDF N-Triples, SQL and
/// a CAMEO event table. Every export is a pure function of the model and deterministic: the
/// same model gives byte-identical text, in the model's own order.
///
/// Facts have no ids in the model file; every export numbers them from 1 in the order the
/// model lists them (fact N is `model.facts[N - 1]`, an answer's `FactResult.index + 1`).
public enum ModelExport {
  /// The formats of `csto export --format FORMAT`.
  public enum Format: String, Sendable, CaseIterable {
    /// The model's `Codable` JSON, keys sorted and pretty-printed.
    case json
    /// RFC 4180 CSV, one row per piece of evidence of every fact.
    case csv
    /// RDF N-Triples, facts both as triples and as nodes carrying their evidence.
    case ntriples
    /// `CREATE TABLE` and `INSERT` statements for SQLite and PostgreSQL.
    case sql
    /// A tab-separated table of the affirmed facts that are CAMEO events.
    case events

    /// The usual file name extension of the format, without the dot.
    public var fileExtension: String {
      switch self {
      case .json: "json"
      case .csv: "csv"
      case .ntriples: "nt"
      case .sql: "sql"
      case .events: "tsv"
      }
    }
  }

  /// The model as text in `format`, ending with a line break.
  public static func export(_ model: Model, as format: Format) -> String {
    switch format {
    case .json: json(model)
    case .csv: csv(model)
    case .ntriples: ntriples(model)
    case .sql: sql(model)
    case .events: events(model)
    }
  }

  /// The number exports give the fact at `index` of `model.facts`.
  public static func factNumber(_ index: Int) -> Int { index + 1 }

  /// A qualifier as text: the key and the entity's display name or the text (`at Tashkent SCO
  /// summit`, `when winter of 2022`).
  static func describe(_ qualifier: Qualifier, in model: Model) -> String {
    "\(qualifier.key.rawValue) \(value(of: qualifier, in: model))"
  }

  /// A qualifier's value as text: the entity's display name, or the text itself.
  static func value(of qualifier: Qualifier, in model: Model) -> String {
    switch qualifier.value {
    case .entity(let entity): model.entities[entity].name
    case .text(let text): text
    }
  }
}
