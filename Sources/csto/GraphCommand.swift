import ArgumentParser
import ArticleQuery

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `csto graph [QUERY] -o FILE [--model FILE]`: the answer to QUERY, or the whole article,
/// drawn with Graphviz into FILE.
struct GraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Draw an answer, or the whole article, with Graphviz.",
    usage: "csto graph [<query> ...] -o <file>.svg|.png|.pdf|.dot [--model <file>]",
    discussion: """
      The graph has the entities of the answer and the facts among them, edges labelled with \
      the relation and the paragraph, kinds as shapes, denied facts dashed and scenario facts \
      dotted. FILE's extension chooses the picture: .svg, .png and .pdf run Graphviz's dot \
      (apt-get install graphviz); .dot (or .gv) writes the graph itself and needs nothing.

      Exit status: 0 success, 1 a query error or dot failing, 2 bad usage, no dot, an \
      unreadable model, or a FILE that cannot be written.
      """)

  @Argument(
    help: ArgumentHelp(
      "The query whose answer to draw (its words may be given apart); none: the whole article.",
      valueName: "query"))
  var query: [String] = []

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: ArgumentHelp("The picture to write: FILE.svg, .png, .pdf or .dot.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp("Draw from the model in FILE instead of the bundled one.", valueName: "file")
  )
  var model: String?

  /// Draws the graph; gives back the exit status.
  func execute() -> Int32 {
    let out = Output()
    guard let output, Graphviz.format(of: output) != nil else {
      out.error(Graphviz.Problem.unknownFormat.message(command: "csto graph"))
      return 2
    }
    guard let engine = Invocation.engine(modelFile: model, output: out, cache: nil) else {
      return 2
    }
    let text: String
    if query.isEmpty {
      text = DotRenderer.dot(for: engine.model)
    } else {
      do {
        let answer = try engine.evaluate(query.joined(separator: " "))
        text = Renderer.render(answer, options: RenderOptions(format: .dot), model: engine.model)
      } catch {
        out.error(
          error.rendered(
            color: Terminal.allowsColor(STDERR_FILENO, environment: Environment.current())))
        return 1
      }
    }
    switch Graphviz.draw(text, to: output) {
    case .success:
      return 0
    case .failure(.noDot):
      out.error(Graphviz.Problem.noDot.message(command: "csto graph"))
      out.error("note: -o FILE.dot writes the graph without it")
      return 2
    case .failure(let problem):
      out.error("csto: " + problem.message(command: "csto graph"))
      return problem.exitStatus
    }
  }
}
