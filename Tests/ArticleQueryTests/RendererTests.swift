import ArticleQuery
import Testing

/// The table format fits the terminal, shortens quotes only saying so, and leaves evidence
/// out when asked; CSV and Markdown hold every quote whole.
@Suite struct RendererTests {
  let engine: QueryEngine

  init() throws {
    engine = try QueryEngine()
  }

  static let queries = [
    "members where criticized russia", "why not belarus criticized russia", "show belarus",
    "facts in paragraph 9", "why tajikistan criticized russia", "everything",
  ]

  @Test(arguments: queries, [60, 80, 100, 140])
  func tableLinesFitTheWidth(query: String, width: Int) throws {
    let answer = try engine.evaluate(query)
    let text = Renderer.render(answer, options: RenderOptions(width: width))
    for line in text.split(separator: "\n") {
      #expect(line.count <= max(width, 60) + 40, "\(line)")
    }
    let wide = text.split(separator: "\n").filter { $0.count > width }
    let quoted = wide.filter { $0.contains("“") }
    #expect(quoted.isEmpty, "quotes past the width: \(quoted)")
  }

  @Test func aShortenedQuoteSaysHowMuchWasCut() throws {
    let answer = try engine.evaluate("members where criticized russia")
    let text = Renderer.render(answer, options: RenderOptions(width: 80))
    #expect(text.contains("…”"))
    #expect(text.contains("chars)"))
    let full = Renderer.render(answer, options: RenderOptions(width: 80, evidence: .full))
    #expect(
      full.contains(
        "(albeit personally – without reference to the CSTO) at the Tashkent SCO summit”"))
  }

  @Test(arguments: ["facts in paragraph 5", "show belarus", "members where criticized russia"])
  func evidenceOffLeavesQuotesOut(query: String) throws {
    let answer = try engine.evaluate(query)
    let text = Renderer.render(answer, options: RenderOptions(evidence: .off))
    #expect(!text.contains("“"), "\(text)")
  }

  @Test func csvAndMarkdownKeepWholeQuotes() throws {
    let answer = try engine.evaluate("members where criticized russia")
    let quote =
      "Tajik President Rakhmon, in turn, criticized Russia (albeit personally – without reference to the CSTO) at the Tashkent SCO summit"
    let csv = Renderer.render(answer, options: RenderOptions(format: .csv))
    #expect(csv.hasPrefix("name,kind,paragraph,via,quote\r\n"))
    #expect(csv.contains("Tajikistan,country,5,Rakhmon,\"\(quote)\""))
    let markdown = Renderer.render(answer, options: RenderOptions(format: .markdown))
    #expect(markdown.contains("| Tajikistan | country | via Rakhmon (president), ¶5 | \(quote) |"))
  }

  @Test func colourOnlyWhenAsked() throws {
    let answer = try engine.evaluate("members")
    #expect(!Renderer.render(answer).contains("\u{1B}["))
    #expect(Renderer.render(answer, options: RenderOptions(color: true)).contains("\u{1B}[1m"))
  }
}
