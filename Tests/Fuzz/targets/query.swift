import ArticleModel
import ArticleQuery

/// Query text through the lexer, the parser, the evaluator and every renderer. Any input
/// must give answers or one positioned error: a crash, a hang or a sanitizer report is a bug.
nonisolated(unsafe) private var engine: QueryEngine? = nil

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  if engine == nil { engine = try? QueryEngine() }
  guard let engine else { return 0 }
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  for result in engine.run(text) {
    switch result {
    case .success(let answer):
      for format in OutputFormat.allCases {
        _ = Renderer.render(answer, options: RenderOptions(format: format, width: 80))
      }
    case .failure(let error):
      let range = error.diagnostic.range
      precondition(range.lowerBound >= 0 && range.upperBound <= text.utf8.count, "range outside")
      _ = error.rendered(sourceName: "fuzz")
    }
  }
  _ = engine.isComplete(text)
  _ = engine.completions(in: text, cursor: min(text.count, 200))
  return 0
}
