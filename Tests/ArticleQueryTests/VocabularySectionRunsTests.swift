import ArticleModel
import Testing

@testable import ArticleQuery

/// A vocabulary section whose runs (a set's kinds, a time's words) overlap is refused: each
/// run must begin where the one before it ended, as the writer lays them out. Overlapping
/// runs let a section of a few kilobytes open into sets × kinds numbers (found in review,
/// round 6 of issue 14).
@Suite struct VocabularySectionRunsTests {
  /// A section of `sets` sets, each meaning the kinds of the run `start(set)..<+kinds`.
  static func section(model: Model, sets: Int, kinds: Int, start: (Int) -> Int) -> [UInt8] {
    let parts = VocabularySection.Part.allCases
    var counts = [Int](repeating: 0, count: parts.count)
    func set(_ part: VocabularySection.Part, _ count: Int) { counts[part.rawValue] = count }
    set(.stringEnds, 1)
    set(.stringBytes, 4)
    set(.setNames, sets)
    set(.setMeanings, sets)
    set(.setKinds, sets * kinds)
    set(.entityNodes, 1)
    set(.relationNodes, 1)
    set(.setNodes, 1)
    set(.printedForms, 2 * model.relations.count)
    set(.baseForms, model.relations.count)
    let header =
      [2]
      + [
        model.entities.count, model.relations.count, model.kinds.count, model.sets.count,
        model.documents.count,
      ] + counts
    var bytes: [UInt8] = []
    func u32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
    for word in header { u32(word) }
    u32(4)  // the one string's end
    bytes += Array("abcd".utf8)
    for _ in 0..<sets { u32(0) }  // set names: string 0
    for index in 0..<sets {
      u32(0)
      u32(start(index))
      u32(kinds)
    }
    for _ in 0..<(sets * kinds) { u32(0) }  // every kind is kind 0
    for _ in 0..<3 { u32(0) }  // three phrase tables' roots
    for _ in 0..<(3 * model.relations.count) { u32(0) }
    return bytes
  }

  @Test func runsOneAfterAnotherOpen() throws {
    let model = ModelLoader.bundled
    let bytes = Self.section(model: model, sets: 3, kinds: 2) { $0 * 2 }
    let vocabulary = try Vocabulary(decoding: bytes, model: model)
    let kinds = vocabulary.setMeanings.map { meaning -> Int in
      if case .kinds(let kinds) = meaning { return kinds.count }
      return -1
    }
    #expect(kinds == [2, 2, 2])
  }

  @Test func overlappingRunsAreRefused() {
    let model = ModelLoader.bundled
    let bytes = Self.section(model: model, sets: 3, kinds: 2) { _ in 0 }
    #expect(throws: SnapshotError.self) { try Vocabulary(decoding: bytes, model: model) }
  }
}
