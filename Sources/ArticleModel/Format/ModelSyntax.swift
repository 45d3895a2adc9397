import Syntax

/// A model file as written, before names are resolved: what `ModelParser` produces and
/// `ModelChecker` turns into a `Model`. Every name keeps the range it was written at.
struct ModelSyntax {
  var documents: [DocumentSyntax] = []
  var kinds: [KindSyntax] = []
  var relations: [RelationSyntax] = []
  var entities: [EntitySyntax] = []
  var sets: [SetSyntax] = []
  var facts: [FactSyntax] = []
  var qualifiers: [QualifierSyntax] = []
  var evidence: [EvidenceSyntax] = []
  var qualifierDeclarations: [QualifierDeclarationSyntax] = []
  var noClaims: [NoClaimSyntax] = []
  /// Where the `end` line stands; nil when the text has none (it may be cut short).
  var end: Range<Int>?
}

/// A `qualifier` statement: the key, whether its values are ids or strings, what it means.
struct QualifierDeclarationSyntax {
  var key: Spelled
  var takesEntity: Bool
  var meaning: Spelled?
}

/// A `noclaim` statement: the sentence's paragraph and quote (as evidence gives them), and
/// the reason.
struct NoClaimSyntax {
  var evidence: EvidenceSyntax
  var reason: Spelled
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
  /// Declared `hypothetical`: its entities are scenarios.
  var isScenario = false
  /// The further names after `also`.
  var aliases: [Spelled] = []
}

struct RelationSyntax {
  var id: Spelled
  var relation: Relation
  var phrases: [Spelled]
  var kindNames: [Spelled]
  var cameo: Spelled?
  /// Where `reflexive` was written, for the message when it cannot hold.
  var reflexive: Range<Int>?
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
  /// The further names after `also`.
  var aliases: [Spelled] = []
}

/// A fact as written, by the bytes it was written with: the model text's ranges, not strings,
/// so that a model of a million facts makes a string only for what the model keeps. Its
/// qualifiers and evidence lie in the ranges it gives of `ModelSyntax`'s shared arrays.
struct FactSyntax {
  var subject: Range<Int>
  var relation: Range<Int>
  var object: Range<Int>
  var qualifiers: Range<Int> = 0..<0
  var denied = false
  var personal = false
  var assessment: Range<Int>?
  var scenario: Range<Int>?
  var note: Lexer.Lexeme?
  var evidence: Range<Int> = 0..<0
}

/// A fact's circumstance as written: an entity's id, or a string.
struct QualifierSyntax {
  var key: Qualifier.Key
  var entity: Range<Int>?
  var text: Lexer.Lexeme?
}

/// A fact's evidence as written: the document's id if given, the paragraph's digits, the
/// quote's string.
struct EvidenceSyntax {
  var document: Range<Int>?
  var paragraph: Range<Int>
  var quote: Lexer.Lexeme
}
