#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The compiled-model cache: a model file is checked once and its snapshot kept in a folder
/// (`$XDG_CACHE_HOME/csto/`, else `~/.cache/csto/`), one file per model path; later loads of
/// the same content by the same csto read the snapshot instead of parsing. A stale, corrupt,
/// truncated or foreign snapshot is loaded from the model file instead and replaced; a folder
/// that cannot be written means no cache, not an error.
public struct SnapshotCache: Sendable {
  /// Where snapshots are kept.
  public let folder: String
  /// Which csto this is: its version and build. A snapshot of another is not used.
  public let build: String
  /// What a snapshot written by this cache carries beside the model (the query engine's
  /// `QueryEngine.snapshotSections(of:)`); a model loaded on a miss is given them too.
  public let sections: @Sendable (Model) -> [SnapshotSection]

  public init(
    folder: String, build: String,
    sections: @escaping @Sendable (Model) -> [SnapshotSection] = { _ in [] }
  ) {
    self.folder = folder
    self.build = build
    self.sections = sections
  }

  /// `$XDG_CACHE_HOME/csto`, else `$HOME/.cache/csto`; nil when neither is set.
  public static func folder(environment: [String: String]) -> String? {
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return cache + "/csto"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.cache/csto"
    }
    return nil
  }

  /// What a load did, for tests and timing.
  public enum Outcome: Sendable, Equatable {
    /// The snapshot was used.
    case hit
    /// The model file was loaded; the snapshot was written (or could not be: `stored` false).
    case miss(stored: Bool)
  }

  /// The model in the file at `path`, from its snapshot when that is current, else loaded,
  /// checked and stored. Throws what `ModelLoader.load(file:)` throws. A file that is itself
  /// a snapshot (`csto compile`) is read as one, and refused when it cannot be used.
  public func load(file path: String) throws(ModelError) -> (model: Model, outcome: Outcome) {
    if let model = try Self.compiledModel(at: path, build: build) { return (model, .hit) }
    guard let absolute = Self.absolutePath(path) else {
      return (try ModelLoader.load(file: path), .miss(stored: false))
    }
    let snapshotPath = self.snapshotPath(forModelAt: absolute)
    if let model = cachedModel(at: snapshotPath, modelPath: absolute) {
      return (model, .hit)
    }
    // The model file as `stat` saw it before it was read, and the hash of the bytes read:
    // a file changed since is noticed by the next load, whose `stat` differs.
    var status = stat()
    let statted = stat(absolute, &status) == 0
    var contentHash: UInt64?
    var size = 0
    var loaded = try ModelLoader.load(file: path) { bytes in
      size = bytes.count
      contentHash = ContentHash.of(bytes)
    }
    // The checker's numbers for the strings go to the writer alone, which then changes their
    // tables in place rather than copying them.
    let numbers = loaded.stringNumbers
    loaded.stringNumbers = nil
    guard statted, let contentHash,
      let sources = Self.sources(
        of: loaded,
        modelSource: ModelSnapshot.SourceFile(
          path: absolute, size: size, modifiedSeconds: Int64(status.st_mtim.tv_sec),
          modifiedNanoseconds: Int64(status.st_mtim.tv_nsec), inode: UInt64(status.st_ino),
          contentHash: contentHash))
    else { return (loaded, .miss(stored: false)) }
    // The sections are made and encoded on the second core while this thread encodes the
    // model's parts (issue 14). The two threads share `loaded` (its arrays and the facts'
    // strings), which both only read. The sections' thread owns the sections and their part;
    // this one owns the writer and the checker's `numbers`, whose tables it changes in place
    // and which `loaded`, and so the sections' thread, no longer holds.
    let sectionPart = Alongside { [sections, loaded] in SnapshotSectionPart(sections(loaded)) }
    let parts = ModelSnapshot(build: build, sources: sources)
      .encodedParts(loaded, numbers: consume numbers) { sectionPart.result() }
    let model = loaded.withSnapshotSections(sectionPart.result().sections)
    return (
      model, .miss(stored: Self.writeAtomically(parts, to: snapshotPath, makingFolder: folder))
    )
  }

  /// The snapshot file for the model at `absolutePath`.
  public func snapshotPath(forModelAt absolutePath: String) -> String {
    let hash = Array(absolutePath.utf8).withUnsafeBytes { ContentHash.of($0) }
    let digits = String(hash, radix: 16)
    return folder + "/" + String(repeating: "0", count: 16 - digits.count) + digits + ".snapshot"
  }

  /// The model of the snapshot at `snapshotPath` when it is this csto's, of this model, and
  /// every file it was made from is unchanged; nil otherwise.
  private func cachedModel(at snapshotPath: String, modelPath: String) -> Model? {
    guard let file = MappedFile(path: snapshotPath, maximumSize: Int.max),
      let header = try? ModelSnapshot.header(of: file.bytes), header.build == build,
      header.sources.first?.path == modelPath, header.sources.allSatisfy(\.isCurrent)
    else { return nil }
    return try? ModelSnapshot.model(from: SnapshotBytes(file: file)) {
      Self.reloaded(modelPath: modelPath, snapshotPath: snapshotPath, sources: header.sources)
    }
  }

  /// The model at `modelPath` loaded from its file again, for a model read from the snapshot
  /// at `snapshotPath` a part of which turned out damaged when first used: nil unless the
  /// files are those the snapshot was written from (`sources`, by content), so that the model
  /// is the one the snapshot holds. The damaged snapshot is removed, so that the next load
  /// writes a new one.
  private static func reloaded(
    modelPath: String, snapshotPath: String, sources: [ModelSnapshot.SourceFile]
  ) -> Model? {
    unlink(snapshotPath)
    var contentHash: UInt64?
    guard
      let model = try? ModelLoader.load(
        file: modelPath, read: { contentHash = ContentHash.of($0) }),
      contentHash == sources.first?.contentHash,
      sources.dropFirst().allSatisfy({
        ModelSnapshot.SourceFile.current(path: $0.path)?.contentHash == $0.contentHash
      })
    else { return nil }
    return model
  }

  /// The model file and the text files its documents name, as they are now.
  public static func sources(of model: Model, modelPath: String) -> [ModelSnapshot.SourceFile]? {
    ModelSnapshot.SourceFile.current(path: modelPath).flatMap {
      sources(of: model, modelSource: $0)
    }
  }

  /// `sources(of:modelPath:)` for a model file already hashed: `modelSource`, then the text
  /// files its documents name, as they are now.
  static func sources(of model: Model, modelSource: ModelSnapshot.SourceFile)
    -> [ModelSnapshot.SourceFile]?
  {
    let modelPath = modelSource.path
    let folder = modelPath.prefix(upTo: modelPath.lastIndex(of: "/")!)
    var paths: [String] = []
    for document in model.documents {
      guard let name = document.textFile else { continue }
      paths.append(name.hasPrefix("/") ? name : folder + "/" + name)
    }
    var sources = [modelSource]
    for path in paths {
      guard let source = ModelSnapshot.SourceFile.current(path: path) else { return nil }
      sources.append(source)
    }
    return sources
  }

  /// The model in the snapshot file at `path` (made by `csto compile`), nil when the file
  /// is not a snapshot; throws when it is one that cannot be used.
  public static func compiledModel(at path: String, build: String) throws(ModelError) -> Model? {
    guard let file = MappedFile(path: path, maximumSize: Int.max),
      file.bytes.starts(with: ModelSnapshot.magic)
    else { return nil }
    do {
      let header = try ModelSnapshot.header(of: file.bytes)
      guard header.build == build else {
        throw ModelError(
          unreadable: path,
          reason: "compiled by another csto (\(header.build)); compile the model again")
      }
      return try ModelSnapshot.model(from: SnapshotBytes(file: file), reload: nil)
    } catch let error as SnapshotError {
      throw ModelError(unreadable: path, reason: error.description)
    } catch let error as ModelError {
      throw error
    } catch {
      throw ModelError(unreadable: path, reason: "\(error)")
    }
  }

  /// `path` made absolute against the working folder, symbolic links kept (the loader reads
  /// text files beside the path as given); nil when nothing is there.
  public static func absolutePath(_ path: String) -> String? {
    var status = stat()
    guard !path.isEmpty, stat(path, &status) == 0 else { return nil }
    if path.hasPrefix("/") { return path }
    guard let folder = getcwd(nil, 0) else { return nil }
    defer { free(folder) }
    return String(cString: folder) + "/" + path
  }

  /// Writes `bytes` to a new file beside `path` and renames it over `path`, so that a reader
  /// sees the old file or the new one whole, and two writers at once leave one of theirs.
  /// False, leaving nothing behind, when the folder cannot be made or written.
  public static func writeAtomically(
    _ bytes: [UInt8], to path: String, makingFolder folder: String?
  )
    -> Bool
  {
    writeAtomically([bytes], to: path, makingFolder: folder)
  }

  /// `writeAtomically(_:to:makingFolder:)` for a file whose bytes are `parts` one after
  /// another.
  static func writeAtomically(
    _ parts: [[UInt8]], to path: String, makingFolder folder: String?
  )
    -> Bool
  {
    if let folder { makeFolders(folder) }
    var random = SystemRandomNumberGenerator()
    let temporary = path + ".\(getpid()).\(random.next() % 1_000_000_000).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    let complete = parts.allSatisfy { part in
      part.withUnsafeBytes { raw -> Bool in
        var written = 0
        while written < raw.count {
          let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
          if count < 0 && errno == EINTR { continue }
          guard count > 0 else { return false }
          written += count
        }
        return true
      }
    }
    guard close(descriptor) == 0, complete, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  /// Makes `folder` and its parents, mode 0700, as far as it can.
  private static func makeFolders(_ folder: String) {
    var prefix = ""
    for part in folder.split(separator: "/") {
      prefix += "/" + part
      mkdir(prefix, 0o700)
    }
  }
}
