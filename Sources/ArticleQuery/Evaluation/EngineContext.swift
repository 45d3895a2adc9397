import ArticleModel
import Syntax

/// What evaluation needs besides the model, prepared once per engine: the vocabulary, the
/// model's named sets parsed, the entities of each kind, and the order answers are given in.
struct EngineContext: Sendable {
  let model: Model
  let vocabulary: Vocabulary
  /// The model's named sets, parsed, in the order of `Model.sets`.
  let sets: [Statement]
  /// Each entity's kind, as its number in `model.kinds` (-1 for a kind not declared).
  let kindOfEntity: [Int]
  /// Each kind's entities.
  let membersByKind: [[Int]]
  /// Each entity's place in the answer order: by display name, then id.
  let rank: [Int]
  /// The documents' paragraphs, searched by `why not`.
  let paragraphSearch: ParagraphSearch
  /// The entity names Tab offers, sorted on first use.
  let nameIndex: NameIndex

  /// The context of `model`, or the first named set whose query does not parse or refers to
  /// itself.
  init(model: Model) throws(QueryError) {
    self.model = model
    // Read from the model's snapshot when it carries it (issue 14), else built.
    let vocabulary = Vocabulary(storedWith: model) ?? Vocabulary(model: model)
    self.vocabulary = vocabulary
    var sets: [Statement] = []
    for set in model.sets {
      let source = EngineContext.source(of: set)
      let statements: [Statement]
      do {
        statements = try Parser.parse(source.text, vocabulary: vocabulary)
      } catch {
        throw QueryError(error, in: source)
      }
      guard statements.count == 1 else {
        throw QueryError(
          Diagnostic(
            "the set '\(set.id)' must be defined by one query", at: 0..<source.text.utf8.count),
          in: source)
      }
      sets.append(statements[0])
    }
    self.sets = sets
    // A kind declared twice (a model built in code) is its first declaration, as by name.
    let numbers = model.kinds.indices.map { index in
      model.kinds.firstIndex { $0.id == model.kinds[index].id } ?? index
    }
    var kindOfEntity = [Int](repeating: -1, count: model.entities.count)
    var membersByKind = [[Int]](repeating: [], count: model.kinds.count)
    for (index, entity) in model.entities.enumerated() {
      let number = numbers[entity.kind.index]
      kindOfEntity[index] = number
      membersByKind[number].append(index)
    }
    self.kindOfEntity = kindOfEntity
    self.membersByKind = membersByKind
    rank = Self.storedRank(of: model) ?? Self.rank(of: model)
    paragraphSearch = ParagraphSearch(documents: model.documents)
    nameIndex = NameIndex(names: vocabulary.entityNames)
    try checkCycles()
  }

  /// A set's query as a source placed where it stands in the model file.
  static func source(of set: NamedSet) -> SourceText {
    guard let origin = set.origin else { return SourceText(name: "set \(set.id)", text: set.query) }
    let indent = String(repeating: " ", count: max(0, origin.column - 1))
    return SourceText(name: origin.file, text: indent + set.query, firstLine: origin.line)
  }

  /// The model sets (indices in `Model.sets`) that a set's query names.
  func definedSets(in set: Int) -> [(set: Int, reference: SetRef)] {
    SetReferences.of(sets[set]).compactMap { reference in
      guard case .defined(let used) = vocabulary.setMeanings[reference.index] else { return nil }
      return (used, reference)
    }
  }

  /// Rejects a set defined, directly or not, by itself: the error points at the name, in
  /// the query of the cycle's first set in the model, that leads on round the cycle.
  ///
  /// One depth-first walk with its own stack: each set and each use is looked at once, so
  /// that a chain of 50,000 sets neither overflows the call stack nor costs its square.
  private func checkCycles() throws(QueryError) {
    // 0: not seen; 1: on the walk's path; 2: done, no cycle through it.
    var state = [UInt8](repeating: 0, count: sets.count)
    for root in sets.indices where state[root] == 0 {
      var stack: [(set: Int, uses: [(set: Int, reference: SetRef)], next: Int)] = [
        (root, definedSets(in: root), 0)
      ]
      state[root] = 1
      while let top = stack.last {
        guard top.next < top.uses.count else {
          state[top.set] = 2
          stack.removeLast()
          continue
        }
        stack[stack.count - 1].next += 1
        let used = top.uses[top.next].set
        if state[used] == 1 {
          let from = stack.lastIndex { $0.set == used } ?? 0
          try reportCycle(stack[from...].map { ($0.set, $0.uses[$0.next - 1].reference) })
        }
        guard state[used] == 0 else { continue }
        state[used] = 1
        stack.append((used, definedSets(in: used), 0))
      }
    }
  }

  /// Throws the error for a cycle: each set on it with the name in its query that leads to
  /// the next. It is told from the set that comes first in the model; a long one is shown
  /// by its ends.
  private func reportCycle(_ cycle: [(set: Int, reference: SetRef)]) throws(QueryError) {
    let first = cycle.indices.min { cycle[$0].set < cycle[$1].set } ?? 0
    let turned = Array(cycle[first...] + cycle[..<first])
    let names = (turned.map(\.set) + [turned[0].set]).map { model.sets[$0].id }
    let shown =
      names.count > 12
      ? names.prefix(5).joined(separator: " → ") + " → … (\(names.count - 10) more) … → "
        + names.suffix(5).joined(separator: " → ")
      : names.joined(separator: " → ")
    let start = turned[0]
    throw QueryError(
      Diagnostic(
        "the set '\(model.sets[start.set].id)' is defined by itself: \(shown)",
        at: start.reference.range), in: EngineContext.source(of: model.sets[start.set]))
  }
}

/// The sets a statement names, where it names them.
enum SetReferences {
  static func of(_ statement: Statement) -> [SetRef] {
    var found: [SetRef] = []
    collect(statement.query, into: &found)
    for assumption in statement.assumptions {
      if case .fact(_, _, let target) = assumption.claim { collect(target, into: &found) }
    }
    return found
  }

  private static func collect(_ query: Query, into found: inout [SetRef]) {
    switch query {
    case .selection(let source, let condition):
      switch source {
      case .named(let set): found.append(set)
      case .query(let inner): collect(inner, into: &found)
      }
      if let condition { collect(condition, into: &found) }
    case .who(let condition): collect(condition, into: &found)
    case .what(let subject, _): collect(subject, into: &found)
    case .which(let source, let condition):
      collect(.selection(source, condition), into: &found)
    case .did(let question):
      if case .which(let source) = question.asking {
        collect(.selection(source, nil), into: &found)
      }
      collect(question.subject, into: &found)
      collect(question.qualifiers, into: &found)
    case .count(let inner): collect(inner, into: &found)
    case .show: break
    case .facts(let filter):
      if case .about(let target) = filter { collect(target, into: &found) }
    case .why(_, let condition, _): collect(condition, into: &found)
    case .qualifiedWhat(let subject, _, let qualifiers):
      collect(subject, into: &found)
      collect(qualifiers, into: &found)
    case .verdict(_, let claim): collect(claim, into: &found)
    case .wh(let question): collect(question.predicate, into: &found)
    case .happened(_, let target, _, let qualifiers):
      collect(target, into: &found)
      collect(qualifiers, into: &found)
    case .whatIf(let assumption):
      if case .fact(_, _, let target) = assumption.claim { collect(target, into: &found) }
    case .pairs(_, let qualifiers, _): collect(qualifiers, into: &found)
    case .connection: break
    }
    if case .facts(.qualified(let qualifiers)) = query { collect(qualifiers, into: &found) }
  }

  private static func collect(_ claim: QualifiedPredicate, into found: inout [SetRef]) {
    if let object = claim.object { collect(object, into: &found) }
    collect(claim.qualifiers, into: &found)
  }

  private static func collect(_ qualifiers: [QualifierCondition], into found: inout [SetRef]) {
    for qualifier in qualifiers {
      if case .target(let target) = qualifier.value { collect(target, into: &found) }
    }
  }

  private static func collect(_ condition: Condition, into found: inout [SetRef]) {
    switch condition {
    case .predicate(_, let target): collect(target, into: &found)
    case .qualified(let claim): collect(claim, into: &found)
    case .not(let inner): collect(inner, into: &found)
    case .and(let parts), .or(let parts):
      for part in parts { collect(part, into: &found) }
    }
  }

  private static func collect(_ target: Target, into found: inout [SetRef]) {
    switch target {
    case .entity: break
    case .set(let set): found.append(set)
    case .query(let inner): collect(inner, into: &found)
    }
  }
}
