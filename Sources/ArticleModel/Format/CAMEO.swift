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
    // Split by bytes: split by characters, the table cost a third of the bundled model's
    // load at start-up (4 million instructions).
    let lines = PackageResources.cameo_tsv.split(separator: UInt8(ascii: "\n"))
    for line in lines.dropFirst() {
      let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
      guard fields.count >= 4 else { continue }
      codes[fields[0]] = Code(
        code: fields[0], root: fields[1], quadClass: fields[2], label: fields[3])
    }
    return codes
  }()
}
