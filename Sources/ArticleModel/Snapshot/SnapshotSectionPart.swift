/// The sections' part of a snapshot (`SnapshotPart.sections`) encoded, with its blocks'
/// checksums and the sections it holds: what the cache makes on the machine's second core
/// while the first encodes the model's parts (issue 14). It numbers no strings, so it needs
/// nothing of the writer those parts fill.
struct SnapshotSectionPart: Sendable {
  /// The sections, which the model loaded is given too.
  let sections: [SnapshotSection]
  /// The part's bytes (`SnapshotWriter.sectionPart`).
  let bytes: [UInt8]
  /// The checksum of each of its blocks.
  let checksums: [UInt64]

  init(_ sections: [SnapshotSection]) {
    self.sections = sections
    bytes = SnapshotWriter.sectionPart(sections)
    checksums = SnapshotParts.checksums(of: bytes)
  }
}
