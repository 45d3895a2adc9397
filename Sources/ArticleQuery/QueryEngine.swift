import ArticleModel
import Syntax

/// The library's entry point: a model and the query language over it.
///
///     let engine = try QueryEngine()          // the bundled CSTO model
///     let answer = try engine.evaluate("members where criticized russia")
///     // answer.names == ["Tajikistan"]
///
/// Errors are thrown as `QueryError`, with the position of the mistake in the query.
public struct QueryEngine: Sendable {
  public let model: Model
  let context: EngineContext

  /// An engine on the bundled model of the CSTO article.
  public init() throws(QueryError) {
    try self.init(model: ModelLoader.bundled)
  }

  /// An engine on `model`; throws `QueryError` when one of its named sets does not parse or
  /// is defined by itself.
  public init(model: Model) throws(QueryError) {
    self.model = model
    context = try EngineContext(model: model)
  }

  /// An engine on the model file at `path`. Throws `EngineError.model` with every problem of
  /// the file (or why it cannot be read), or `EngineError.namedSet` for a named set of the
  /// model that does not parse.
  public init(modelFile path: String) throws(EngineError) {
    let model: Model
    do {
      model = try ModelLoader.load(file: path)
    } catch {
      throw .model(error)
    }
    do {
      try self.init(model: model)
    } catch {
      throw .namedSet(error)
    }
  }

  /// The model's fact at `index` as an answer shows it, with names in place of ids.
  public func factResult(_ index: Int) -> FactResult {
    ResultBuilder(model: model).fact(index)
  }

  /// The vocabulary of the model: names, relation phrases, sets.
  public var vocabulary: Vocabulary { context.vocabulary }

  /// The answer to exactly one statement; `cancellation`, when set from another thread,
  /// stops it with a `QueryError` that says it was interrupted.
  public func evaluate(_ text: String, cancellation: Cancellation? = nil) throws(QueryError)
    -> Answer
  {
    let statements = try parse(text)
    guard statements.count == 1 else {
      let place = statements.count > 1 ? statements[1].range : 0..<text.utf8.count
      throw QueryError(
        Diagnostic(
          statements.isEmpty
            ? "expected a query, found \(text.isEmpty ? "nothing" : "only a comment")"
            : "expected one query, found \(statements.count); use run(_:) for several",
          at: place), in: SourceText(name: nil, text: text))
    }
    return try answer(statements[0], in: text, cancellation: cancellation)
  }

  /// The answers to the `;`-separated statements of `text`, stopping after the first error.
  /// An empty text, or one that is only comments, gives no answers.
  public func run(_ text: String, cancellation: Cancellation? = nil)
    -> [Result<Answer, QueryError>]
  {
    let (answers, error) = answers(text, cancellation: cancellation)
    return answers.map { .success($0) } + (error.map { [.failure($0)] } ?? [])
  }

  /// What `run(_:cancellation:)` gives, as the answers and the error that stopped them, if
  /// any. csto's shell takes this form: an array of `Result<Answer, QueryError>` has its type
  /// made at run time, which looks `QueryError`'s conformance to `Error` up among all the
  /// binary's conformances (0.2M instructions of a one-shot query).
  public func answers(_ text: String, cancellation: Cancellation? = nil)
    -> (answers: [Answer], error: QueryError?)
  {
    let statements: [Statement]
    do {
      statements = try parse(text)
    } catch {
      return ([], error)
    }
    var answers: [Answer] = []
    for statement in statements {
      do {
        answers.append(try answer(statement, in: text, cancellation: cancellation))
      } catch {
        return (answers, error)
      }
    }
    return (answers, nil)
  }

  /// The syntax trees of the statements of `text`.
  public func parseStatements(_ text: String) throws(QueryError) -> [Statement] {
    try parse(text)
  }

  /// A statement printed back as text that parses to the same tree: as a reader would type
  /// it, or, where the words after a name would run on into a longer name (`at events` before
  /// `in armenia` reads as the alias `events in armenia`), with ids and sets quoted.
  public func print(_ statement: Statement) -> String {
    let plain = QueryPrinter(vocabulary: context.vocabulary).print(statement)
    if let parsed = try? parse(plain), parsed == [statement] { return plain }
    return QueryPrinter(vocabulary: context.vocabulary, quotesNames: true).print(statement)
  }

  /// True unless `text` leaves a parenthesis or a quote open, in which case a line reader
  /// should read another line and append it.
  public func isComplete(_ text: String) -> Bool {
    !Lexer.isIncomplete(text)
  }

  private func parse(_ text: String) throws(QueryError) -> [Statement] {
    do {
      return try Parser.parse(text, vocabulary: context.vocabulary)
    } catch {
      throw QueryError(error, in: SourceText(name: nil, text: text))
    }
  }

  /// The answer to one parsed statement of `text`; an error points at the node that caused
  /// it (an assumption no scenario has) or at the statement (interrupted).
  private func answer(_ statement: Statement, in text: String, cancellation: Cancellation?)
    throws(QueryError) -> Answer
  {
    let source = SourceText(name: nil, text: text)
    let written = source.slice(statement.range)
    var scenarios: [Int] = []
    let model = context.model
    let claims = QueryPrinter(vocabulary: context.vocabulary) { model.entities[$0].name }
    var asked = statement.assumptions
    if case .whatIf(let assumption) = statement.query { asked.append(assumption) }
    for assumption in asked {
      let found = Assumptions.scenarios(for: assumption, in: context)
      guard !found.isEmpty else {
        throw QueryError(
          Diagnostic(
            "no scenario of the article has \(claims.print(assumption))",
            at: assumption.range,
            notes: [
              "the scenarios: "
                + model.entities.indices.filter { context.vocabulary.isScenario($0) }
                .map { model.entities[$0].name }.joined(separator: "; ")
            ]), in: source)
      }
      if statement.assumptions.contains(assumption) {
        scenarios += found.filter { !scenarios.contains($0) }
      }
    }
    var evaluator = Evaluator(
      context: context, assumed: Set(scenarios), cancellation: cancellation)
    let body = evaluator.body(for: statement.query)
    if evaluator.cancelled {
      throw QueryError(Diagnostic("interrupted", at: statement.range), in: source)
    }
    return Answer(
      query: written, assumptions: scenarios.map { model.entities[$0].name }, body: body)
  }
}

/// Which scenarios an `assuming` clause names.
enum Assumptions {
  static func scenarios(for assumption: Assumption, in context: EngineContext) -> [Int] {
    let model = context.model
    switch assumption.claim {
    case .scenario(let scenario):
      return [scenario.index]
    case .fact(let subject, let relation, let object):
      let subjectIndex = subject.index
      let relationIndex = relation.index
      let everyScenario = model.entities.indices.filter { context.vocabulary.isScenario($0) }
      var evaluator = Evaluator(context: context, assumed: Set(everyScenario))
      let targets = evaluator.targetSet(object)
      var found: [Int] = []
      let byNearEnd = relation.reversed ? model.index.factsByObject : model.index.factsBySubject
      // The subject, or one who speaks for it (`russia defeats ukraine`: the Russian army's).
      for (speaker, _) in evaluator.speakers(for: subjectIndex) {
        for fact in byNearEnd[speaker].lazy.map({ model.facts[$0] })
        where fact.relation == relationIndex && fact.polarity == .affirmed {
          guard let scenario = fact.scenario, !found.contains(scenario) else { continue }
          let (near, far) =
            relation.reversed ? (fact.object, fact.subject) : (fact.subject, fact.object)
          if near == speaker, evaluator.matches(far, targets) { found.append(scenario) }
        }
      }
      return found.sorted()
    }
  }
}
