/// A checked model in a compact binary form that loads without parsing or checking: the
/// format of the compiled-model cache and of `csto compile` (`Grammar/snapshot.md`). Nothing in
/// a snapshot is trusted: the header, the sizes, a checksum and every index are checked, and
/// any problem is a `SnapshotError`, never a crash.
public struct ModelSnapshot: Sendable, Equatable {
  /// The version of the byte layout; a snapshot of another version is not read.
  public static let formatVersion: UInt32 = 5
  static let magic: [UInt8] = Array("CSTOSNAP".utf8)
  static let fixedHeaderSize = 32

  /// Which csto wrote it (its version and build): a snapshot is used only by the same one.
  public var build: String
  /// The files the model was loaded from, as they were then.
  public var sources: [SourceFile]

  /// A file a model was loaded from: its path, what `stat` said of it, and its content hash.
  public struct SourceFile: Sendable, Equatable {
    public var path: String
    public var size: Int
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64
    public var inode: UInt64
    public var contentHash: UInt64

    public init(
      path: String, size: Int, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
      inode: UInt64, contentHash: UInt64
    ) {
      self.path = path
      self.size = size
      self.modifiedSeconds = modifiedSeconds
      self.modifiedNanoseconds = modifiedNanoseconds
      self.inode = inode
      self.contentHash = contentHash
    }
  }

  public init(build: String, sources: [SourceFile]) {
    self.build = build
    self.sources = sources
  }

  /// The snapshot of `model`, with this header, and `sections` after the model.
  public func encode(_ model: Model, sections: [SnapshotSection] = []) -> [UInt8] {
    Array(encodedParts(model, sections: sections).joined())
  }

  /// The snapshot of `model` and its `sections` in the pieces that follow one another in the
  /// file: the fixed header, the head (build, sources, where each part is and its blocks'
  /// checksums), then the parts (`SnapshotPart`). Written one after another, they are the
  /// bytes of `encode(_:sections:)`, without a copy of them all. The source files' sizes, when
  /// the header lists them, bound the room the parts are given. `numbers` are the checker's
  /// numbers for the model's strings (`CheckedStrings`), by default those the model
  /// carries.
  func encodedParts(
    _ model: Model, sections: [SnapshotSection] = [],
    numbers: consuming CheckedStrings? = nil
  ) -> [[UInt8]] {
    encodedParts(model, numbers: consume numbers) { SnapshotSectionPart(sections) }
  }

  /// `encodedParts(_:sections:numbers:)` with the sections' part taken from `sections` once
  /// the model's parts are encoded and their blocks hashed: the cache makes it meanwhile on
  /// a thread of its own (`SnapshotCache.load(file:)`). The same bytes either way.
  func encodedParts(
    _ model: Model, numbers: consuming CheckedStrings?,
    sections: () -> SnapshotSectionPart
  ) -> [[UInt8]] {
    // A model's strings are in its files, and its facts take fewer bytes than their text.
    let sourceBytes = min(
      sources.reduce(0) { $0 + min(max(0, $1.size), ModelLoader.maximumFileSize) },
      2 * ModelLoader.maximumFileSize)
    var body = SnapshotWriter()
    if let numbers = (consume numbers) ?? model.stringNumbers {
      body = SnapshotWriter(numbers: numbers, bytes: sourceBytes / 8, tableBytes: sourceBytes)
    } else {
      body.reserve(bytes: sourceBytes / 8, tableBytes: sourceBytes)
    }
    var parts = body.encodeModelParts(model)
    var checksums = parts.map(SnapshotParts.checksums(of:))
    let sectionPart = sections()
    parts.append(sectionPart.bytes)
    checksums.append(sectionPart.checksums)
    func head(offsets: [Int]) -> [UInt8] {
      var head = SnapshotWriter()
      head.text(build)
      head.number(sources.count)
      for source in sources {
        head.text(source.path)
        head.number(source.size)
        head.uint64(UInt64(bitPattern: source.modifiedSeconds))
        head.uint64(UInt64(bitPattern: source.modifiedNanoseconds))
        head.uint64(source.inode)
        head.uint64(source.contentHash)
      }
      head.number(parts.count)
      for (index, part) in parts.enumerated() {
        head.uint64(UInt64(offsets[index]))
        head.uint64(UInt64(part.count))
        for checksum in checksums[index] { head.uint64(checksum) }
      }
      return head.bytes
    }
    // The offsets are u64s, so the head is as long with any offsets.
    var offset = Self.fixedHeaderSize + head(offsets: parts.map { _ in 0 }).count
    var offsets: [Int] = []
    for part in parts {
      offsets.append(offset)
      offset += part.count
    }
    let whole = head(offsets: offsets)
    var fixed = Self.magic
    withUnsafeBytes(of: Self.formatVersion.littleEndian) { fixed.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt32(whole.count).littleEndian) { fixed.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(offset - Self.fixedHeaderSize).littleEndian) {
      fixed.append(contentsOf: $0)
    }
    withUnsafeBytes(of: ContentHash.of(whole).littleEndian) { fixed.append(contentsOf: $0) }
    return [fixed, whole] + parts
  }

  /// The header of the snapshot in `bytes` (which csto wrote it, from which files), read
  /// without the checksum, so that a stale snapshot is told cheaply; every read is still
  /// bounds-checked.
  public static func header(of bytes: UnsafeRawBufferPointer) throws(SnapshotError)
    -> ModelSnapshot
  {
    var reader = try bodyReader(bytes)
    return try header(&reader)
  }

  /// The model in `bytes`, with the snapshot's sections (`Model.snapshotSections`), after
  /// checking the header, the length and every part's checksum, then every count and index.
  /// The model keeps a copy of the bytes, from which its facts are made when asked.
  public static func model(from bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> Model {
    try model(from: SnapshotBytes(copying: bytes), reload: nil)
  }

  /// The model in the snapshot `owner` holds, which it keeps. With no `reload`, every part is
  /// checked now (`checkedWhole`); with one (the cache's: the model file loaded again), only
  /// the parts a model needs at start, the others when first used, falling back on
  /// `reload` should one be damaged (`SnapshotStore`).
  static func model(from owner: SnapshotBytes, reload: (@Sendable () -> Model?)?)
    throws(SnapshotError) -> Model
  {
    let bytes = owner.bytes
    var reader = try bodyReader(bytes)
    let headLength = Int(
      UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
    guard headLength <= bytes.count - fixedHeaderSize else { throw .truncated }
    let head = UnsafeRawBufferPointer(
      rebasing: bytes[fixedHeaderSize..<fixedHeaderSize + headLength])
    let checksum = UInt64(
      littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    guard ContentHash.of(head) == checksum else { throw .checksumMismatch }
    _ = try header(&reader)
    let parts = try partTable(&reader)
    guard reader.offset == fixedHeaderSize + headLength else {
      throw .malformed("a head of another length")
    }
    let strings = MappedStrings(owner: owner, parts: parts)
    let (model, store) = try SnapshotReader.model(
      parts: parts, strings: strings, reload: SnapshotReload(reload))
    if reload == nil { try store.checkWhole() }
    var sectionReader = try SnapshotReader.part(.sections, of: store)
    let sections = try sectionReader.sections(
      owner: owner, at: parts.range(.sections).lowerBound)
    guard sectionReader.isAtEnd else { throw .malformed("bytes after the sections") }
    // The pages read are let go: they come back from the file when a fact or a string is
    // read (issue 14). Not the sections': the engine reads them next, and in place.
    let kept = parts.range(.sections)
    owner.release(0..<kept.lowerBound)
    owner.release(kept.upperBound..<bytes.count)
    return model.withSnapshotSections(sections)
  }

  /// `bytes` with the checksums of every block and of the head made right again, or nil when
  /// its head does not read: for tests and the fuzzer, which change bytes and look past the
  /// checksums.
  public static func resigned(_ bytes: [UInt8]) -> [UInt8]? {
    var bytes = bytes
    // Where each block's checksum is in the head, and the block it is of.
    var places: [(at: Int, block: Range<Int>)] = []
    let headEnd: Int? = bytes.withUnsafeBytes { raw in
      guard var reader = try? bodyReader(raw), (try? header(&reader)) != nil,
        (try? reader.number()) == SnapshotPart.allCases.count
      else { return nil }
      for _ in SnapshotPart.allCases {
        guard let offset = try? reader.uint64(), let length = try? reader.uint64(),
          offset <= UInt64(raw.count), length <= UInt64(raw.count) - offset
        else { return nil }
        let range = Int(offset)..<Int(offset + length)
        for start in stride(
          from: range.lowerBound, to: range.upperBound, by: SnapshotPart.blockSize)
        {
          places.append(
            (reader.offset, start..<min(start + SnapshotPart.blockSize, range.upperBound)))
          guard (try? reader.uint64()) != nil else { return nil }
        }
      }
      return reader.offset
    }
    guard let headEnd else { return nil }
    for place in places {
      let sum = ContentHash.of(Array(bytes[place.block]))
      withUnsafeBytes(of: sum.littleEndian) {
        bytes.replaceSubrange(place.at..<place.at + 8, with: $0)
      }
    }
    let sum = ContentHash.of(Array(bytes[fixedHeaderSize..<headEnd]))
    withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
    return bytes
  }

  /// The parts' places and their blocks' checksums, at the reader's place in the head: each
  /// part within the bytes, after the head.
  private static func partTable(_ reader: inout SnapshotReader) throws(SnapshotError)
    -> SnapshotParts
  {
    guard try reader.number() == SnapshotPart.allCases.count else {
      throw .malformed("not the parts of this format")
    }
    var ranges: [Range<Int>] = []
    var checksums: [[UInt64]] = []
    for _ in SnapshotPart.allCases {
      let (offset, length) = (try reader.uint64(), try reader.uint64())
      let size = UInt64(reader.bytes.count)
      guard offset <= size, length <= size - offset else { throw .truncated }
      let range = Int(offset)..<Int(offset + length)
      var blocks: [UInt64] = []
      for _ in 0..<SnapshotParts.blocks(of: range.count) { blocks.append(try reader.uint64()) }
      ranges.append(range)
      checksums.append(blocks)
    }
    guard ranges.allSatisfy({ $0.lowerBound >= reader.offset }) else {
      throw .malformed("a part inside the head")
    }
    return SnapshotParts(ranges: ranges, checksums: checksums)
  }

  /// A reader after the fixed header, once the magic, the version and the length are right.
  private static func bodyReader(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError)
    -> SnapshotReader
  {
    guard bytes.count >= magic.count, bytes.starts(with: magic) else { throw .notASnapshot }
    guard bytes.count >= fixedHeaderSize else { throw .truncated }
    let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
    guard version == formatVersion else { throw .otherFormatVersion(version) }
    let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
    guard length == UInt64(bytes.count - fixedHeaderSize) else {
      throw length > UInt64(bytes.count - fixedHeaderSize)
        ? .truncated : .malformed("a wrong length")
    }
    return SnapshotReader(bytes, offset: fixedHeaderSize)
  }

  private static func header(_ reader: inout SnapshotReader) throws(SnapshotError)
    -> ModelSnapshot
  {
    let build = try reader.text()
    let count = try reader.count()
    var sources: [SourceFile] = []
    for _ in 0..<count {
      sources.append(
        SourceFile(
          path: try reader.text(), size: try reader.number(),
          modifiedSeconds: Int64(bitPattern: try reader.uint64()),
          modifiedNanoseconds: Int64(bitPattern: try reader.uint64()),
          inode: try reader.uint64(), contentHash: try reader.uint64()))
    }
    return ModelSnapshot(build: build, sources: sources)
  }
}
