#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension ModelExport {
  /// The model as its `Codable` JSON: pretty-printed, keys sorted, slashes unescaped, so that
  /// the same model gives the same bytes. `JSONDecoder().decode(Model.self, from:)` reads it
  /// back to an equal model.
  public static func json(_ model: Model) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // The model holds only strings, integers and booleans, which always encode.
    guard let data = try? encoder.encode(model) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
