import ArticleModel
import Testing

/// The snapshot format: the bundled model comes back whole, and bytes that are not a whole
/// snapshot of this format give an error, never a crash or another model.
@Suite struct SnapshotTests {
  static let header = ModelSnapshot(build: "test build", sources: [])
  static let bytes = header.encode(ModelLoader.bundled)

  @Test func theBundledModelComesBackWhole() throws {
    let model = try Self.bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(model == ModelLoader.bundled)
    #expect(
      ModelExport.export(model, as: .json) == ModelExport.export(ModelLoader.bundled, as: .json))
    let header = try Self.bytes.withUnsafeBytes { try ModelSnapshot.header(of: $0) }
    #expect(header == Self.header)
  }

  @Test func aTruncatedSnapshotIsRefused() {
    for length in stride(from: 0, to: Self.bytes.count, by: max(1, Self.bytes.count / 300)) {
      let prefix = Array(Self.bytes.prefix(length))
      #expect(throws: SnapshotError.self) {
        try prefix.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
    }
  }

  @Test func aChangedByteIsFoundByTheChecksum() {
    for offset in stride(from: 32, to: Self.bytes.count, by: max(1, Self.bytes.count / 300)) {
      var changed = Self.bytes
      changed[offset] ^= 0x20
      #expect(throws: SnapshotError.checksumMismatch) {
        try changed.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
    }
  }

  @Test func randomBytesAreNotASnapshot() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 7, 32, 1000, 100_000] {
      let random = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      #expect(throws: SnapshotError.self) {
        try random.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
      var disguised = Array("CSTOSNAP".utf8) + [1, 0, 0, 0, 0, 0, 0, 0] + random
      disguised.replaceSubrange(
        16..<16, with: withUnsafeBytes(of: UInt64(random.count + 8).littleEndian, Array.init))
      #expect(throws: SnapshotError.self) {
        try disguised.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
      }
    }
  }

  @Test func anotherFormatVersionIsRefused() {
    var other = Self.bytes
    other[8] = 99
    #expect(throws: SnapshotError.otherFormatVersion(99)) {
      try other.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    }
  }
}
