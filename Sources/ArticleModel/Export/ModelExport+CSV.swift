import Syntax

extension ModelExport {
  /// The columns of the CSV export.
  public static let csvHeader = [
    "fact", "subject_id", "subject", "relation", "object_id", "object", "polarity", "modality",
    "personal", "scenario", "qualifiers", "note", "document", "paragraph", "quote",
  ]

  /// The facts as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, a quote
  /// or a line break): a header row, then one row per piece of evidence of each fact, in the
  /// model's order, so that no quote is lost; a fact cited twice has two rows with the same
  /// `fact` number. `relation` is the relation's id, `personal` `true` when the subject
  /// acted in a private capacity (it does not count for its state), `scenario` the scenario
  /// entity's id, `qualifiers` the circumstances joined with `; ` (`at Tashkent SCO summit`).
  public static func csv(_ model: Model) -> String {
    var rows = [csvHeader]
    for (index, fact) in model.facts.enumerated() {
      let subject = model.entities[fact.subject]
      let object = model.entities[fact.object]
      let columns = [
        "\(factNumber(index))", subject.id, subject.name, model.relations[fact.relation].id,
        object.id, object.name, fact.polarity.rawValue, fact.modality.name, "\(fact.personal)",
        fact.scenario.map { model.entities[$0].id } ?? "",
        fact.qualifiers.map { describe($0, in: model) }.joined(separator: "; "), fact.note ?? "",
      ]
      for evidence in fact.evidence {
        rows.append(
          columns + [
            model.documents[evidence.document].id, "\(evidence.paragraph)", evidence.quote,
          ])
      }
    }
    return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
  }

  /// A field quoted when it holds a comma, a quote or a line break, quotes doubled.
  static func csvField(_ text: String) -> String {
    // By bytes: a CRLF is one `Character`, equal to neither "\r" nor "\n", and a quote with a
    // combining mark after it is one too.
    let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D]
    guard text.utf8.contains(where: special.contains) else { return text }
    return "\"" + text.replacingASCII(UInt8(ascii: "\""), with: "\"\"") + "\""
  }
}
