/// Prints a model in the model format, so that parsing the text gives the same model back.
public enum ModelPrinter {
  /// The model as model-file text.
  public static func print(_ model: Model) -> String {
    var out: [String] = []
    for document in model.documents {
      out.append("document \(document.id)")
      let fields: [(String, String?)] = [
        ("title", document.title), ("author", document.author),
        ("publisher", document.publisher), ("date", document.date), ("url", document.url),
        ("text", document.textFile),
      ]
      for (key, value) in fields {
        if let value { out.append("  \(key) \(quoted(value))") }
      }
      for skipped in document.skipped { out.append("  skip \(quoted(skipped))") }
      if document.textFile == nil {
        for paragraph in document.paragraphs { out.append("  paragraph \(quoted(paragraph))") }
      }
      out.append("")
    }
    for kind in model.kinds {
      out.append(
        "kind \(kind.id) plural \(quoted(kind.plural))" + (kind.isScenario ? " hypothetical" : "")
          + also(kind.aliases))
    }
    out.append("")
    for relation in model.relations {
      out.append(contentsOf: lines(of: relation))
    }
    for entity in model.entities {
      out.append(
        "entity \(entity.id) \(quoted(entity.name)) \(model.kinds[entity.kind.index].id)")
      if !entity.aliases.isEmpty {
        out.append("  alias " + entity.aliases.map(quoted).joined(separator: " "))
      }
      if !entity.metonyms.isEmpty {
        out.append("  metonym " + entity.metonyms.map(quoted).joined(separator: " "))
      }
      for note in entity.background { out.append("  background \(quoted(note))") }
    }
    out.append("")
    for set in model.sets {
      out.append("set \(set.id) \(quoted(set.query))" + also(set.aliases))
    }
    out.append("")
    for declaration in model.qualifiers {
      var line =
        "qualifier \(declaration.key.rawValue) \(declaration.takesEntity ? "id" : "string")"
      if let meaning = declaration.meaning { line += " \(quoted(meaning))" }
      out.append(line)
    }
    out.append("")
    for fact in model.facts {
      out.append(contentsOf: lines(of: fact, in: model))
    }
    for noClaim in model.noClaims {
      out.append(
        "noclaim \(documentPrefix(noClaim.document, in: model))\(noClaim.paragraph) \(quoted(noClaim.quote))"
      )
      out.append("  reason \(quoted(noClaim.reason))")
    }
    out.append("end")
    return out.joined(separator: "\n") + "\n"
  }

  private static func lines(of relation: Relation) -> [String] {
    var lines = ["relation \(relation.id) \(quoted(relation.phrase))"]
    let forms: [(String, String?)] = [
      ("present", relation.present), ("past", relation.past), ("base", relation.base),
      ("passive", relation.passive), ("inverse", relation.inverse),
    ]
    for (key, value) in forms {
      if let value { lines.append("  \(key) \(quoted(value))") }
    }
    if !relation.synonyms.isEmpty {
      lines.append("  also " + relation.synonyms.map(quoted).joined(separator: " "))
    }
    if relation.symmetric { lines.append("  symmetric") }
    if relation.office { lines.append("  office") }
    if relation.reflexive { lines.append("  reflexive") }
    if relation.personal { lines.append("  personal") }
    let kindLists = [
      ("represents", relation.represents), ("subject", relation.subjectKinds),
      ("object", relation.objectKinds),
    ]
    for (key, kinds) in kindLists where !kinds.isEmpty {
      lines.append("  \(key) " + kinds.joined(separator: " "))
    }
    if let cameo = relation.cameo { lines.append("  cameo \(quoted(cameo))") }
    return lines
  }

  private static func lines(of fact: Fact, in model: Model) -> [String] {
    let id = { (index: Int) in model.entities[index].id }
    var lines = ["fact \(id(fact.subject)) \(model.relations[fact.relation].id) \(id(fact.object))"]
    for qualifier in fact.qualifiers {
      switch qualifier.value {
      case .entity(let index): lines.append("  \(qualifier.key.rawValue) \(id(index))")
      case .text(let text): lines.append("  \(qualifier.key.rawValue) \(quoted(text))")
      }
    }
    if fact.polarity == .denied { lines.append("  denied") }
    if fact.personal, !model.relations[fact.relation].personal { lines.append("  personal") }
    switch fact.modality {
    case .reported: break
    case .assessment: lines.append("  assessment")
    case .scenario(let index): lines.append("  scenario \(id(index))")
    }
    if let note = fact.note { lines.append("  note \(quoted(note))") }
    for evidence in fact.evidence {
      lines.append(
        "  evidence \(documentPrefix(evidence.document, in: model))\(evidence.paragraph) \(quoted(evidence.quote))"
      )
    }
    return lines
  }

  /// A kind's or set's further names as an `also` clause, or nothing when it has none.
  private static func also(_ aliases: [String]) -> String {
    aliases.isEmpty ? "" : " also " + aliases.map(quoted).joined(separator: " ")
  }

  /// The document's id and a space where the model has several, else nothing.
  private static func documentPrefix(_ document: Int, in model: Model) -> String {
    model.documents.count > 1 ? "\(model.documents[document].id) " : ""
  }

  /// A string in the format's quotes, with `"` and `\` escaped. Escaping goes scalar by
  /// scalar: a backslash followed by a combining mark is one Character but two scalars, and
  /// the lexer reads scalars.
  public static func quoted(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    out.append("\"")
    for scalar in text.unicodeScalars {
      if scalar == "\"" || scalar == "\\" { out.append("\\") }
      out.append(scalar)
    }
    out.append("\"")
    return String(out)
  }
}
