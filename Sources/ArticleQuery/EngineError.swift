import ArticleModel

/// Why `QueryEngine(modelFile:)` could not make an engine: the model file, or a named set
/// that the model defines by a query.
public enum EngineError: Error, Sendable, CustomStringConvertible {
  /// The file could not be read (`ModelError.isUnreadable`), or was read and found wrong:
  /// every problem, each with its line and column.
  case model(ModelError)
  /// A named set of the model whose query does not parse or is defined by itself.
  case namedSet(QueryError)

  /// Every problem, rendered as `FILE:LINE:COLUMN: error: ...` with the line and a caret.
  public func rendered(color: Bool = false) -> String {
    switch self {
    case .model(let error): error.rendered(color: color)
    case .namedSet(let error): error.rendered(color: color)
    }
  }

  public var description: String { rendered() }
}
