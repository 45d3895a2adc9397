import ArticleModel
import Foundation
import Testing

/// A model with thousands of bad facts (issue 15, item 6): every error is counted, the first
/// hundred are printed, then how many more. (Its cost at 1k, 10k and 100k bad facts is
/// measured in `Tests/Benchmarks/README.md`, not here.)
@Suite struct ModelErrorScaleTests {
  /// A small model and `count` facts whose subject no entity has.
  static func badFacts(_ count: Int) -> String {
    var text = """
      document d
        paragraph "A liked B."
      kind country plural "countries"
      relation liked "liked"
      entity a "A" country
      entity b "B" country

      """
    for index in 0..<count {
      text += "fact nobody\(index) liked b\n  evidence 1 \"A liked B\"\n"
    }
    return text + "end\n"
  }

  @Test func twentyThousandBadFactsPrintAHundredErrorsAndACount() throws {
    #expect {
      _ = try ModelLoader.load(text: Self.badFacts(20_000), name: "bad.model") { _ in "" }
    } throws: { error in
      guard let error = error as? ModelError else { return false }
      let rendered = error.rendered()
      let shown = rendered.split(separator: "\n").filter { $0.contains(": error: ") }
      return error.diagnostics.count == 20_000 && shown.count == 100
        && rendered.hasSuffix("\nand 19900 more errors (20000 in all)")
        && shown[0].hasPrefix("bad.model:7:6: error: unknown entity 'nobody0'")
    }
  }

  @Test func aHundredErrorsArePrintedWithoutACount() throws {
    #expect {
      _ = try ModelLoader.load(text: Self.badFacts(100), name: "bad.model") { _ in "" }
    } throws: { error in
      guard let error = error as? ModelError else { return false }
      return !error.rendered().contains("more error") && error.diagnostics.count == 100
    }
  }
}
