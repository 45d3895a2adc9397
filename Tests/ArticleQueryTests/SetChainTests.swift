import ArticleModel
import ArticleQuery
import Foundation
import Testing

/// Named sets defined by one another in long chains (`Tests/Reproductions/set-chain.model`
/// and thousands of sets added to it): answered without running out of stack, and checked
/// for cycles in time that grows with the chain, not its square.
@Suite struct SetChainTests {
  static let head = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Reproductions/set-chain.model")

  /// The reproduction with `count` sets chained, the last one closing the chain on `s0`
  /// when `cyclic`.
  static func chain(_ count: Int, cyclic: Bool = false) throws -> String {
    var text = try String(contentsOf: head, encoding: .utf8)
    for index in 0..<count - 1 {
      text += "set s\(index) \"countries where liked s\(index + 1)\"\n"
    }
    text += "set s\(count - 1) \"countries where liked \(cyclic ? "s0" : "b")\"\n"
    return text
  }

  static func engine(_ text: String) throws -> QueryEngine {
    try QueryEngine(model: try ModelLoader.load(text: text, name: "chain.model") { _ in "" })
  }

  /// s{N-1} is {a}; each set before it is whoever liked the next: the members alternate.
  @Test func aChainOfFiveThousandSetsIsAnswered() throws {
    let engine = try Self.engine(try Self.chain(5_000))
    // s0 is 4,999 steps from s4999 = {A}: an odd number, so {B}.
    #expect(try engine.evaluate("count s0").count == 1)
    #expect(try engine.evaluate("s0").names == ["B"])
    #expect(try engine.evaluate("who liked s0").names == ["A"])
    #expect(try engine.evaluate("s1").names == ["A"])
  }

  @Test func whyThroughAChainOfFiveThousandSetsIsAnswered() throws {
    let engine = try Self.engine(try Self.chain(5_000))
    guard case .success(let answer) = engine.run("why a liked s0").first else {
      Issue.record("no answer")
      return
    }
    #expect(!Renderer.render(answer, options: RenderOptions(format: .table)).isEmpty)
  }

  @Test func aCycleThroughFiftyThousandSetsIsFoundQuicklyAndNamedShort() throws {
    let text = try Self.chain(50_000, cyclic: true)
    let clock = ContinuousClock()
    let start = clock.now
    #expect {
      _ = try Self.engine(text)
    } throws: { error in
      let message = (error as? QueryError)?.message ?? "\(error)"
      return message.hasPrefix("the set 's0' is defined by itself: s0 → s1 → s2")
        && message.contains("more) … → s49996 → s49997 → s49998 → s49999 → s0")
        && message.utf8.count < 200
    }
    #expect(clock.now - start < .seconds(60))
  }
}
