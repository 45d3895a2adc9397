import ArticleModel
import Foundation
import Testing

/// A reader who had not seen the model listed every claim of ¶1–15 (`Claims/claims-reader.md`);
/// `Claims/claims-matched.tsv` says, for each, which fact of the bundled model states it
/// (matched, or added for issue 13) or why none does (explained). These tests hold the two
/// files and the model to each other.
@Suite struct ClaimsMatchTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Claims")

  struct Row {
    var claim: String
    var status: String
    var fact: String
    var why: String
  }

  static func readerClaims() throws -> [String] {
    let text = try String(
      contentsOf: folder.appendingPathComponent("claims-reader.md"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      let first = line.split(separator: " ").first.map(String.init) ?? ""
      let parts = first.split(separator: ".")
      guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
      else { return nil }
      return first
    }
  }

  static func rows() throws -> [Row] {
    let text = try String(
      contentsOf: folder.appendingPathComponent("claims-matched.tsv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Row(
        claim: fields[0], status: fields.count > 1 ? fields[1] : "",
        fact: fields.count > 2 ? fields[2] : "", why: fields.count > 3 ? fields[3] : "")
    }
  }

  @Test func everyClaimOfTheReaderIsAccountedForOnce() throws {
    let claims = try Self.readerClaims()
    #expect(claims.count == 190)
    #expect(try Self.rows().map(\.claim) == claims)
  }

  @Test func everyStatusIsOneOfThree() throws {
    for row in try Self.rows() {
      #expect(["matched", "added", "explained"].contains(row.status), "\(row.claim)")
    }
  }

  /// A matched or added claim names a fact the bundled model has, by its ids.
  @Test func everyMatchedClaimNamesAFactOfTheModel() throws {
    let model = ModelLoader.bundled
    let facts = Set(
      model.facts.map {
        "\(model.entities[$0.subject].id) \(model.relations[$0.relation].id) \(model.entities[$0.object].id)"
      })
    for row in try Self.rows() where row.status != "explained" {
      #expect(facts.contains(row.fact), "\(row.claim): \(row.fact)")
    }
  }

  @Test func everyExplainedClaimSaysWhy() throws {
    for row in try Self.rows() where row.status == "explained" {
      #expect(row.fact.isEmpty, "\(row.claim)")
      #expect(row.why.count > 20, "\(row.claim)")
    }
  }
}
