/// A named run of bytes that a snapshot carries beside the model for a layer above it (the
/// query engine's vocabulary, `Grammar/snapshot.md`): ArticleModel stores and checksums it but
/// does not read it. Whoever reads it must check it as a snapshot is checked, and build what it
/// holds from the model instead when it does not read.
public struct SnapshotSection: Sendable, Equatable {
  /// What the bytes hold, e.g. `vocabulary`; the layer that wrote it looks for it by name.
  public var name: String
  /// The section's bytes (a copy of them: `Model.snapshotSectionBytes(named:)` reads them
  /// where they lie).
  public var bytes: [UInt8] {
    get { Array(place.owner.bytes[place.range]) }
    set { place = Self.holding(newValue) }
  }
  /// Where the bytes lie: in the snapshot read, which they are not copied out of, or in the
  /// array given, kept, which the engine then reads in place too (issue 14).
  var place: (owner: SnapshotBytes, range: Range<Int>)

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    place = Self.holding(bytes)
  }

  /// A section of the snapshot `owner` holds, at `range`.
  init(name: String, owner: SnapshotBytes, range: Range<Int>) {
    self.name = name
    place = (owner, range)
  }

  /// `bytes` kept (not copied) as a section's bytes are.
  private static func holding(_ bytes: [UInt8]) -> (owner: SnapshotBytes, range: Range<Int>) {
    (SnapshotBytes(keeping: bytes), 0..<bytes.count)
  }

  /// The section's bytes where they lie, valid while this section lives.
  var placedBytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: place.owner.bytes[place.range])
  }

  public static func == (lhs: SnapshotSection, rhs: SnapshotSection) -> Bool {
    lhs.name == rhs.name && lhs.bytes == rhs.bytes
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
      number(section.place.range.count)
      bytes.append(contentsOf: section.placedBytes)
    }
  }
}

extension SnapshotReader {
  /// The sections written by `SnapshotWriter.encode(_: [SnapshotSection])`, every length
  /// checked against the bytes left.
  /// They are left in `owner`'s bytes, not copied; this reader's bytes begin at `base` in
  /// them.
  mutating func sections(owner: SnapshotBytes, at base: Int) throws(SnapshotError)
    -> [SnapshotSection]
  {
    var sections: [SnapshotSection] = []
    for _ in 0..<(try count()) {
      let name = try text()
      let length = try number()
      guard length <= bytes.count - offset else { throw .truncated }
      sections.append(
        SnapshotSection(name: name, owner: owner, range: base + offset..<base + offset + length))
      offset += length
    }
    return sections
  }
}
