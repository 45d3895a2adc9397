/// A named run of bytes that a snapshot carries beside the model for a layer above it (the
/// query engine's vocabulary, `Grammar/snapshot.md`): ArticleModel stores and checksums it but
/// does not read it. Whoever reads it must check it as a snapshot is checked, and build what it
/// holds from the model instead when it does not read.
public struct SnapshotSection: Sendable, Equatable {
  /// What the bytes hold, e.g. `vocabulary`; the layer that wrote it looks for it by name.
  public var name: String
  public var bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

extension Model {
  /// This model with the sections of the snapshot it was read from (or is written to).
  public func withSnapshotSections(_ sections: [SnapshotSection]) -> Model {
    var model = self
    model.snapshotSections = sections
    return model
  }

  /// The bytes of the section called `name` of the snapshot this model was read from; nil for
  /// a model loaded from its text, or a snapshot without it.
  public func snapshotSection(named name: String) -> [UInt8]? {
    snapshotSections.first { $0.name == name }?.bytes
  }
}

extension SnapshotWriter {
  /// The sections after the model: a count, then each one's name and its bytes.
  mutating func encode(_ sections: [SnapshotSection]) {
    number(sections.count)
    for section in sections {
      text(section.name)
      number(section.bytes.count)
      bytes.append(contentsOf: section.bytes)
    }
  }
}

extension SnapshotReader {
  /// The sections written by `SnapshotWriter.encode(_: [SnapshotSection])`, every length
  /// checked against the bytes left.
  mutating func sections() throws(SnapshotError) -> [SnapshotSection] {
    var sections: [SnapshotSection] = []
    for _ in 0..<(try count()) {
      let name = try text()
      let length = try number()
      guard length <= bytes.count - offset else { throw .truncated }
      sections.append(
        SnapshotSection(name: name, bytes: Array(bytes[offset..<offset + length])))
      offset += length
    }
    return sections
  }
}
