import Foundation
import Testing

/// The model files of `Tests/Reproductions` that are meant not to load, each replayed against
/// the built `csto`: the `# expect: ` comments after its `end` line are the lines its errors
/// must print, in order, and it prints no other error.
@Suite struct ModelReproductionTests {
  /// The reproductions that carry expectations, by name.
  static let models: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: ReproductionTests.folder))
    return (names ?? []).filter { name in
      name.hasSuffix(".model") && !expectations(of: name).isEmpty
    }.sorted()
  }()

  /// The lines a reproduction expects on standard error.
  static func expectations(of name: String) -> [String] {
    let path = ReproductionTests.folder + "/" + name
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      line.hasPrefix("# expect: ") ? String(line.dropFirst("# expect: ".count)) : nil
    }
  }

  @Test func theReproductionsAreThere() {
    for name in [
      "lexical-errors.model", "no-break-space.model", "missing-object.model",
      "duplicate-document.model",
    ] {
      #expect(Self.models.contains(name), "\(name)")
    }
  }

  @Test(arguments: models)
  func aBrokenModelPrintsItsErrorsAndNoOthers(name: String) throws {
    let folder = try CstoBinary.temporaryFolder()
    defer { CstoBinary.remove(folder) }
    _ = try ReproductionTests.copy(name, into: folder)
    let run = try CstoBinary.run(["--model", name, "-c", "count facts"], in: folder)
    #expect(run.status == 2)
    let printed = run.standardError.split(separator: "\n").map(String.init)
    var next = printed.startIndex
    for expected in Self.expectations(of: name) {
      let found = printed[next...].firstIndex(of: expected)
      #expect(found != nil, "missing, or out of order: \(expected)\n\(run.standardError)")
      if let found { next = found + 1 }
    }
    let errors = printed.filter { $0.hasPrefix(name + ":") && $0.contains(": error: ") }
    let expectedErrors = Self.expectations(of: name).filter { $0.contains(": error: ") }
    #expect(errors == expectedErrors)
  }
}
