extension ModelExport {
  /// The base of every IRI the N-Triples export mints.
  public static let iriBase = "https://csto.example/"

  /// The model as RDF N-Triples, one triple per line, each triple once.
  ///
  /// IRIs, under `https://csto.example/` (ids percent-encoded where they hold more than
  /// letters, digits, `-`, `.`, `_` and `~`):
  ///
  /// | what | IRI |
  /// |---|---|
  /// | the vocabulary | `ns#` + term (`csto:Fact`, `csto:subject`, …) |
  /// | a document | `document/{id}` |
  /// | a paragraph | `document/{id}/paragraph/{n}` (¶1 is 1) |
  /// | a kind | `kind/{id}` |
  /// | an entity | `entity/{id}` |
  /// | a relation | `relation/{id}` (an `rdf:Property`) |
  /// | a named set | `set/{id}` |
  /// | a fact | `fact/{n}` (numbered from 1 in model order) |
  /// | its evidence | `fact/{n}/evidence/{k}` (k from 1) |
  ///
  /// Each affirmed, reported fact is a direct triple (`entity/rakhmon relation/criticized
  /// entity/russia`); every fact, whatever its polarity and modality, is also a node of type
  /// `csto:Fact` with `csto:subject`, `csto:predicate`, `csto:object`, `csto:polarity` and
  /// `csto:modality` (literals: `affirmed`/`denied`, `reported`/`assessment`/`scenario`),
  /// `csto:personal` (`xsd:boolean`: the subject acted in a private capacity),
  /// `csto:scenario` (the scenario entity), `csto:note`, one property per qualifier
  /// (`csto:at`, `csto:in`, `csto:to`, `csto:when`, `csto:amount`: an entity or a literal) and
  /// `csto:evidence` for each citation: a `csto:Evidence` node with `csto:document`,
  /// `csto:paragraph` and `csto:quote`. So a SPARQL store keeps the provenance of every
  /// statement, and denials and scenarios never pass for facts.
  ///
  /// Entities have `rdfs:label`, `csto:kind`, `csto:alias`, `csto:metonym`, `csto:background`;
  /// relations `rdfs:label` (the phrase), `csto:form`, `csto:reversedForm` (passive and
  /// inverse), `csto:symmetric`, `csto:office`, `csto:reflexive`, `csto:personal`
  /// (`xsd:boolean`), `csto:represents` (a kind),
  /// `csto:cameo`; paragraphs `csto:document`, `csto:number` (`xsd:integer`) and `csto:text`;
  /// documents `rdfs:label` (the title), `csto:author`, `csto:publisher`, `csto:date`,
  /// `csto:url`; kinds `rdfs:label` and `csto:plural`; sets `rdfs:label` and `csto:query`.
  /// Literals are plain strings in UTF-8, with `\"`, `\\`, `\n`, `\r` and `\t` escaped and
  /// other control characters as `\uXXXX`.
  public static func ntriples(_ model: Model) -> String {
    var graph = TripleWriter()
    let rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    let label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    func csto(_ term: String) -> String { "<\(iriBase)ns#\(term)>" }
    func iri(_ path: String...) -> String {
      "<\(iriBase)" + path.map(percentEncoded).joined(separator: "/") + ">"
    }
    func document(_ index: Int) -> String { iri("document", model.documents[index].id) }
    func paragraph(_ document: Int, _ number: Int) -> String {
      iri("document", model.documents[document].id, "paragraph", "\(number)")
    }
    func entity(_ index: Int) -> String { iri("entity", model.entities[index].id) }
    func relation(_ index: Int) -> String { iri("relation", model.relations[index].id) }
    func kind(_ id: String) -> String { iri("kind", id) }

    for (index, record) in model.documents.enumerated() {
      let subject = document(index)
      graph.add(subject, rdfType, csto("Document"))
      let fields = [
        (label, record.title), (csto("author"), record.author),
        (csto("publisher"), record.publisher), (csto("date"), record.date),
        (csto("url"), record.url),
      ]
      for (property, value) in fields {
        if let value { graph.add(subject, property, literal(value)) }
      }
      for (offset, text) in record.paragraphs.enumerated() {
        let node = paragraph(index, offset + 1)
        graph.add(node, rdfType, csto("Paragraph"))
        graph.add(node, csto("document"), subject)
        graph.add(node, csto("number"), integer(offset + 1))
        graph.add(node, csto("text"), literal(text))
      }
    }
    for record in model.kinds {
      graph.add(kind(record.id), rdfType, csto("Kind"))
      graph.add(kind(record.id), label, literal(record.id))
      graph.add(kind(record.id), csto("plural"), literal(record.plural))
    }
    for (index, record) in model.entities.enumerated() {
      let subject = entity(index)
      graph.add(subject, rdfType, csto("Entity"))
      graph.add(subject, label, literal(record.name))
      graph.add(subject, csto("kind"), kind(model.kinds[record.kind.index].id))
      for alias in record.aliases { graph.add(subject, csto("alias"), literal(alias)) }
      for metonym in record.metonyms { graph.add(subject, csto("metonym"), literal(metonym)) }
      for note in record.background { graph.add(subject, csto("background"), literal(note)) }
    }
    for (index, record) in model.relations.enumerated() {
      let subject = relation(index)
      graph.add(subject, rdfType, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Property>")
      graph.add(subject, rdfType, csto("Relation"))
      graph.add(subject, label, literal(record.phrase))
      for form in record.forms.dropFirst() {
        graph.add(subject, csto(form.reversed ? "reversedForm" : "form"), literal(form.phrase))
      }
      graph.add(subject, csto("symmetric"), boolean(record.symmetric))
      graph.add(subject, csto("office"), boolean(record.office))
      graph.add(subject, csto("reflexive"), boolean(record.reflexive))
      graph.add(subject, csto("personal"), boolean(record.personal))
      for kindID in record.represents { graph.add(subject, csto("represents"), kind(kindID)) }
      if let cameo = record.cameo { graph.add(subject, csto("cameo"), literal(cameo)) }
    }
    for record in model.sets {
      graph.add(iri("set", record.id), rdfType, csto("Set"))
      graph.add(iri("set", record.id), label, literal(record.id))
      graph.add(iri("set", record.id), csto("query"), literal(record.query))
    }
    for (index, fact) in model.facts.enumerated() {
      let number = "\(factNumber(index))"
      let node = iri("fact", number)
      if fact.polarity == .affirmed, fact.modality == .reported {
        graph.add(entity(fact.subject), relation(fact.relation), entity(fact.object))
      }
      graph.add(node, rdfType, csto("Fact"))
      graph.add(node, csto("subject"), entity(fact.subject))
      graph.add(node, csto("predicate"), relation(fact.relation))
      graph.add(node, csto("object"), entity(fact.object))
      graph.add(node, csto("polarity"), literal(fact.polarity.rawValue))
      graph.add(node, csto("modality"), literal(fact.modality.name))
      graph.add(node, csto("personal"), boolean(fact.personal))
      if let scenario = fact.scenario { graph.add(node, csto("scenario"), entity(scenario)) }
      if let note = fact.note { graph.add(node, csto("note"), literal(note)) }
      for qualifier in fact.qualifiers {
        let value =
          switch qualifier.value {
          case .entity(let index): entity(index)
          case .text(let text): literal(text)
          }
        graph.add(node, csto(qualifier.key.rawValue), value)
      }
      for (offset, evidence) in fact.evidence.enumerated() {
        let citation = iri("fact", number, "evidence", "\(offset + 1)")
        graph.add(node, csto("evidence"), citation)
        graph.add(citation, rdfType, csto("Evidence"))
        graph.add(citation, csto("document"), document(evidence.document))
        graph.add(citation, csto("paragraph"), paragraph(evidence.document, evidence.paragraph))
        graph.add(citation, csto("quote"), literal(evidence.quote))
      }
    }
    return graph.text
  }

  /// An N-Triples string literal.
  static func literal(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped + "\""
  }

  private static func integer(_ value: Int) -> String {
    "\"\(value)\"^^<http://www.w3.org/2001/XMLSchema#integer>"
  }

  private static func boolean(_ value: Bool) -> String {
    "\"\(value)\"^^<http://www.w3.org/2001/XMLSchema#boolean>"
  }

  /// An IRI path segment: unreserved characters kept, every other byte as `%XX`.
  static func percentEncoded(_ segment: String) -> String {
    var encoded = ""
    for byte in segment.utf8 {
      let isUnreserved =
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~")]
          .contains(byte)
      if isUnreserved {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return encoded
  }
}

/// Collects triples in the order they are added, each once (an RDF graph is a set).
private struct TripleWriter {
  private var seen: Set<String> = []
  private(set) var text = ""

  mutating func add(_ subject: String, _ predicate: String, _ object: String) {
    let line = "\(subject) \(predicate) \(object) .\n"
    if seen.insert(line).inserted { text += line }
  }
}
