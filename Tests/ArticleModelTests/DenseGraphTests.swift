import ArticleModel
import Testing

/// A dense `part of` graph (issue 15, item 8): who speaks for whom stays bounded, so the
/// index grows with the bodies, not with their square.
@Suite struct DenseGraphTests {
  /// `bodies` bodies, each part of `links` others picked by a fixed generator.
  static func dense(bodies: Int, links: Int) -> String {
    var text = """
      document d
        paragraph "A is part of B."
      kind body plural "bodies"
      relation part_of "part of"
        represents body

      """
    for index in 0..<bodies { text += "entity b\(index) \"B\(index)\" body\n" }
    var state: UInt64 = 1
    for index in 0..<bodies {
      for _ in 0..<links {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let other = Int((state >> 33) % UInt64(bodies))
        guard other != index else { continue }
        text += "fact b\(index) part_of b\(other)\n  evidence 1 \"A is part of B\"\n"
      }
    }
    return text + "end\n"
  }

  @Test func aDenseGraphKeepsEachBodysReachBounded() throws {
    let bodies = 2_000
    let model = try ModelLoader.load(text: Self.dense(bodies: bodies, links: 10), name: "dense") {
      _ in ""
    }
    let reach = model.index.speaksFor.map(\.count)
    #expect(reach.max() == ModelIndex.maximumReach)
    #expect(reach.reduce(0, +) <= bodies * ModelIndex.maximumReach)
    #expect(model.index.spokenForBy.map(\.count).reduce(0, +) == reach.reduce(0, +))
  }

  /// A short chain is whole: the cap does not cut what an article has.
  @Test func aShortChainIsWhole() throws {
    let model = try ModelLoader.load(text: Self.dense(bodies: 6, links: 1), name: "short") { _ in
      ""
    }
    #expect(model.index.speaksFor.allSatisfy { $0.count < ModelIndex.maximumReach })
  }
}
