import ArticleModel

/// What evaluation needs besides the model, prepared once per engine: the vocabulary, the
/// model's named sets parsed, the entities of each kind, and the order answers are given in.
struct EngineContext: Sendable {
  let model: Model
  let vocabulary: Vocabulary
  /// The model's named sets, parsed.
  let sets: [String: Statement]
  /// The model sets each model set's query uses, in the order they appear.
  let setUses: [String: [String]]
  /// Each entity's kind, as its number in `model.kinds` (-1 for a kind not declared).
  let kindOfEntity: [Int]
  /// Each plural with the numbers of the kinds it names (two kinds may share one), and each
  /// kind's entities.
  let kindsByPlural: [String: [Int]]
  let membersByKind: [[Int]]
  /// Each entity's place in the answer order: by display name, then id.
  let rank: [Int]
  /// The documents' paragraphs, searched by `why not`.
  let paragraphSearch: ParagraphSearch

  /// The context of `model`, or the first named set whose query does not parse or refers to
  /// itself.
  init(model: Model) throws(QueryError) {
    self.model = model
    let vocabulary = Vocabulary(model: model)
    self.vocabulary = vocabulary
    var sets: [String: Statement] = [:]
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
      sets[set.id] = statements[0]
    }
    self.sets = sets
    setUses = sets.mapValues { SetReferences.of($0).filter { sets[$0] != nil } }
    var kindsByPlural: [String: [Int]] = [:]
    for (number, kind) in model.kinds.enumerated() {
      kindsByPlural[kind.plural, default: []].append(number)
    }
    let numbers = Dictionary(model.kinds.enumerated().map { ($1.id, $0) }) { first, _ in first }
    var kindOfEntity = [Int](repeating: -1, count: model.entities.count)
    var membersByKind = [[Int]](repeating: [], count: model.kinds.count)
    for (index, entity) in model.entities.enumerated() {
      guard let number = numbers[entity.kind] else { continue }
      kindOfEntity[index] = number
      membersByKind[number].append(index)
    }
    self.kindOfEntity = kindOfEntity
    self.kindsByPlural = kindsByPlural
    self.membersByKind = membersByKind
    let names = model.entities.map { $0.name.lowercased() }
    let order = model.entities.indices.sorted {
      names[$0] != names[$1] ? names[$0] < names[$1] : model.entities[$0].id < model.entities[$1].id
    }
    var rank = [Int](repeating: 0, count: model.entities.count)
    for (place, entity) in order.enumerated() { rank[entity] = place }
    self.rank = rank
    paragraphSearch = ParagraphSearch(documents: model.documents)
    try checkCycles()
  }

  /// A set's query as a source placed where it stands in the model file.
  static func source(of set: NamedSet) -> SourceText {
    guard let origin = set.origin else { return SourceText(name: "set \(set.id)", text: set.query) }
    let indent = String(repeating: " ", count: max(0, origin.column - 1))
    return SourceText(name: origin.file, text: indent + set.query, firstLine: origin.line)
  }

  /// Rejects a set defined, directly or not, by itself. A walk with its own stack, so that a
  /// chain of thousands of sets neither overflows the call stack nor copies its path.
  private func checkCycles() throws(QueryError) {
    let found = SetOrder.firstCycle(from: model.sets.map(\.id), uses: setUses)
    guard let (name, cycle) = found, let set = model.sets.first(where: { $0.id == name }) else {
      return
    }
    let source = EngineContext.source(of: set)
    let start = source.text.utf8.count - set.query.utf8.count
    throw QueryError(
      Diagnostic(
        "the set '\(set.id)' is defined by itself: \(SetOrder.describe(cycle))",
        at: start..<source.text.utf8.count), in: source)
  }
}

/// The named sets a statement uses.
enum SetReferences {
  static func of(_ statement: Statement) -> [String] {
    var names: [String] = []
    collect(statement.query, into: &names)
    for assumption in statement.assumptions {
      if case .fact(_, _, let target) = assumption { collect(target, into: &names) }
    }
    return names
  }

  private static func collect(_ query: Query, into names: inout [String]) {
    switch query {
    case .selection(let source, let condition):
      switch source {
      case .named(let name): names.append(name)
      case .query(let inner): collect(inner, into: &names)
      }
      if let condition { collect(condition, into: &names) }
    case .who(let condition): collect(condition, into: &names)
    case .what(let subject, _): collect(subject, into: &names)
    case .count(let inner): collect(inner, into: &names)
    case .show: break
    case .facts(let filter):
      if case .about(let target) = filter { collect(target, into: &names) }
    case .why(_, let condition, _): collect(condition, into: &names)
    }
  }

  private static func collect(_ condition: Condition, into names: inout [String]) {
    switch condition {
    case .predicate(_, let target): collect(target, into: &names)
    case .not(let inner): collect(inner, into: &names)
    case .and(let parts), .or(let parts):
      for part in parts { collect(part, into: &names) }
    }
  }

  private static func collect(_ target: Target, into names: inout [String]) {
    switch target {
    case .entity: break
    case .set(let name): names.append(name)
    case .query(let inner): collect(inner, into: &names)
    }
  }
}
