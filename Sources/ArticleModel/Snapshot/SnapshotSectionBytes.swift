/// A snapshot section's bytes where they lie: in the mapped snapshot file (or the copy of the
/// bytes a snapshot was read from), kept for as long as this value lives, so that a layer
/// above reads its section in place instead of copying it and making values of it at start
/// (issue 14: the query engine's vocabulary). Nothing in them is trusted: the reader checks
/// every number it reads against the bytes, as a snapshot's reader does.
public struct SnapshotSectionBytes: @unchecked Sendable {
  // Sendable: the bytes are never written, and `owner` keeps them.
  /// The section's bytes; valid while this value (or a copy of it) lives.
  public let bytes: UnsafeRawBufferPointer
  private let owner: SnapshotBytes

  init(bytes: UnsafeRawBufferPointer, owner: SnapshotBytes) {
    self.bytes = bytes
    self.owner = owner
  }
}

extension Model {
  /// The bytes of the section called `name` of the snapshot this model was read from (or that
  /// was given it, `withSnapshotSections`), where they lie; nil when there is none.
  public func snapshotSectionBytes(named name: String) -> SnapshotSectionBytes? {
    guard let section = snapshotSections.first(where: { $0.name == name }) else { return nil }
    return SnapshotSectionBytes(bytes: section.placedBytes, owner: section.place.owner)
  }
}

/// Strings numbered by their UTF-8 bytes as a snapshot's string table numbers them
/// (`SnapshotStrings`: two strings that `==` finds equal but that are spelt with other bytes
/// each keep their own), for a section that lays out a table of its own: each string's end
/// and all the bytes, in number order.
public struct SnapshotStringNumbers {
  private var table = SnapshotStrings()

  public init() {}

  /// How many distinct strings are numbered.
  public var count: Int { table.count }

  /// Where each string ends in `bytes`, in number order.
  public var ends: ArraySlice<Int> { table.starts.dropFirst() }

  /// Every string's UTF-8 bytes, one after another.
  public var bytes: [UInt8] { table.bytes }

  /// The number of `value`, added when it is new.
  public mutating func number(of value: String) -> Int {
    table.number(of: value)
  }
}
