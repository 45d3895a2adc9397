import ArticleQuery
import Foundation
import Testing

// This file imports ArticleQuery alone, as a program that embeds the evaluator does: every
// type named here (SourceLocation, ModelError, Model, Polarity) must come through it.

@Suite struct AnswerAccessorTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  @Test func anEntityAnswerGivesItsResultsAndEachOnesEvidence() throws {
    let answer = try engine.evaluate("members where criticized russia")
    #expect(answer.results.map(\.name) == answer.names)
    let tajikistan = try #require(answer.result(named: "tajikistan"))
    #expect(tajikistan.kind == "country")
    let evidence = answer.evidence(for: "Tajikistan")
    #expect(evidence.first?.via == "Rakhmon")
    #expect(evidence.first?.paragraph == 5)
    #expect(answer.evidence(for: "Belarus").isEmpty)
    #expect(answer.result(named: "belarus") == nil)
  }

  @Test func factsAreThoseTheAnswerShowsEachOnce() throws {
    let listed = try engine.evaluate("facts in paragraph 5")
    guard case .facts(let facts) = listed.body else {
      Issue.record("not a facts answer")
      return
    }
    #expect(listed.facts == facts)
    // Every fact is cited from ¶5; some also from other paragraphs, which count too.
    let cited = Set(facts.flatMap { [$0.paragraph] + $0.moreEvidence.map(\.paragraph) })
    #expect(listed.paragraphs == cited.sorted())
    #expect(listed.paragraphs.contains(5))
    let entities = try engine.evaluate("members where criticized russia")
    // The criticism itself and the fact that makes Rakhmon speak for Tajikistan.
    #expect(entities.facts.count >= 2)
    #expect(entities.facts.contains { $0.subject == "Rakhmon" && $0.quote.contains("criticized") })
    #expect(Set(entities.facts.map(\.index)).count == entities.facts.count)
    #expect(try engine.evaluate("count members").facts.isEmpty)
  }

  @Test func deniedFactsAreTypedNotSpelled() throws {
    let answer = try engine.evaluate("facts about armenia")
    #expect(answer.facts.contains { $0.polarity == Polarity.denied })
  }

  @Test func aModelFileThatDoesNotCheckIsAnEngineErrorWithEveryProblem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "csto-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("bad.model").path
    try "kind country plural \"countries\"\nentity x \"X\" nation\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    do {
      _ = try QueryEngine(modelFile: path)
      Issue.record("a bad model made an engine")
    } catch .model(let error) {
      let problem: ModelError = error
      #expect(!problem.isUnreadable)
      #expect(problem.rendered().contains("bad.model:2:"))
    } catch .namedSet(let error) {
      Issue.record("a model problem reported as a named set's: \(error)")
    }
    do {
      _ = try QueryEngine(modelFile: folder.appendingPathComponent("missing.model").path)
      Issue.record("a missing file made an engine")
    } catch {
      guard case .model(let problem) = error else {
        Issue.record("not a model error: \(error)")
        return
      }
      #expect(problem.isUnreadable)
    }
  }

  @Test func anErrorsPositionComparesWithoutAnotherImport() throws {
    do {
      _ = try engine.evaluate("members wher criticized russia")
      Issue.record("no error thrown")
    } catch {
      #expect(error.location == SourceLocation(line: 1, column: 9))
    }
  }

  @Test func theModelIsReachableThroughTheEngine() {
    let model: Model = engine.model
    #expect(model.facts.count > 100)
  }
}
