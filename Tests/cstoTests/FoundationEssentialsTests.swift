import Foundation
import Testing

/// csto uses FoundationEssentials and never the whole of Foundation, whose internationalization
/// brings ICU (about 30 MB of a static binary, and its start-up) for nothing csto needs.
/// `import Foundation` is allowed only as the other platforms' fallback:
/// `#if canImport(FoundationEssentials)`, `import FoundationEssentials`, `#else`,
/// `import Foundation`.
struct FoundationEssentialsTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// The modules of Foundation beyond FoundationEssentials.
  static let wholeFoundation: Set<String> = [
    "Foundation", "FoundationInternationalization", "_FoundationICU", "FoundationNetworking",
    "FoundationXML",
  ]

  /// Every `.swift` file under `Sources`, with its path relative to it.
  static func sourceFiles() throws -> [(path: String, text: String)] {
    let root = sources.path
    let enumerator = try #require(FileManager.default.enumerator(atPath: root))
    var files: [(String, String)] = []
    while let relative = enumerator.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      files.append((relative, try String(contentsOfFile: root + "/" + relative, encoding: .utf8)))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// The module an import line names (`import Foundation`, `internal import Foundation`,
  /// `@preconcurrency import struct Foundation.Data`), or nil for any other line.
  static func importedModule(_ line: Substring) -> String? {
    var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
    while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
    if let first = words.first,
      ["public", "package", "internal", "fileprivate", "private"].contains(first)
    {
      words = words.dropFirst()
    }
    guard words.first == "import", words.count >= 2 else { return nil }
    let kinds: Set<Substring> = [
      "struct", "class", "enum", "protocol", "typealias", "func", "var", "let",
    ]
    let named = words.dropFirst()
    let path = kinds.contains(named.first!) ? named.dropFirst().first : named.first
    return path?.split(separator: ".").first.map(String.init)
  }

  /// The imports of whole Foundation in `text` that are not the fallback branch of
  /// `#if canImport(FoundationEssentials)`, as `line: text`.
  static func forbiddenImports(in text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var found: [String] = []
    // The condition of each `#if` open around a line, innermost last, and whether its
    // `#else` has been passed.
    var conditions: [(condition: String, inElse: Bool)] = []
    for (number, line) in lines.enumerated() {
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.hasPrefix("#if ") {
        conditions.append((String(trimmed.dropFirst(4)), false))
      } else if trimmed.hasPrefix("#elseif"), !conditions.isEmpty {
        conditions[conditions.count - 1] = (String(trimmed), true)
      } else if trimmed.hasPrefix("#else"), !conditions.isEmpty {
        conditions[conditions.count - 1].inElse = true
      } else if trimmed.hasPrefix("#endif"), !conditions.isEmpty {
        conditions.removeLast()
      } else if let module = importedModule(trimmed), wholeFoundation.contains(module) {
        let fallback = conditions.last.map {
          $0.inElse
            && $0.condition.trimmingCharacters(in: .whitespaces)
              == "canImport(FoundationEssentials)"
        }
        if fallback != true { found.append("\(number + 1): \(trimmed)") }
      }
    }
    return found
  }

  @Test func noSourceFileImportsTheWholeOfFoundation() throws {
    let files = try Self.sourceFiles()
    #expect(files.count > 50, "the sources were not found under \(Self.sources.path)")
    for (path, text) in files {
      let forbidden = Self.forbiddenImports(in: text)
      #expect(forbidden.isEmpty, "\(path) imports Foundation beyond FoundationEssentials")
    }
  }

  @Test(arguments: [
    ("import Foundation\n", 1),
    ("internal import Foundation\n", 1),
    ("@preconcurrency import struct Foundation.Data\n", 1),
    ("import FoundationInternationalization\n", 1),
    ("import Foundation  // why\n", 1),
    ("#if canImport(Glibc)\n  import Glibc\n#else\n  import Foundation\n#endif\n", 1),
    ("#if canImport(FoundationEssentials)\n  import Foundation\n#endif\n", 1),
    (
      "#if canImport(FoundationEssentials)\n  import A\n#elseif os(Linux)\n  import Foundation\n#endif\n",
      1
    ),
    (
      "#if canImport(FoundationEssentials)\n  import FoundationEssentials\n#else\n  import Foundation\n#endif\n",
      0
    ),
    ("import FoundationEssentials\nimport Syntax\n// import Foundation\n", 0),
  ])
  func theCheckFindsEveryFormOfTheImport(_ text: String, _ count: Int) {
    #expect(Self.forbiddenImports(in: text).count == count)
  }

  /// Whether `ldd` is there to list a binary's libraries (Linux).
  static let hasLDD = FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")

  /// The shared libraries the built csto loads at start, as `ldd` lists them (`libc.so.6`).
  static func linkedLibraries() throws -> [String] {
    let run = try CstoBinary.runProgram("/usr/bin/ldd", [CstoBinary.path])
    #expect(run.status == 0, "ldd failed: \(run.standardError)")
    let libraries = run.outputLines.compactMap {
      $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    }
    #expect(libraries.contains { $0.hasPrefix("libc.so") }, "ldd listed no libc: \(libraries)")
    return libraries
  }

  #if os(Linux)
    @Test(.enabled(if: hasLDD))
    func theBuiltBinaryLoadsNoFoundationBeyondItsEssentials() throws {
      let libraries = try Self.linkedLibraries()
      let whole = libraries.filter {
        $0.hasPrefix("libFoundation.") || $0.hasPrefix("libFoundationInternationalization")
          || $0.hasPrefix("lib_FoundationICU") || $0.hasPrefix("libicu")
      }
      // An object file compiled before the sources dropped Foundation keeps its autolink entry
      // when the driver does not compile it again (seen with `Reexports.swift`, whose text did
      // not change): a build folder from then fails here until it is built afresh.
      #expect(
        whole.isEmpty,
        "csto loads \(whole); if no source imports Foundation, a stale build folder may: remove it")
    }
  #endif
}
