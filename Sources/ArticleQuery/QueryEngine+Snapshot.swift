import ArticleModel

extension QueryEngine {
  /// What a snapshot of `model` carries beside it for an engine (its vocabulary), so that an
  /// engine on the model read back starts without building it: pass these to
  /// `ModelSnapshot.encode(_:sections:)` or `SnapshotCache(folder:build:sections:)`.
  public static func snapshotSections(of model: Model) -> [SnapshotSection] {
    [Vocabulary(model: model).section(of: model)]
  }

  /// `snapshotSections(of:)` for this engine's model, from what the engine already holds.
  public var snapshotSections: [SnapshotSection] {
    [context.vocabulary.section(of: model)]
  }
}
