@testable import ArticleModel

/// Model text through the model parser and checker. Any input must give a model, which
/// prints and parses back to itself, or errors with positions inside the text; and the same
/// model or the same errors when its facts are parsed and checked in pieces at once
/// (`ModelChecker.Pieces`), with its strings numbered alike.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let readText: (String) throws -> String = { _ in Bundled.articleText }
  expectSameInPieces(text, readText: readText)
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

/// Loads `text` read in order and in three pieces, and stops on any difference.
func expectSameInPieces(_ text: String, readText: (String) throws -> String) {
  func load(_ pieces: ModelChecker.Pieces) -> Result<Model, ModelError> {
    Result { () throws(ModelError) -> Model in
      try ModelLoader.load(
        text: text, name: "fuzz.model", requiringEnd: false, factsAsParsed: true,
        pieces: pieces, readText: readText)
    }
  }
  switch (load(.exactly(1)), load(.exactly(3))) {
  case (.success(let inOrder), .success(let inPieces)):
    precondition(inOrder == inPieces, "the model read in pieces differs")
    precondition(
      inOrder.stringNumbers?.uses == inPieces.stringNumbers?.uses
        && inOrder.stringNumbers?.strings == inPieces.stringNumbers?.strings,
      "the strings read in pieces are numbered otherwise")
  case (.failure(let inOrder), .failure(let inPieces)):
    precondition(inOrder.diagnostics == inPieces.diagnostics, "the errors in pieces differ")
  default:
    preconditionFailure("one way loads, the other does not")
  }
}
