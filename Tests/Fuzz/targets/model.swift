import ArticleModel

/// Model text through the model parser and checker. Any input must give a model, which
/// prints and parses back to itself, or errors with positions inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let readText: (String) throws -> String = { _ in Bundled.articleText }
  do {
    let model = try ModelLoader.load(text: text, name: "fuzz.model", readText: readText)
    let printed = ModelPrinter.print(model)
    let again = try ModelLoader.load(text: printed, name: "printed.model", readText: readText)
    precondition(again == model, "printing and parsing changed the model")
    _ = Coverage(of: model)
  } catch {
    for diagnostic in error.diagnostics {
      precondition(diagnostic.range.upperBound <= max(text.utf8.count, 0) + 1, "range outside")
    }
    _ = error.rendered()
  }
  return 0
}
