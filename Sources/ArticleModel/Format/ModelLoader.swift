import Foundation

/// Loads model files: parses, checks, and either gives the whole model or every problem.
public enum ModelLoader {
  /// The largest model file read, so that a wrong file is refused rather than read for long.
  public static let maximumFileSize = 512 * 1024 * 1024

  /// The model in `text`, named `name` in messages; `readText` reads a document's text file
  /// by the name the model gives it.
  public static func load(
    text: String, name: String, readText: (String) throws -> String
  ) throws(ModelError) -> Model {
    let source = SourceText(name: name, text: text)
    let (syntax, syntaxErrors) = ModelParser.parse(text)
    let (model, checkErrors) = ModelChecker.check(syntax, source: source, readText: readText)
    if let model, syntaxErrors.isEmpty { return model }
    let all = (syntaxErrors + checkErrors).sorted { $0.range.lowerBound < $1.range.lowerBound }
    throw ModelError(source: source, diagnostics: all)
  }

  /// The syntax errors of a model text, without checking names, kinds or quotes: what a
  /// grammar-driven tool needs to know.
  public static func syntaxErrors(in text: String) -> [Diagnostic] {
    ModelParser.parse(text).1
  }

  /// The model in the file at `path`; document text files are read relative to it.
  public static func load(file path: String) throws(ModelError) -> Model {
    let url = URL(fileURLWithPath: path)
    let text: String
    do {
      text = try readFile(url)
    } catch {
      throw ModelError(unreadable: path, reason: error.description)
    }
    return try load(text: text, name: path) { name in
      let textURL = URL(fileURLWithPath: name, relativeTo: url.deletingLastPathComponent())
      return try readFile(textURL)
    }
  }

  /// The bundled model of the CSTO article, compiled into the binary with the article.
  public static let bundled: Model = {
    do {
      return try load(text: Bundled.modelText, name: "csto.model") { name in
        guard name == "article.txt" else { throw FileProblem("no bundled file named \(name)") }
        return Bundled.articleText
      }
    } catch let error as ModelError {
      fatalError("the bundled model does not check:\n\(error.rendered())")
    } catch {
      fatalError("the bundled model does not load: \(error)")
    }
  }()

  static func readFile(_ url: URL) throws(FileProblem) -> String {
    let data: Data
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      if attributes[.type] as? FileAttributeType == .typeDirectory {
        throw FileProblem("is a directory")
      }
      if let size = attributes[.size] as? Int, size > maximumFileSize {
        throw FileProblem("is larger than \(maximumFileSize / 1024 / 1024) MiB")
      }
      data = try Data(contentsOf: url)
    } catch let problem as FileProblem {
      throw problem
    } catch {
      throw FileProblem(
        FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw FileProblem("is not valid UTF-8")
    }
    return text
  }
}

/// Why a file could not be read, in words for a message.
struct FileProblem: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
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
  public func rendered(color: Bool = false) -> String {
    if isUnreadable { return "error: \(diagnostics[0].message)" }
    return DiagnosticRenderer.render(diagnostics, in: source, color: color)
  }

  public var description: String { rendered() }
}
