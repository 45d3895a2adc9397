import Foundation

/// A SQLite database file in a temporary directory, loaded and queried with the `sqlite3`
/// command-line shell.
struct SQLiteDatabase: Sendable {
  let directory: TemporaryDirectory
  let file: URL

  /// A value of a result row as `sqlite3 -json` prints it.
  enum Cell: Decodable, Equatable, Sendable, CustomStringConvertible {
    case text(String)
    case integer(Int)
    case null

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let integer = try? container.decode(Int.self) {
        self = .integer(integer)
      } else {
        self = .text(try container.decode(String.self))
      }
    }

    var description: String {
      switch self {
      case .text(let text): text
      case .integer(let integer): "\(integer)"
      case .null: "NULL"
      }
    }
  }

  /// A new database holding what `sql` creates, with foreign keys enforced while it loads
  /// and checked after; throws with `sqlite3`'s message when a statement fails.
  static func load(_ sql: String) throws -> SQLiteDatabase {
    let directory = try TemporaryDirectory()
    let database = SQLiteDatabase(directory: directory, file: directory.file("model.sqlite"))
    let script = "PRAGMA foreign_keys = ON;\n" + sql + "PRAGMA foreign_key_check;\n"
    let output = try ExternalTool.sqlite3.run(["-bail", database.file.path], input: script)
    guard output.status == 0, output.stderr.isEmpty, output.stdout.isEmpty else {
      throw ExternalTool.Failure(
        description:
          "sqlite3 did not load the SQL (status \(output.status)): \(output.stderr)\(output.stdout)"
      )
    }
    return database
  }

  /// The rows of a query, each column by name.
  func rows(_ query: String) throws -> [[String: Cell]] {
    let output = try ExternalTool.sqlite3.run(["-bail", "-json", file.path], input: query)
    guard output.status == 0, output.stderr.isEmpty else {
      throw ExternalTool.Failure(description: "sqlite3 failed on \(query):\n\(output.stderr)")
    }
    // sqlite3 prints nothing at all for a query with no rows.
    guard !output.stdout.isEmpty else { return [] }
    return try JSONDecoder().decode([[String: Cell]].self, from: Data(output.stdout.utf8))
  }

  /// The values of a query that selects one column.
  func column(_ query: String) throws -> [String] {
    try rows(query).map { row in
      guard row.count == 1, let value = row.values.first else {
        throw ExternalTool.Failure(description: "expected one column, got \(row.keys.sorted())")
      }
      return value.description
    }
  }
}
