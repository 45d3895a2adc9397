extension ModelExport {
  /// The most rows one `INSERT` of the SQL export carries.
  public static let sqlRowsPerInsert = 500

  /// The schema of the SQL export: standard SQL that SQLite (3.23 or later, for `TRUE` and
  /// `FALSE`) and PostgreSQL both accept. Tables are created parents first, so that the
  /// foreign keys hold at every insert.
  static let sqlSchema = """
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT,
      author TEXT,
      publisher TEXT,
      date TEXT,
      url TEXT
    );
    CREATE TABLE paragraphs (
      document TEXT NOT NULL REFERENCES documents (id),
      number INTEGER NOT NULL,
      text TEXT NOT NULL,
      PRIMARY KEY (document, number)
    );
    CREATE TABLE kinds (
      id TEXT PRIMARY KEY,
      plural TEXT NOT NULL UNIQUE
    );
    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL REFERENCES kinds (id)
    );
    CREATE TABLE aliases (
      entity TEXT NOT NULL REFERENCES entities (id),
      alias TEXT NOT NULL,
      metonym BOOLEAN NOT NULL,
      PRIMARY KEY (entity, alias, metonym)
    );
    CREATE TABLE backgrounds (
      entity TEXT NOT NULL REFERENCES entities (id),
      position INTEGER NOT NULL,
      note TEXT NOT NULL,
      PRIMARY KEY (entity, position)
    );
    CREATE TABLE relations (
      id TEXT PRIMARY KEY,
      phrase TEXT NOT NULL,
      present TEXT,
      past TEXT,
      base TEXT,
      passive TEXT,
      inverse TEXT,
      is_symmetric BOOLEAN NOT NULL,
      is_office BOOLEAN NOT NULL,
      is_reflexive BOOLEAN NOT NULL,
      is_personal BOOLEAN NOT NULL,
      cameo TEXT
    );
    CREATE TABLE relation_forms (
      relation TEXT NOT NULL REFERENCES relations (id),
      form TEXT NOT NULL,
      reversed BOOLEAN NOT NULL,
      PRIMARY KEY (relation, form)
    );
    CREATE TABLE relation_represents (
      relation TEXT NOT NULL REFERENCES relations (id),
      kind TEXT NOT NULL REFERENCES kinds (id),
      PRIMARY KEY (relation, kind)
    );
    CREATE TABLE facts (
      id INTEGER PRIMARY KEY,
      subject TEXT NOT NULL REFERENCES entities (id),
      relation TEXT NOT NULL REFERENCES relations (id),
      object TEXT NOT NULL REFERENCES entities (id),
      polarity TEXT NOT NULL CHECK (polarity IN ('affirmed', 'denied')),
      modality TEXT NOT NULL CHECK (modality IN ('reported', 'assessment', 'scenario')),
      personal BOOLEAN NOT NULL,
      scenario TEXT REFERENCES entities (id),
      note TEXT
    );
    CREATE TABLE qualifiers (
      fact INTEGER NOT NULL REFERENCES facts (id),
      position INTEGER NOT NULL,
      key TEXT NOT NULL,
      entity TEXT REFERENCES entities (id),
      value TEXT NOT NULL,
      PRIMARY KEY (fact, position)
    );
    CREATE TABLE evidence (
      fact INTEGER NOT NULL REFERENCES facts (id),
      position INTEGER NOT NULL,
      document TEXT NOT NULL,
      paragraph INTEGER NOT NULL,
      quote TEXT NOT NULL,
      PRIMARY KEY (fact, position),
      FOREIGN KEY (document, paragraph) REFERENCES paragraphs (document, number)
    );
    CREATE TABLE sets (
      id TEXT PRIMARY KEY,
      query TEXT NOT NULL
    );
    CREATE INDEX facts_subject ON facts (subject);
    CREATE INDEX facts_object ON facts (object);
    CREATE INDEX facts_relation ON facts (relation);
    CREATE INDEX evidence_paragraph ON evidence (document, paragraph);

    """

  /// The model as SQL: `BEGIN`, the tables (see the schema below), the rows in the model's
  /// order in multi-row `INSERT`s of up to `sqlRowsPerInsert` rows (one row a line), parents
  /// before the rows that refer to them, `COMMIT`. A second engine parses and plans one
  /// statement per 500 rows instead of one per row (DuckDB took 38 s for 10k facts row by
  /// row). Loads into SQLite (`sqlite3 db < model.sql`) and PostgreSQL
  /// (`psql -f model.sql`).
  ///
  /// - `documents`, `paragraphs` (the text, numbered from 1), `kinds`, `entities`, `aliases`
  ///   (`metonym` true for names that stand for a government), `backgrounds`;
  /// - `relations` with their forms as columns, `is_symmetric`, `is_office`, `is_reflexive`,
  ///   `is_personal` (its facts are all `personal`) and the CAMEO code; `relation_forms` (every phrase, `reversed` for passives and inverses) and
  ///   `relation_represents` (kinds that speak for the object through the relation: a person
  ///   through an office, a body through `part of`);
  /// - `facts` (numbered from 1 in model order) with polarity, modality, `personal` (the
  ///   subject acted in a private capacity, so the fact does not count for its state) and the
  ///   scenario's entity id; `qualifiers` (`key` is `at`, `in`, `to`, `when`, `amount` or one the model declares;
  ///   `entity` set when the value is an entity, `value` its name or the text); `evidence`
  ///   (document, paragraph, quote); `sets` (the named sets' queries);
  /// - indexes on `facts (subject)`, `facts (object)`, `facts (relation)`.
  ///
  /// Strings are standard SQL literals (`'` doubled), absent values `NULL`.
  public static func sql(_ model: Model) -> String {
    var lines = [
      "-- \(model.title): the csto article model (see ModelExport.sql for the schema).",
      "BEGIN;",
    ]
    lines.append(sqlSchema)
    var batches = SQLBatches()
    sqlRows(model) { table, values in
      batches.add("(" + values.map(\.text).joined(separator: ", ") + ")", to: table, into: &lines)
    }
    batches.flush(into: &lines)
    lines.append("COMMIT;")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every row of every table of `sqlSchema`, parents first, in the model's order, given to
  /// `insert` with its table's name.
  static func sqlRows(_ model: Model, _ insert: (String, [SQLValue]) -> Void) {
    for document in model.documents {
      insert(
        "documents",
        [
          .text(document.id), .optional(document.title), .optional(document.author),
          .optional(document.publisher), .optional(document.date), .optional(document.url),
        ])
      for (offset, text) in document.paragraphs.enumerated() {
        insert("paragraphs", [.text(document.id), .integer(offset + 1), .text(text)])
      }
    }
    for kind in model.kinds { insert("kinds", [.text(kind.id), .text(kind.plural)]) }
    for entity in model.entities {
      insert(
        "entities",
        [.text(entity.id), .text(entity.name), .text(model.kinds[entity.kind.index].id)])
    }
    for entity in model.entities {
      var seen: Set<String> = []
      let names = entity.aliases.map { ($0, false) } + entity.metonyms.map { ($0, true) }
      for (name, metonym) in names where seen.insert("\(metonym) \(name)").inserted {
        insert("aliases", [.text(entity.id), .text(name), .boolean(metonym)])
      }
      for (offset, note) in entity.background.enumerated() {
        insert("backgrounds", [.text(entity.id), .integer(offset + 1), .text(note)])
      }
    }
    for relation in model.relations {
      insert(
        "relations",
        [
          .text(relation.id), .text(relation.phrase), .optional(relation.present),
          .optional(relation.past), .optional(relation.base), .optional(relation.passive),
          .optional(relation.inverse), .boolean(relation.symmetric), .boolean(relation.office),
          .boolean(relation.reflexive), .boolean(relation.personal), .optional(relation.cameo),
        ])
    }
    for relation in model.relations {
      for form in relation.forms {
        insert("relation_forms", [.text(relation.id), .text(form.phrase), .boolean(form.reversed)])
      }
      var seen: Set<String> = []
      for kind in relation.represents where seen.insert(kind).inserted {
        insert("relation_represents", [.text(relation.id), .text(kind)])
      }
    }
    for (index, fact) in model.facts.enumerated() {
      let number = factNumber(index)
      insert(
        "facts",
        [
          .integer(number), .text(model.entities[fact.subject].id),
          .text(model.relations[fact.relation].id), .text(model.entities[fact.object].id),
          .text(fact.polarity.rawValue), .text(fact.modality.name), .boolean(fact.personal),
          .optional(fact.scenario.map { model.entities[$0].id }), .optional(fact.note),
        ])
    }
    for (index, fact) in model.facts.enumerated() {
      let number = factNumber(index)
      for (offset, qualifier) in fact.qualifiers.enumerated() {
        let entity: String? =
          if case .entity(let entity) = qualifier.value { model.entities[entity].id } else { nil }
        insert(
          "qualifiers",
          [
            .integer(number), .integer(offset + 1), .text(qualifier.key.rawValue),
            .optional(entity), .text(value(of: qualifier, in: model)),
          ])
      }
      for (offset, evidence) in fact.evidence.enumerated() {
        insert(
          "evidence",
          [
            .integer(number), .integer(offset + 1), .text(model.documents[evidence.document].id),
            .integer(evidence.paragraph), .text(evidence.quote),
          ])
      }
    }
    for set in model.sets { insert("sets", [.text(set.id), .text(set.query)]) }
  }

  /// The tables of `sqlSchema` in order, each with its columns, read from the schema itself.
  static let sqlTables: [(name: String, columns: [String])] = {
    var tables: [(name: String, columns: [String])] = []
    for line in sqlSchema.split(separator: "\n") {
      let words = line.split(separator: " ")
      if line.hasPrefix("CREATE TABLE "), words.count > 2 {
        tables.append((String(words[2]), []))
      } else if line.hasPrefix("  "), let first = words.first, !tables.isEmpty,
        !["PRIMARY", "FOREIGN", "UNIQUE", "CHECK"].contains(first)
      {
        tables[tables.count - 1].columns.append(String(first))
      }
    }
    return tables
  }()
}

/// The rows waiting to be written, per table: a table's rows go out as one `INSERT` when
/// there are `ModelExport.sqlRowsPerInsert` of them, after the rows of every table that began
/// before it (its parents), so that foreign keys hold at every statement.
private struct SQLBatches {
  private var order: [String] = []
  private var rows: [String: [String]] = [:]

  mutating func add(_ row: String, to table: String, into lines: inout [String]) {
    if rows[table] == nil {
      order.append(table)
      rows[table] = []
    }
    rows[table]!.append(row)
    guard rows[table]!.count == ModelExport.sqlRowsPerInsert else { return }
    for earlier in order.prefix(while: { $0 != table }) { write(earlier, into: &lines) }
    write(table, into: &lines)
  }

  mutating func flush(into lines: inout [String]) {
    for table in order { write(table, into: &lines) }
  }

  private mutating func write(_ table: String, into lines: inout [String]) {
    guard let pending = rows[table], !pending.isEmpty else { return }
    lines.append("INSERT INTO \(table) VALUES")
    lines.append("  " + pending.joined(separator: ",\n  ") + ";")
    rows[table] = []
  }
}

/// A value in an `INSERT`, written as a standard SQL literal.
enum SQLValue {
  case text(String)
  case optional(String?)
  case integer(Int)
  case boolean(Bool)

  var text: String {
    switch self {
    case .text(let text): Self.quoted(text)
    case .optional(let text): text.map(Self.quoted) ?? "NULL"
    case .integer(let value): "\(value)"
    case .boolean(let value): value ? "TRUE" : "FALSE"
    }
  }

  /// A string literal: single quotes, a quote inside doubled. Line breaks stay as they are,
  /// which standard SQL allows inside a literal. Scalar by scalar: a quote followed by a
  /// combining mark is one Character but still a quote to SQL.
  static func quoted(_ text: String) -> String {
    var quoted = String.UnicodeScalarView()
    quoted.append("'")
    for scalar in text.unicodeScalars {
      quoted.append(scalar)
      if scalar == "'" { quoted.append("'") }
    }
    quoted.append("'")
    return String(quoted)
  }
}
