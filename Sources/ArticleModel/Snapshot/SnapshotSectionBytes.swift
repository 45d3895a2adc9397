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
  /// The bytes of the section called `name` of the snapshot this model was read from, where
  /// they lie (a section given in memory, `withSnapshotSections`, is copied once); nil when
  /// there is none.
  public func snapshotSectionBytes(named name: String) -> SnapshotSectionBytes? {
    guard let section = snapshotSections.first(where: { $0.name == name }) else { return nil }
    if let place = section.place {
      return SnapshotSectionBytes(
        bytes: UnsafeRawBufferPointer(rebasing: place.owner.bytes[place.range]),
        owner: place.owner)
    }
    let owner = section.bytes.withUnsafeBytes { SnapshotBytes(copying: $0) }
    return SnapshotSectionBytes(bytes: owner.bytes, owner: owner)
  }
}

/// Strings numbered by their UTF-8 bytes as a snapshot's string table numbers them
/// (`SnapshotStrings`: two strings that `==` finds equal but that are spelt with other bytes
/// each keep their own), for a section that lays out a table of its own: each string's end
/// and all the bytes, in number order.
public struct SnapshotStringNumbers {
  private var table = SnapshotStrings()
  /// Where each string ends in `bytes`, in number order.
  public private(set) var ends: [Int] = []
  /// Every string's UTF-8 bytes, one after another.
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// How many distinct strings are numbered.
  public var count: Int { ends.count }

  /// The number of `value`, added when it is new.
  public mutating func number(of value: String) -> Int {
    let number = table.number(of: value)
    if number == ends.count {
      bytes += value.utf8
      ends.append(bytes.count)
    }
    return number
  }
}
