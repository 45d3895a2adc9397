/// A 64-bit hash of bytes, fast enough to run over a model of hundreds of megabytes at every
/// cache check: four lanes of 8-byte words, each multiplied and rotated, then mixed. It finds
/// changes and corruption; it is no defence against a file made to collide on purpose.
public enum ContentHash {
  /// The hash of `bytes`.
  public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var stream = Stream()
    stream.add(bytes)
    return stream.hash
  }

  /// The hash of `bytes`.
  public static func of(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { of($0) }
  }

  /// The hash of bytes given in pieces, the same as `of` the pieces joined: a snapshot's
  /// checksum is taken over its parts without joining them.
  public struct Stream {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
    )
    /// The bytes added so far.
    private var count = 0
    /// The bytes after the last whole 32-byte block, fewer than 32.
    private var pending: [UInt8] = []

    public init() {}

    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
      let multiplied = (lane ^ word) &* prime
      return (multiplied << 31) | (multiplied >> 33)
    }

    /// Adds `bytes` after those added before.
    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
      var offset = 0
      count += bytes.count
      if !pending.isEmpty {
        let taken = min(32 - pending.count, bytes.count)
        pending.append(contentsOf: bytes[0..<taken])
        offset = taken
        guard pending.count == 32 else { return }
        pending.withUnsafeBytes { block(at: 0, of: $0) }
        pending.removeAll(keepingCapacity: true)
      }
      // The lanes in locals through the loop, which the compiler then keeps in registers.
      var (lane0, lane1, lane2, lane3) = lanes
      while offset + 32 <= bytes.count {
        lane0 = Self.mix(lane0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        lane1 = Self.mix(lane1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        lane2 = Self.mix(
          lane2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        lane3 = Self.mix(
          lane3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        offset += 32
      }
      lanes = (lane0, lane1, lane2, lane3)
      pending.append(contentsOf: bytes[offset...])
    }

    /// Adds `bytes` after those added before.
    public mutating func add(_ bytes: [UInt8]) {
      bytes.withUnsafeBytes { add($0) }
    }

    private mutating func block(at offset: Int, of bytes: UnsafeRawBufferPointer) {
      lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      lanes.1 = Self.mix(
        lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      lanes.2 = Self.mix(
        lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
      lanes.3 = Self.mix(
        lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
    }

    /// The hash of every byte added.
    public var hash: UInt64 {
      var hash = Self.mix(
        Self.mix(Self.mix(Self.mix(UInt64(count), lanes.0), lanes.1), lanes.2), lanes.3)
      for byte in pending { hash = Self.mix(hash, UInt64(byte)) }
      hash ^= hash >> 29
      hash = hash &* Self.prime
      return hash ^ (hash >> 32)
    }
  }
}
