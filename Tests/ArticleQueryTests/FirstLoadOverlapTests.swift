import ArticleModel
import Foundation
import Testing

@testable import ArticleQuery

/// The first load of a model (a cache miss) makes the query engine's sections on a thread of
/// its own while it encodes the model's parts (`SnapshotCache.load(file:)`, issue 14): the
/// snapshot it writes is byte for byte the one `csto compile` writes, made on one thread.
@Suite struct FirstLoadOverlapTests {
  /// A model of `entities` countries and `facts` facts over a document of its own text file,
  /// each fact with a quote of its own (and some a note), so that the string table, the
  /// facts and the vocabulary each take more than one block of the snapshot.
  static func generated(entities: Int, facts: Int) -> (model: String, text: String) {
    var model = """
      document memo
        title "A generated memo"
        text "memo.txt"

      kind country plural "countries"

      relation backs "backs"
        past "backed" base "back" passive "backed by"
      relation trades_with "trades with"
        symmetric

      """
    var text = ""
    for index in 0..<entities {
      model += "entity c\(index) \"Country \(index)\" country\n  alias \"c-\(index)\"\n"
    }
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for index in 0..<facts {
      let subject = next(entities)
      let object = (subject + 1 + next(entities - 1)) % entities
      let relation = index % 3 == 0 ? "trades_with" : "backs"
      let sentence = "Country \(subject) deal \(index) with Country \(object)."
      text += sentence + "\n\n"
      model += "fact c\(subject) \(relation) c\(object)\n"
      model += "  evidence \(index + 1) \"deal \(index) with\"\n"
      if index % 5 == 0 { model += "  note \"noted \(index % 50)\"\n" }
    }
    return (model + "end\n", text)
  }

  @Test func theSnapshotWrittenOnAMissIsTheOneCompiledOnOneThread() throws {
    let folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-overlap-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (model, text) = Self.generated(entities: 3_000, facts: 20_000)
    let modelPath = folder + "/generated.model"
    try model.write(toFile: modelPath, atomically: false, encoding: .utf8)
    try text.write(toFile: folder + "/memo.txt", atomically: false, encoding: .utf8)
    let cache = SnapshotCache(
      folder: folder + "/cache", build: "csto test build",
      sections: QueryEngine.snapshotSections(of:))

    let (loaded, outcome) = try cache.load(file: modelPath)
    #expect(outcome == .miss(stored: true))
    let written = try [UInt8](
      Data(contentsOf: URL(fileURLWithPath: cache.snapshotPath(forModelAt: modelPath))))
    let header = try written.withUnsafeBytes { try ModelSnapshot.header(of: $0) }

    // What `csto compile` writes: the model loaded again, its sections made, then encoded.
    let checked = try ModelLoader.load(file: modelPath)
    let sections = QueryEngine.snapshotSections(of: checked)
    #expect(sections.map(\.bytes.count).reduce(0, +) > 1 << 16)
    let compiled = ModelSnapshot(build: cache.build, sources: header.sources)
      .encode(checked, sections: sections)
    #expect(written.count == compiled.count)
    #expect(written == compiled)
    // Read back, it holds the model and the sections made from it on one thread.
    let read = try written.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
    #expect(read == checked)
    #expect(read.snapshotSections == sections)
    #expect(loaded == checked)
    #expect(loaded.snapshotSections == sections)
    #expect(try cache.load(file: modelPath).outcome == .hit)
  }
}
