import ArticleModel

extension QueryEngine {
  /// What a snapshot of `model` carries beside it for an engine (its vocabulary and the order
  /// of its answers), so that an engine on the model read back starts without building them:
  /// pass these to `ModelSnapshot.encode(_:sections:)` or `SnapshotCache(folder:build:sections:)`.
  public static func snapshotSections(of model: Model) -> [SnapshotSection] {
    [
      Vocabulary(model: model).section(of: model),
      EngineContext.orderSection(EngineContext.rank(of: model)),
    ].compactMap { $0 }
  }

  /// `snapshotSections(of:)` for this engine's model, from what the engine already holds.
  public var snapshotSections: [SnapshotSection] {
    [context.vocabulary.section(of: model), EngineContext.orderSection(context.rank)]
      .compactMap { $0 }
  }
}
