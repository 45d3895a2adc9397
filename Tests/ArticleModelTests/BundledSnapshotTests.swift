import ArticleQuery
import Foundation
import Testing

@testable import ArticleModel

/// The committed snapshot of the bundled model, which csto reads at start instead of parsing
/// `csto.model` and checking its quotes: it must be what `csto.model` and the article compile
/// to, so that it can never drift from them, and bytes that are not exactly that are never
/// used.
@Suite struct BundledSnapshotTests {
  static let checked = ModelLoader.checkedBundled()
  static let compiled = BundledSnapshot.encode(
    checked, sections: QueryEngine.snapshotSections(of: checked))
  static let modelText = Array(Bundled.modelText.utf8)
  static let articleText = Array(Bundled.articleText.utf8)

  /// Fails, naming the command that writes the file again, when `csto.model`, the article or
  /// the snapshot format changed and the committed snapshot did not; with
  /// `CSTO_WRITE_BUNDLED_SNAPSHOT=1`, writes it.
  @Test func theCommittedSnapshotIsWhatCstoModelCompilesTo() throws {
    guard BundledSnapshot.committed != Self.compiled else { return }
    let file = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(BundledSnapshot.path)
    if ProcessInfo.processInfo.environment["CSTO_WRITE_BUNDLED_SNAPSHOT"] == "1" {
      try Data(Self.compiled).write(to: file, options: .atomic)
      Issue.record(
        "wrote \(file.path) (\(Self.compiled.count) bytes) from csto.model: build, test and commit it"
      )
    } else {
      Issue.record(
        """
        \(BundledSnapshot.path) (\(BundledSnapshot.committed.count) bytes) is not what csto.model \
        and the article compile to (\(Self.compiled.count) bytes): csto parses and checks the \
        model at every start until it is. Write it again with, in the package folder:
          \(BundledSnapshot.regenerateCommand)
        then build and commit it.
        """)
    }
  }

  @Test func theBundledModelIsTheCheckedOne() {
    #expect(ModelLoader.bundled == Self.checked)
    #expect(
      ModelExport.export(ModelLoader.bundled, as: .json)
        == ModelExport.export(Self.checked, as: .json))
  }

  @Test func aSnapshotOfTheseFilesIsRead() {
    let model = BundledSnapshot.model(
      from: Self.compiled, modelText: Self.modelText, articleText: Self.articleText)
    #expect(model == Self.checked)
  }

  /// The model keeps the bytes it was read from, not a copy: the caller's array changed
  /// (copied on write) or let go afterwards leaves the model as it was read.
  @Test func theBytesReadStayTheModelsAfterTheCallersChange() throws {
    var bytes = Array(Self.compiled)
    let read = try #require(
      BundledSnapshot.model(from: bytes, modelText: Self.modelText, articleText: Self.articleText))
    for index in bytes.indices { bytes[index] = 0 }
    bytes = []
    #expect(read == Self.checked)
    #expect(Array(read.facts) == Array(Self.checked.facts))
  }

  /// A model text or an article changed by one byte, or a snapshot written by a csto build
  /// rather than for the bundle: the snapshot is not used.
  @Test(arguments: ["model", "article", "build"])
  func aSnapshotOfOtherFilesIsNotRead(changed: String) {
    var modelText = Self.modelText
    var articleText = Self.articleText
    var bytes = Self.compiled
    switch changed {
    case "model": modelText[modelText.count / 2] ^= 0x01
    case "article": articleText.append(UInt8(ascii: "\n"))
    default:
      bytes = ModelSnapshot(build: "csto 1.0", sources: []).encode(Self.checked)
    }
    #expect(
      BundledSnapshot.model(from: bytes, modelText: modelText, articleText: articleText) == nil)
  }

  @Test func aDamagedSnapshotIsNotUsed() {
    let bytes = Self.compiled
    var damaged: [[UInt8]] = [[], Array(bytes.prefix(32)), Array(bytes.dropLast())]
    for offset in stride(from: 0, to: bytes.count, by: bytes.count / 50) {
      var changed = bytes
      changed[offset] ^= 0x40
      damaged.append(changed)
    }
    // Damage in a part read at start refuses the snapshot; damage in one read later (facts,
    // index) is found when it is read, and the model parsed from the files stands in.
    for candidate in damaged {
      let model = BundledSnapshot.model(
        from: candidate, modelText: Self.modelText, articleText: Self.articleText)
      #expect(model == nil || model == Self.checked)
      if let model {
        #expect(
          SnapshotFactsTests.lists(of: model.index)
            == SnapshotFactsTests.lists(of: Self.checked.index))
      }
    }
  }

  /// Read as csto reads it at start, each part checked when first used (`ModelLoader.bundled`):
  /// a damaged snapshot is either not read or reads as the checked model, the damaged parts
  /// replaced from the model loaded again, never a wrong answer.
  @Test func aDamagedSnapshotReadPartByPartIsTheCheckedModel() {
    let bytes = Self.compiled
    let checked = Self.checked
    var read = 0
    for offset in stride(from: 0, to: bytes.count, by: bytes.count / 50) {
      var changed = bytes
      changed[offset] ^= 0x40
      guard
        let model = BundledSnapshot.model(
          from: changed, modelText: Self.modelText, articleText: Self.articleText,
          reload: { checked })
      else { continue }
      read += 1
      #expect(model == checked, "byte \(offset) changed")
      #expect(
        ModelExport.export(model, as: .json) == ModelExport.export(checked, as: .json),
        "byte \(offset) changed")
    }
    #expect(read > 0, "a damaged part is not found before it is used")
  }

  /// Bytes changed with the checksum made right again reach the reading of the body: every
  /// one gives an error or a model, never a crash (the fuzz target `snapshot` does this at
  /// length).
  @Test func aChangedBodyWithARightChecksumNeverCrashes() {
    let bytes = Self.compiled
    var read = 0
    for offset in stride(from: 32, to: bytes.count, by: max(1, bytes.count / 400)) {
      for value: UInt8 in [0x00, 0x7F, 0xFF] {
        var changed = bytes
        changed[offset] = value
        guard let changed = ModelSnapshot.resigned(changed) else { continue }
        if (try? changed.withUnsafeBytes({ try ModelSnapshot.model(from: $0) })) != nil {
          read += 1
        }
      }
    }
    #expect(read > 0, "some changes (in strings) still make a snapshot")
  }
}
