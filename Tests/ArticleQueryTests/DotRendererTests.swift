import ArticleModel
import ArticleQuery
import Foundation
import Syntax
import Testing

/// Answers as Graphviz graphs: every example query's graph is accepted by `dot`, shapes follow
/// kinds, denials and scenarios are styled apart, names are escaped, the output is stable.
@Suite struct DotRendererTests {
  /// The answer as DOT, the way every format is rendered.
  static func dot(_ answer: Answer, model: Model? = nil) -> String {
    Renderer.render(answer, options: RenderOptions(format: .dot), model: model)
  }

  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  /// The queries of the example scripts in `Examples/` that give answers (lines that are not
  /// comments or dot-commands, continued while a parenthesis or quote is open).
  static let exampleQueries: [String] = {
    guard let engine = try? QueryEngine() else { return [] }
    let examples = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Examples")
    let files =
      (try? FileManager.default.contentsOfDirectory(atPath: examples.path))?
      .filter { $0.hasSuffix(".csto") }.sorted() ?? []
    var queries: [String] = []
    for file in files {
      let text =
        (try? String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)) ?? ""
      var pending = ""
      for line in text.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if pending.isEmpty, trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(".") {
          continue
        }
        pending += pending.isEmpty ? trimmed : "\n" + trimmed
        guard engine.isComplete(pending) else { continue }
        queries.append(pending)
        pending = ""
      }
    }
    return queries
  }()

  @Test func theExamplesHaveQueries() {
    #expect(Self.exampleQueries.count >= 30)
  }

  @Test(arguments: exampleQueries)
  func everyExampleQueryGivesAGraphDotAccepts(_ query: String) throws {
    for result in engine.run(query) {
      guard case .success(let answer) = result else { continue }
      try expectDotAccepts(Self.dot(answer, model: engine.model))
      try expectDotAccepts(Renderer.render(answer, options: RenderOptions(format: .dot)))
    }
  }

  @Test func theWholeModelGivesAGraphDotAccepts() throws {
    let text = DotRenderer.dot(for: engine.model)
    try expectDotAccepts(text)
    let edges = text.split(separator: "\n").filter { $0.contains(" -> ") }
    #expect(edges.count == engine.model.facts.count)
  }

  @Test func anEntityAnswerShowsItsEntitiesTheirEvidenceAndTheFactsAmongThem() throws {
    let answer = try engine.evaluate("members where criticized russia")
    let text = Self.dot(answer, model: engine.model)
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(
      lines[1]
        == "graph [label=\"members where criticized russia\", labelloc=t, rankdir=LR, fontname=\"Helvetica\"];"
    )
    #expect(
      lines.contains(
        "\"Tajikistan\" [shape=box, fillcolor=\"#fdf3b5\", penwidth=2, style=\"filled\", tooltip=\"country\"];"
      ))
    #expect(lines.contains("\"Rakhmon\" [shape=ellipse, tooltip=\"person\"];"))
    #expect(lines.contains { $0.hasPrefix("\"Rakhmon\" -> \"Russia\" [label=\"criticized\\n¶5\"") })
    #expect(
      lines.contains { $0.hasPrefix("\"Rakhmon\" -> \"Tajikistan\" [label=\"president of\\n¶5\"") })
    // Among the three entities the article also denies that Tajikistan openly supported Russia.
    #expect(
      lines.contains {
        $0.hasPrefix("\"Tajikistan\" -> \"Russia\" [label=\"not supported\\n¶9\", style=dashed")
      })
  }

  @Test func withoutTheModelOnlyTheAnswerIsDrawn() throws {
    let answer = try engine.evaluate("members where criticized russia")
    let text = Renderer.render(answer, options: RenderOptions(format: .dot))
    #expect(text != Self.dot(answer, model: engine.model), "the model adds kinds and facts")
    #expect(text.contains("\"Rakhmon\" [shape=plaintext];"))
    #expect(!text.contains("not supported"))
  }

  @Test func symmetricFactsHaveNoArrowhead() throws {
    let text = Self.dot(try engine.evaluate("members"), model: engine.model)
    #expect(
      text.split(separator: "\n").contains {
        $0.contains("\"Kyrgyzstan\" -> \"Tajikistan\" [label=\"in conflict with\\n¶2\"")
          && $0.contains("dir=none")
      })
  }

  @Test func scenarioFactsAreDottedAndAssessmentsHollow() throws {
    let text = Self.dot(try engine.evaluate("show iran"), model: engine.model)
    let edges = text.split(separator: "\n").filter { $0.contains(" -> ") }
    #expect(
      edges.contains {
        $0.contains("\"Iran\" -> \"CSTO\" [label=\"joins\\n¶13\\nif: Iran joins the CSTO\"")
          && $0.contains("style=dotted")
      })
    #expect(
      edges.contains { $0.contains("\"Iran\" -> \"Tajikistan\"") && $0.contains("arrowhead=empty") }
    )
    #expect(text.contains("\"Iran\" [shape=box, fillcolor="))
  }

  @Test func aCountIsItsNumber() throws {
    let text = Self.dot(try engine.evaluate("count members"), model: engine.model)
    #expect(text.contains("count [shape=plaintext, fontsize=28, label=\"6\"];"))
    try expectDotAccepts(text)
  }

  @Test func namesAndQuotesAreEscaped() throws {
    let model = try ModelLoader.load(text: ExportToolTests.awkwardModelText, name: "awkward") {
      throw ExternalTool.Failure(description: "no file \($0)")
    }
    let awkward = try QueryEngine(model: model)
    let text = Self.dot(try awkward.evaluate("facts"), model: model)
    #expect(text.contains("\"Ruritania \\\"the Brave\\\"\" [shape=box"))
    #expect(text.contains("\"Seán O'Brien\\\\Jr\" -> \"Ruritania \\\"the Brave\\\"\""))
    #expect(text.contains("label=\"not criticized\\n¶2\""))
    try expectDotAccepts(text)
    try expectDotAccepts(DotRenderer.dot(for: model))
  }

  @Test func theSameAnswerGivesTheSameGraph() throws {
    for query in [
      "countries where in conflict with members", "show belarus",
      "why tajikistan criticized russia",
    ] {
      let first = Self.dot(try engine.evaluate(query), model: engine.model)
      #expect(Self.dot(try engine.evaluate(query), model: engine.model) == first)
    }
    #expect(DotRenderer.dot(for: engine.model) == DotRenderer.dot(for: ModelLoader.bundled))
  }

  /// `dot -Tsvg` reads the graph without an error or a warning and writes an SVG.
  private func expectDotAccepts(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    let output = try ExternalTool.dot.run(["-Tsvg"], input: text)
    #expect(output.status == 0, "\(output.stderr)\n\(text)", sourceLocation: sourceLocation)
    #expect(output.stderr.isEmpty, "\(output.stderr)", sourceLocation: sourceLocation)
    #expect(output.stdout.contains("<svg"), sourceLocation: sourceLocation)
  }
}
