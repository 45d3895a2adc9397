import Synchronization

/// The parts of a format-5 snapshot, in the order the file holds them (`Grammar/snapshot.md`):
/// each is a run of bytes with a checksum per block of `blockSize` bytes (64 KiB), checked the first
/// time the part (or, for the strings, the block) is used, so that reading a snapshot needs no
/// pass over every fact.
enum SnapshotPart: Int, CaseIterable, Sendable {
  /// Where each string begins in `text`: one u64 per string and one for the end.
  case stringStarts
  /// The strings' UTF-8 bytes, one after another.
  case text
  /// Documents, kinds, relations, entities, sets, the fact count, the shape of the paragraph
  /// index, qualifiers and no-claims, as numbers and strings.
  case model
  /// The facts as fixed-width columns.
  case facts
  /// Each fact's qualifiers, evidence and note.
  case details
  /// The index's lists of facts: by subject, object, relation, qualifier and paragraph.
  case bySubject, byObject, byRelation, byQualifier, byParagraph
  /// Who speaks for whom.
  case speaks
  /// The layers above's sections.
  case sections

  /// The bytes one checksum covers: a string read checks the blocks it is in, so a query that
  /// reads a few quotes hashes a few blocks, not the text.
  static let blockSize = 1 << 16
}

/// Where each part of a snapshot lies in its bytes and the checksum of each of its blocks, and
/// which blocks have been checked: a block is hashed the first time it is used, and a block
/// whose hash is not the stored one is never read.
final class SnapshotParts: @unchecked Sendable {
  // Sendable: the block states are atomics, allocated in `init` and freed in `deinit`.
  /// Each part's bytes, in the order of `SnapshotPart`.
  let ranges: [Range<Int>]
  private let checksums: [[UInt64]]
  /// Per block of every part, one after another (part `p`'s first is `firstBlock[p]`): 0 not
  /// checked yet, 1 checked and right, 2 damaged (its hash not the stored one), 3 hashed
  /// right but a number in it out of range. Atomics, not a lock: a model read at start
  /// reads 200,000 names, each a check of two blocks. Two threads may hash a block at once;
  /// both find the same.
  private let states: UnsafeMutablePointer<Atomic<UInt8>>
  /// One more than the parts: the last is the number of blocks of all parts.
  private let firstBlock: [Int]
  /// Bit `part`: every block of the part is checked and right (and, for the parts whose
  /// numbers are checked as a whole, those too).
  private let whole = Atomic<UInt64>(0)

  init(ranges: [Range<Int>], checksums: [[UInt64]]) {
    self.ranges = ranges
    self.checksums = checksums
    var first: [Int] = []
    var total = 0
    for blocks in checksums {
      first.append(total)
      total += blocks.count
    }
    firstBlock = first + [total]
    states = .allocate(capacity: max(1, total))
    for block in 0..<total { (states + block).initialize(to: Atomic(0)) }
  }

  deinit {
    states.deinitialize(count: firstBlock.last ?? 0)
    states.deallocate()
  }

  /// The blocks of a part of `length` bytes.
  static func blocks(of length: Int) -> Int {
    (length + SnapshotPart.blockSize - 1) / SnapshotPart.blockSize
  }

  /// The checksums of the blocks of `part`, as the head stores them.
  static func checksums(of part: [UInt8]) -> [UInt64] {
    part.withUnsafeBytes { bytes in
      stride(from: 0, to: bytes.count, by: SnapshotPart.blockSize).map { start in
        ContentHash.of(
          UnsafeRawBufferPointer(
            rebasing: bytes[start..<min(start + SnapshotPart.blockSize, bytes.count)]))
      }
    }
  }

  func range(_ part: SnapshotPart) -> Range<Int> { ranges[part.rawValue] }

  /// Whether the whole of `part` has been checked and found right.
  func isWhole(_ part: SnapshotPart) -> Bool {
    whole.load(ordering: .acquiring) & (1 << UInt64(part.rawValue)) != 0
  }

  /// Marks `part` checked whole (its blocks and what `SnapshotStore` checks of its numbers).
  func markWhole(_ part: SnapshotPart) {
    whole.bitwiseOr(1 << UInt64(part.rawValue), ordering: .acquiringAndReleasing)
  }

  /// Whether the blocks of `part` that hold its bytes `range` (offsets in the part) are right,
  /// hashing those not checked yet in `bytes`.
  /// With `releasing`, each block hashed has its pages let go after: a string of a hundred
  /// bytes read from a block of 64 KiB keeps the page or two it is on, not the block (a query
  /// that showed 2,000 quotes of a million-fact model kept 130 MB of them).
  /// With `numbers`, a block is right only when its hash is and `numbers` accepts its bytes
  /// (given as offsets in the part): the fact columns and the index lists check their numbers'
  /// ranges block by block, as they are first used. Those parts must always pass `numbers`:
  /// a block is marked right once, and their readers then trust its numbers.
  func check(
    _ part: SnapshotPart, _ range: Range<Int>, in bytes: UnsafeRawBufferPointer,
    releasing owner: SnapshotBytes? = nil, numbers: (Range<Int>) -> Bool = { _ in true }
  ) -> Bool {
    let partRange = ranges[part.rawValue]
    guard range.lowerBound >= 0, range.upperBound <= partRange.count else { return false }
    let size = SnapshotPart.blockSize
    let first = range.lowerBound / size
    let last = range.isEmpty ? first : (range.upperBound - 1) / size
    // The block count from `firstBlock`, not `checksums`: a string read at start checks two
    // blocks, and the array of checksums is not retained unless a block is hashed.
    let blockCount = firstBlock[part.rawValue + 1] - firstBlock[part.rawValue]
    guard first < blockCount else { return range.isEmpty }
    let states = states + firstBlock[part.rawValue]
    for block in first...min(last, blockCount - 1) {
      let state = states + block
      switch state.pointee.load(ordering: .acquiring) {
      case 1: continue
      case 2, 3: return false
      default:
        let start = partRange.lowerBound + block * size
        let end = min(start + size, partRange.upperBound)
        let hashed =
          ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
          == checksums[part.rawValue][block]
        let right = hashed && numbers(start - partRange.lowerBound..<end - partRange.lowerBound)
        state.pointee.store(right ? 1 : hashed ? 3 : 2, ordering: .releasing)
        owner?.release(start..<end)
        if !right { return false }
      }
    }
    return true
  }

  /// Whether a block of `part` was found damaged: its hash not the stored one.
  func isDamaged(_ part: SnapshotPart) -> Bool {
    (firstBlock[part.rawValue]..<firstBlock[part.rawValue + 1]).contains {
      (states + $0).pointee.load(ordering: .acquiring) == 2
    }
  }

  /// Whether every block of `part` is right (`numbers` as for `check`).
  func checkAll(
    _ part: SnapshotPart, in bytes: UnsafeRawBufferPointer,
    numbers: (Range<Int>) -> Bool = { _ in true }
  ) -> Bool {
    check(part, 0..<ranges[part.rawValue].count, in: bytes, numbers: numbers)
  }
}
