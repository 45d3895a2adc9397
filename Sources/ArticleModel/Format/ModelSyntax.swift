/// A model file as written, before names are resolved: what `ModelParser` produces and
/// `ModelChecker` turns into a `Model`. Every name keeps the range it was written at.
struct ModelSyntax {
  var documents: [DocumentSyntax] = []
  var kinds: [KindSyntax] = []
  var relations: [RelationSyntax] = []
  var entities: [EntitySyntax] = []
  var sets: [SetSyntax] = []
  var facts: [FactSyntax] = []
}

/// A word or string with the place it was written.
struct Spelled: Equatable {
  var text: String
  var range: Range<Int>
}

struct DocumentSyntax {
  var id: Spelled
  var fields: [String: Spelled] = [:]
  var skipped: [String] = []
  var paragraphs: [Spelled] = []
}

struct KindSyntax {
  var id: Spelled
  var plural: Spelled
}

struct RelationSyntax {
  var id: Spelled
  var relation: Relation
  var phrases: [Spelled]
  var kindNames: [Spelled]
  var cameo: Spelled?
}

struct EntitySyntax {
  var id: Spelled
  var name: Spelled
  var kind: Spelled
  var aliases: [Spelled] = []
  var metonyms: [Spelled] = []
  var background: [String] = []
}

struct SetSyntax {
  var id: Spelled
  var query: Spelled
}

struct FactSyntax {
  var subject: Spelled
  var relation: Spelled
  var object: Spelled
  var qualifiers: [(key: Qualifier.Key, entity: Spelled?, text: String?)] = []
  var denied = false
  var personal = false
  var assessment: Spelled?
  var scenario: Spelled?
  var note: String?
  var evidence: [(document: Spelled?, paragraph: Spelled, quote: Spelled)] = []
}
