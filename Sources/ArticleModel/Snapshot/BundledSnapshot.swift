/// The bundled model's compiled snapshot (`Bundled/csto.snapshot`), committed beside
/// `csto.model` and the article so that csto starts without parsing or checking them. The
/// model file and the article stay the source of truth: the snapshot's header holds their
/// sizes and content hashes, and a snapshot of other files, of another format or that does not
/// read is not used (`ModelLoader.bundled` then parses and checks `csto.model`).
/// `BundledSnapshotTests` fails when the committed file is not what `csto.model` compiles to.
public enum BundledSnapshot {
  /// What a bundled snapshot records as the csto that wrote it: no build of its own, since
  /// it is committed; its format version and the files it was compiled from stand for it.
  public static let build = "csto bundled model"

  /// The file, in the package, that holds the bundled snapshot.
  public static let path = "Sources/ArticleModel/Bundled/csto.snapshot"

  /// The one command that writes `path` again from `csto.model`, run in the package folder.
  public static let regenerateCommand =
    "CSTO_WRITE_BUNDLED_SNAPSHOT=1 swift test --disable-xctest --filter BundledSnapshotTests"

  /// The snapshot bytes compiled into csto.
  public static var committed: [UInt8] { PackageResources.csto_snapshot }

  /// The header of a snapshot of the bundled model compiled from these two files: their
  /// names, sizes and content hashes, no times or inodes, so that the bytes depend on the
  /// files alone.
  public static func header(modelText: [UInt8], articleText: [UInt8]) -> ModelSnapshot {
    func source(_ path: String, _ bytes: [UInt8]) -> ModelSnapshot.SourceFile {
      ModelSnapshot.SourceFile(
        path: path, size: bytes.count, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0,
        contentHash: bytes.withUnsafeBytes { ContentHash.of($0) })
    }
    return ModelSnapshot(
      build: build, sources: [source("csto.model", modelText), source("article.txt", articleText)])
  }

  /// The bytes of the bundled snapshot of `model`, checked from the bundled files, with the
  /// query engine's `sections` (`QueryEngine.snapshotSections(of:)`): what `path` must hold.
  public static func encode(_ model: Model, sections: [SnapshotSection]) -> [UInt8] {
    header(modelText: PackageResources.csto_model, articleText: PackageResources.article_txt)
      .encode(model, sections: sections)
  }

  /// The model in `bytes` when they are a whole, valid snapshot compiled from exactly these
  /// files; nil otherwise (another model text or article, another format, damage). The model
  /// reads its facts and strings from `bytes` themselves, which it keeps.
  public static func model(from bytes: [UInt8], modelText: [UInt8], articleText: [UInt8])
    -> Model?
  {
    let fits = bytes.withUnsafeBytes { raw in
      (try? ModelSnapshot.header(of: raw)) == header(modelText: modelText, articleText: articleText)
    }
    guard fits else { return nil }
    // The parts not needed at start are checked when first used, as the cache's are; the
    // model parsed from the very files the header names stands in for a damaged one.
    return try? ModelSnapshot.model(from: SnapshotBytes(keeping: bytes)) {
      try? ModelLoader.load(
        text: String(decoding: modelText, as: UTF8.self), name: "csto.model",
        requiringEnd: true
      ) { name in
        guard name == "article.txt" else { throw FileProblem("no bundled file named \(name)") }
        return String(decoding: articleText, as: UTF8.self)
      }
    }
  }
}
