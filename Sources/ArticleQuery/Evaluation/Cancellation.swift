import Synchronization

/// A flag another thread (a Ctrl-C handler) sets to stop an evaluation under way. The
/// evaluator looks at it as it goes; a cancelled statement ends with a `QueryError` saying
/// it was interrupted, and the engine stays usable.
public final class Cancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  /// Asks the evaluation to stop. Safe to call from any thread.
  public func cancel() { flag.store(true, ordering: .relaxed) }

  /// Makes the flag ready for the next evaluation.
  public func reset() { flag.store(false, ordering: .relaxed) }

  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
