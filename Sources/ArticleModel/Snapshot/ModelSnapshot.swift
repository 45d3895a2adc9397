/// A checked model in a compact binary form that loads without parsing or checking: the
/// format of the compiled-model cache and of `csto compile` (`Grammar/snapshot.md`). Nothing in
/// a snapshot is trusted: the header, the sizes, a checksum and every index are checked, and
/// any problem is a `SnapshotError`, never a crash.
public struct ModelSnapshot: Sendable, Equatable {
  /// The version of the byte layout; a snapshot of another version is not read.
  public static let formatVersion: UInt32 = 4
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
  /// file: the fixed header, the header and the string count, the string table, the model and
  /// the sections. Written one after another, they are the bytes of `encode(_:sections:)`,
  /// without a copy of them all. The source files' sizes, when the header lists them, bound
  /// the room the parts are given. `numbers` are the checker's numbers for the model's
  /// strings (`SnapshotStringNumbers`), by default those the model carries.
  func encodedParts(
    _ model: Model, sections: [SnapshotSection] = [],
    numbers: consuming SnapshotStringNumbers? = nil
  ) -> [[UInt8]] {
    // A model's strings are in its files, and its facts take fewer bytes than their text.
    let sourceBytes = min(
      sources.reduce(0) { $0 + min(max(0, $1.size), ModelLoader.maximumFileSize) },
      2 * ModelLoader.maximumFileSize)
    var body = SnapshotWriter()
    if let numbers = (consume numbers) ?? model.stringNumbers {
      body = SnapshotWriter(numbers: numbers, bytes: sourceBytes / 2, tableBytes: sourceBytes)
    } else {
      body.reserve(bytes: sourceBytes / 2, tableBytes: sourceBytes)
    }
    body.encode(model)
    body.encode(sections)
    var whole = SnapshotWriter()
    whole.text(build)
    whole.number(sources.count)
    for source in sources {
      whole.text(source.path)
      whole.number(source.size)
      whole.uint64(UInt64(bitPattern: source.modifiedSeconds))
      whole.uint64(UInt64(bitPattern: source.modifiedNanoseconds))
      whole.uint64(source.inode)
      whole.uint64(source.contentHash)
    }
    whole.number(body.table.count)
    var checksum = ContentHash.Stream()
    checksum.add(whole.bytes)
    checksum.add(body.table.bytes)
    checksum.add(body.bytes)
    var fixed = Self.magic
    withUnsafeBytes(of: Self.formatVersion.littleEndian) { fixed.append(contentsOf: $0) }
    fixed += [0, 0, 0, 0]
    let length = UInt64(whole.bytes.count + body.table.bytes.count + body.bytes.count)
    withUnsafeBytes(of: length.littleEndian) { fixed.append(contentsOf: $0) }
    withUnsafeBytes(of: checksum.hash.littleEndian) { fixed.append(contentsOf: $0) }
    return [fixed, whole.bytes, body.table.bytes, body.bytes]
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
  /// checking the header, the length and the checksum, then every count and index as it is
  /// read. The model keeps a copy of the bytes, from which its facts are made when asked.
  public static func model(from bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> Model {
    try model(from: SnapshotBytes(copying: bytes))
  }

  /// The model in the snapshot `owner` holds, which it keeps (`model(from:)`).
  static func model(from owner: SnapshotBytes) throws(SnapshotError) -> Model {
    let bytes = owner.bytes
    var reader = try bodyReader(bytes)
    let checksum = UInt64(
      littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    // The pages hashed, then those of the string table read, are let go as the reading goes
    // on: a snapshot read once is not kept in memory whole (issue 14).
    let hash = ContentHash.of(
      UnsafeRawBufferPointer(rebasing: bytes[fixedHeaderSize...]), afterEach: SnapshotBytes.chunk
    ) { owner.release($0.lowerBound + fixedHeaderSize..<$0.upperBound + fixedHeaderSize) }
    guard hash == checksum else { throw .checksumMismatch }
    _ = try header(&reader)
    reader.table = try StringTable(&reader, releasing: owner)
    let model = try reader.model(owner: owner)
    let sections = try reader.sections()
    guard reader.isAtEnd else { throw .malformed("bytes after the sections") }
    owner.release(0..<bytes.count)
    return model.withSnapshotSections(sections)
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
