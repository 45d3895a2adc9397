/// The CAMEO event codes (a subset of the codebook; `Bundled/cameo.tsv`), compiled in.
public enum CAMEO {
  /// One code of the codebook.
  public struct Code: Sendable, Equatable {
    public var code: String
    public var root: String
    public var quadClass: String
    public var label: String
  }

  /// The codes by their string (leading zeros kept).
  public static let codes: [String: Code] = {
    var codes: [String: Code] = [:]
    let text = String(decoding: PackageResources.cameo_tsv, as: UTF8.self)
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 4 else { continue }
      codes[fields[0]] = Code(
        code: fields[0], root: fields[1], quadClass: fields[2], label: fields[3])
    }
    return codes
  }()
}
