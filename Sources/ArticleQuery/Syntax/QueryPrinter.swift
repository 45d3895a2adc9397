/// Prints a syntax tree back as query text. With `naming` unset, entities are written by
/// their ids and the text parses back to the same tree; with display names it reads as a
/// claim in answers.
struct QueryPrinter {
  let vocabulary: Vocabulary
  /// How an entity (its index) is written; nil for its id.
  var naming: ((Int) -> String)?
  /// Ids and the sets that are targets written quoted, so that no words after them can
  /// extend them into a longer name (`at "events" in armenia`, not the alias `events in
  /// armenia`). Off, the text reads as typed; `QueryEngine.print` turns it on only when the
  /// plain text would not parse back to the same tree.
  var quotesNames = false

  init(vocabulary: Vocabulary, naming: ((Int) -> String)? = nil, quotesNames: Bool = false) {
    self.vocabulary = vocabulary
    self.naming = naming
    self.quotesNames = quotesNames
  }

  private func name(_ entity: EntityRef) -> String {
    if let naming { return naming(entity.index) }
    let id = vocabulary.entityID(entity.index)
    return quotesNames ? "\"\(id)\"" : id
  }

  private func name(_ set: SetRef) -> String { vocabulary.setNames[set.index] }

  func print(_ statement: Statement) -> String {
    var text = print(statement.query)
    if !statement.assumptions.isEmpty {
      text += " assuming " + statement.assumptions.map(print).joined(separator: " and ")
    }
    return text
  }

  func print(_ query: Query) -> String {
    switch query {
    case .selection(let source, let condition):
      let base = print(source)
      return condition.map { "\(base) where \(print($0))" } ?? base
    case .who(let condition): return "who \(print(condition))"
    case .what(let subject, let relation):
      return "what did \(print(subject)) \(vocabulary.phrase(for: relation))"
    case .which(let source, let condition):
      return "which \(print(source)) where \(print(condition))"
    case .did(let question): return print(question)
    case .count(let inner): return "count \(print(inner))"
    case .show(let entity): return "show \(name(entity))"
    case .facts(.all): return "facts"
    case .facts(.about(let target)): return "facts about \(print(target))"
    case .facts(.paragraph(let paragraph)):
      let document =
        vocabulary.documentIDs.count > 1 ? " of \(vocabulary.documentIDs[paragraph.document])" : ""
      return "facts in paragraph \(paragraph.number)\(document)"
    case .why(let entity, let condition, let negated):
      return "why \(negated ? "not " : "")\(name(entity)) \(print(condition))"
    case .facts(.qualified(let qualifiers)): return "facts \(print(qualifiers))"
    case .qualifiedWhat(let subject, let relation, let qualifiers):
      return "what did \(print(subject)) \(vocabulary.phrase(for: relation)) \(print(qualifiers))"
    case .verdict(let subject, let claim): return "did \(name(subject)) \(print(claim))"
    case .wh(let question):
      return "\(question.asked.rawValue) did \(name(question.subject)) \(print(question.predicate))"
    case .happened(let key, let target, let between, let qualifiers):
      let place = between.map { "\(name($0)) and \(print(target))" } ?? print(target)
      let circumstances = qualifiers.isEmpty ? "" : " " + print(qualifiers)
      return "what happened \(key) \(place)\(circumstances)"
    case .whatIf(let assumption): return "what if \(print(assumption))"
    case .pairs(let relation, let qualifiers, let ends):
      let circumstances = qualifiers.isEmpty ? "" : " " + print(qualifiers)
      let subject = ends.subjects.map { "which \(name($0))" } ?? "who"
      let object = ends.objects.map { "which \(name($0))" } ?? "whom"
      return "\(subject) \(vocabulary.phrase(for: relation)) \(object)\(circumstances)"
    case .connection(let from, let to): return "how is \(name(from)) connected to \(name(to))"
    }
  }

  func print(_ source: SetSource) -> String {
    switch source {
    case .named(let set): name(set)
    case .query(let inner): "(\(print(inner)))"
    }
  }

  func print(_ question: DoQuestion) -> String {
    let asking =
      switch question.asking {
      case .who: "who"
      case .what: "what"
      case .which(let source): "which \(print(source))"
      }
    let not = question.negated ? " not" : ""
    let circumstances = question.qualifiers.isEmpty ? "" : " " + print(question.qualifiers)
    let relation = vocabulary.spokenPhrase(for: question.relation)
    return "\(asking) did \(print(question.subject))\(not) \(relation)\(circumstances)"
  }

  func print(_ condition: Condition) -> String {
    switch condition {
    case .predicate(let relation, let target):
      return "\(vocabulary.phrase(for: relation)) \(print(target))"
    case .qualified(let predicate): return print(predicate)
    case .not(let inner): return "not \(grouped(inner))"
    case .and(let parts): return parts.map(grouped).joined(separator: " and ")
    case .or(let parts): return parts.map(grouped).joined(separator: " or ")
    }
  }

  /// A condition as an operand: parenthesized unless it is a predicate or a `not`.
  private func grouped(_ condition: Condition) -> String {
    switch condition {
    case .predicate, .qualified, .not: print(condition)
    case .and, .or: "(\(print(condition)))"
    }
  }

  func print(_ target: Target) -> String {
    switch target {
    case .entity(let entity): name(entity)
    case .set(let set): quotesNames ? "\"\(name(set))\"" : name(set)
    case .query(let inner): "(\(print(inner)))"
    }
  }

  /// A relation, its target if any, and its circumstances.
  func print(_ predicate: QualifiedPredicate) -> String {
    var parts = [vocabulary.phrase(for: predicate.relation)]
    if let object = predicate.object { parts.append(print(object)) }
    if !predicate.qualifiers.isEmpty { parts.append(print(predicate.qualifiers)) }
    return parts.joined(separator: " ")
  }

  /// Circumstances: `at astana_summit when "mid september"`.
  func print(_ qualifiers: [QualifierCondition]) -> String {
    qualifiers.map { qualifier in
      switch qualifier.value {
      case .target(let target): "\(qualifier.key) \(print(target))"
      case .words(let words): "\(qualifier.key) \"\(words.joined(separator: " "))\""
      }
    }.joined(separator: " ")
  }

  func print(_ assumption: Assumption) -> String {
    switch assumption.claim {
    case .scenario(let scenario): name(scenario)
    case .fact(let subject, let relation, let object):
      "\(name(subject)) \(vocabulary.phrase(for: relation)) \(print(object))"
    }
  }
}
