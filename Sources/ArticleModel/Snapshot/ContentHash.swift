/// A 64-bit hash of bytes, fast enough to run over a model of hundreds of megabytes at every
/// cache check: four lanes of 8-byte words, each multiplied and rotated, then mixed. It finds
/// changes and corruption; it is no defence against a file made to collide on purpose.
public enum ContentHash {
  /// The hash of `bytes`.
  public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    of(bytes, afterEach: Int.max) { _ in }
  }

  /// The hash of `bytes`, calling `done` with each run of `chunk` bytes (a multiple of 32)
  /// once it is hashed: a mapped file's pages can then be let go (`SnapshotBytes`).
  static func of(
    _ bytes: UnsafeRawBufferPointer, afterEach chunk: Int, _ done: (Range<Int>) -> Void
  ) -> UInt64 {
    let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
    )
    func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
      let multiplied = (lane ^ word) &* prime
      return (multiplied << 31) | (multiplied >> 33)
    }
    var offset = 0
    let count = bytes.count
    while offset + 32 <= count {
      lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
      lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
      offset += 32
      if offset % chunk == 0 { done(offset - chunk..<offset) }
    }
    var hash = mix(mix(mix(mix(UInt64(count), lanes.0), lanes.1), lanes.2), lanes.3)
    while offset < count {
      hash = mix(hash, UInt64(bytes[offset]))
      offset += 1
    }
    hash ^= hash >> 29
    hash = hash &* prime
    return hash ^ (hash >> 32)
  }

  /// The hash of `bytes`.
  public static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { of($0) }
  }
}
