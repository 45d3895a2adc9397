extension ModelExport {
  /// The columns of the event table.
  public static let eventHeader = [
    "event_id", "date", "actor1", "actor2", "cameo_code", "root_code", "quad_class",
    "source", "paragraph", "quote",
  ]

  /// The events of the model as a tab-separated table in the layout of political event data
  /// sets (ICEWS, GDELT, Phoenix): a header row, then one row per affirmed fact whose relation
  /// has a CAMEO code, reported or the author's assessment (scenario facts are not events), in
  /// the model's order.
  ///
  /// `event_id` is the fact's number; `date` the fact's `when` as the article gives it, else
  /// the source document's date; `actor1` and `actor2` the subject's and object's display
  /// names, as the article names them (a president, not his state); `cameo_code` the
  /// relation's code, `root_code` its two-digit root and `quad_class` its quad class (1 verbal
  /// cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) from the
  /// codebook (`CAMEO.codes`), empty when the codebook lacks the code; `source` the
  /// document's id, `paragraph` and `quote` the first evidence. Tabs and line breaks inside a
  /// field become spaces.
  public static func events(_ model: Model) -> String {
    var rows = [eventHeader]
    for (index, fact) in model.facts.enumerated() {
      guard fact.polarity == .affirmed, fact.scenario == nil,
        let cameo = model.relations[fact.relation].cameo
      else { continue }
      let code = CAMEO.codes[cameo]
      let root: String = code?.root ?? String(cameo.prefix(2))
      let quadClass: String = code.map { String($0.quadClass.prefix { $0 != " " }) } ?? ""
      let when: String? = fact.qualifiers.first { $0.key == .when }.map { value(of: $0, in: model) }
      var row = [
        "\(factNumber(index))", "", model.entities[fact.subject].name,
        model.entities[fact.object].name, cameo, root, quadClass, "", "", "",
      ]
      if let evidence = fact.evidence.first {
        let document = model.documents[evidence.document]
        row[1] = document.date ?? ""
        row[7] = document.id
        row[8] = "\(evidence.paragraph)"
        row[9] = evidence.quote
      }
      if let when { row[1] = when }
      rows.append(row)
    }
    return rows.map { $0.map(tsvField).joined(separator: "\t") }.joined(separator: "\n") + "\n"
  }

  /// A field with its tabs and line breaks turned into spaces.
  static func tsvField(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
  }
}
