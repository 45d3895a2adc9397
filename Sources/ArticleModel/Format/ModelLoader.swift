import Syntax

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads model files: parses, checks, and either gives the whole model or every problem.
public enum ModelLoader {
  /// The largest model file read, so that a wrong file is refused rather than read for long.
  public static let maximumFileSize = 512 * 1024 * 1024

  /// The model in `text`, named `name` in messages; `readText` reads a document's text file
  /// by the name the model gives it. With `requiringEnd`, a text without its `end` line is
  /// an error (it looks cut short), as it is for a file; a text made in memory may leave it
  /// out.
  public static func load(
    text: String, name: String, requiringEnd: Bool = false,
    readText: (String) throws -> String
  ) throws(ModelError) -> Model {
    try load(
      text: text, name: name, requiringEnd: requiringEnd, factsAsParsed: true,
      readText: readText)
  }

  /// `load(text:name:requiringEnd:readText:)`, checking each fact as it is parsed (in
  /// `pieces` at once) or the file whole: all give the same, which tests compare.
  static func load(
    text: String, name: String, requiringEnd: Bool, factsAsParsed: Bool,
    pieces: ModelChecker.Pieces = .byProcessors, readText: (String) throws -> String
  ) throws(ModelError) -> Model {
    let result: Result<Model, ModelError> = Lexer.scanning(text, stringsSpanLines: false) {
      lexer in
      load(
        lexer: lexer, name: name, requiringEnd: requiringEnd, factsAsParsed: factsAsParsed,
        pieces: pieces, text: { text }, readText: readText)
    }
    return try result.get()
  }

  /// The error of a model without its `end` line, at the end of the text.
  static func missingEnd(at offset: Int) -> Diagnostic {
    Diagnostic(
      "the model has no 'end' line: the file looks truncated (a whole model file ends with 'end')",
      at: offset..<offset)
  }

  /// The model in the text `lexer` reads, whose `String` `text` makes when a message needs it:
  /// a model file is parsed from its bytes.
  static func load(
    lexer: Lexer, name: String, requiringEnd: Bool, factsAsParsed: Bool = true,
    pieces: ModelChecker.Pieces = .byProcessors, readsTextsAlongside: Bool = false,
    text: () -> String, readText: (String) throws -> String
  ) -> Result<Model, ModelError> {
    let loaded = ModelChecker.load(
      lexer, name: name, factsAsParsed: factsAsParsed, pieces: pieces,
      readsTextsAlongside: readsTextsAlongside, readText: readText)
    var syntaxErrors = loaded.syntaxErrors
    if requiringEnd, !loaded.hasEnd {
      syntaxErrors.append(missingEnd(at: lexer.bytes.count))
    }
    if let model = loaded.model, syntaxErrors.isEmpty { return .success(model) }
    let all = (syntaxErrors + loaded.checkErrors).sorted {
      $0.range.lowerBound < $1.range.lowerBound
    }
    return .failure(ModelError(source: SourceText(name: name, text: text()), diagnostics: all))
  }

  /// The syntax errors of a model text, without checking names, kinds or quotes: what a
  /// grammar-driven tool needs to know.
  public static func syntaxErrors(in text: String) -> [Diagnostic] {
    ModelParser.parse(text).1
  }

  /// The model in the file at `path`; document text files are read relative to it.
  ///
  /// The file is parsed from its bytes, checked as UTF-8 without a `String` of it: one is
  /// made only for the messages of a file that does not load.
  public static func load(file path: String) throws(ModelError) -> Model {
    try load(file: path) { _ in }
  }

  /// `load(file:)`, handing `read` the file's bytes as they were read, before they are
  /// parsed: the cache hashes the very bytes the model is made from.
  static func load(file path: String, read: (UnsafeRawBufferPointer) -> Void)
    throws(ModelError) -> Model
  {
    let url = URL(fileURLWithPath: path)
    let readText = { (name: String) throws -> String in
      let textURL = URL(fileURLWithPath: name, relativeTo: url.deletingLastPathComponent())
      return try readFile(textURL)
    }
    let data: Data
    do {
      data = try readData(url)
    } catch {
      throw ModelError(unreadable: path, reason: error.description)
    }
    data.withUnsafeBytes { read($0) }
    let loaded = data.withUnsafeBytes { raw -> Result<Model, ModelError>? in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard FileBytes.isPlainUTF8(bytes) else { return nil }
      // `readText` reads files and nothing else: a large model's may run on a thread of its own.
      return load(
        lexer: Lexer(bytes: bytes, stringsSpanLines: false), name: path, requiringEnd: true,
        readsTextsAlongside: true, text: { String(decoding: bytes, as: UTF8.self) },
        readText: readText)
    }
    if let loaded { return try loaded.get() }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ModelError(unreadable: path, reason: FileProblem.notUTF8.description)
    }
    return try load(text: text, name: path, requiringEnd: true, readText: readText)
  }

  /// The bundled model of the CSTO article, compiled into the binary with the article: read
  /// from its committed snapshot (`BundledSnapshot`) when that was compiled from these very
  /// files, else parsed and checked. Each part of the snapshot is checked when first used,
  /// and a damaged one is replaced from the model parsed and checked: checking every part at
  /// start cost a one-shot query 1M instructions (Tests/Benchmarks/README.md, round 6).
  public static let bundled: Model =
    BundledSnapshot.model(
      from: BundledSnapshot.committed, modelText: PackageResources.csto_model,
      articleText: PackageResources.article_txt, reload: { checkedBundled() })
    ?? checkedBundled()

  /// The bundled model parsed from `csto.model` and checked against the article, as
  /// `bundled` is when its snapshot is missing or out of date.
  public static func checkedBundled() -> Model {
    do {
      return try load(text: Bundled.modelText, name: "csto.model", requiringEnd: true) { name in
        guard name == "article.txt" else { throw FileProblem("no bundled file named \(name)") }
        return Bundled.articleText
      }
    } catch {
      fatalError("the bundled model does not check:\n\(error.rendered())")
    }
  }

  static func readFile(_ url: URL) throws(FileProblem) -> String {
    if let text = FileBytes.readText(url.path) { return text }
    guard let text = String(data: try readData(url), encoding: .utf8) else {
      throw FileProblem.notUTF8
    }
    return text
  }

  /// The bytes of the file at `url`, refused when it is a directory or too large.
  ///
  /// Its type and size come from `stat` (through a symbolic link): `FileManager`'s attributes
  /// give the size as `Int` in one Foundation and `UInt` in another, and a size that failed
  /// `as? Int` once let any file through.
  static func readData(_ url: URL) throws(FileProblem) -> Data {
    let data: Data
    do {
      var status = stat()
      if stat(url.path, &status) == 0 {
        if status.st_mode & S_IFMT == S_IFDIR { throw FileProblem("is a directory") }
        if status.st_size > maximumFileSize {
          throw FileProblem("is larger than \(maximumFileSize / 1024 / 1024) MiB")
        }
      }
      data = try FileBytes.read(url.path) ?? Data(contentsOf: url)
    } catch let problem as FileProblem {
      throw problem
    } catch {
      throw FileProblem(
        FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "no such file")
    }
    return data
  }
}

/// Why a file could not be read, in words for a message.
struct FileProblem: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }

  static let notUTF8 = FileProblem("is not valid UTF-8")
}

/// The compiled-in files.
public enum Bundled {
  /// The bundled model file's text.
  public static let modelText = String(decoding: PackageResources.csto_model, as: UTF8.self)
  /// The article, byte for byte as received.
  public static let articleText = String(decoding: PackageResources.article_txt, as: UTF8.self)
}

/// A model file that could not be loaded, with every problem found in it.
public struct ModelError: Error, Sendable, CustomStringConvertible {
  public let source: SourceText
  public let diagnostics: [Diagnostic]
  /// True when the file itself could not be read (rather than read and found wrong).
  public let isUnreadable: Bool

  init(source: SourceText, diagnostics: [Diagnostic]) {
    self.source = source
    self.diagnostics = diagnostics
    isUnreadable = false
  }

  init(unreadable path: String, reason: String) {
    source = SourceText(name: path, text: "")
    diagnostics = [Diagnostic("cannot read model file '\(path)': \(reason)", at: 0..<0)]
    isUnreadable = true
  }

  /// Every problem as `file:line:column: error: ...` with the line and a caret, or the one
  /// line saying why the file could not be read.
  /// The most errors `rendered` shows, as compilers stop after a screenful or two.
  public static let maximumShown = 100

  /// The errors as compilers print them: the first `maximumShown`, then how many more
  /// there are.
  public func rendered(color: Bool = false) -> String {
    if isUnreadable { return "error: \(diagnostics[0].message)" }
    let shown = DiagnosticRenderer.render(
      Array(diagnostics.prefix(Self.maximumShown)), in: source, color: color)
    let more = diagnostics.count - Self.maximumShown
    guard more > 0 else { return shown }
    return shown + "\nand \(more) more error\(more == 1 ? "" : "s") (\(diagnostics.count) in all)"
  }

  public var description: String { rendered() }
}
