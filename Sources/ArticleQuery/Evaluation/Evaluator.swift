import ArticleModel

/// Why an entity is in a result: a fact, and the office holder or body through which the
/// entity stands in it (nil when the fact names the entity itself).
struct Support: Hashable, Sendable {
  var fact: Int
  var via: Int?
  var chain: [Int]
}

/// Entities with their supports, the working form of an entity answer.
typealias Matches = [Int: [Support]]

/// Supports gathered for entities, each kept once: an entity's few supports are checked
/// against its list, and a set beside the lists takes over once it has `listed` of them, since
/// a popular entity gathers hundreds and a list checked for each new one would cost their
/// square. (Most answers never need the set; making its type at run time cost a one-shot query
/// 0.24M instructions.)
struct MatchCollector {
  private(set) var matches: Matches = [:]
  /// The supports of the entities with at least `listed` of them.
  private var seen: Set<Key> = []

  /// How many supports an entity has before the set holds them.
  static let listed = 8

  private struct Key: Hashable {
    var entity: Int
    var support: Support
  }

  /// Adds a support for an entity, unless it has it already.
  mutating func add(_ entity: Int, _ support: Support) {
    let known = matches[entity]?.count ?? 0
    if known < Self.listed {
      if known > 0, matches[entity]?.contains(support) == true { return }
    } else if !seen.insert(Key(entity: entity, support: support)).inserted {
      return
    }
    matches[entity, default: []].append(support)
    if known + 1 == Self.listed, let supports = matches[entity] {
      for listed in supports { seen.insert(Key(entity: entity, support: listed)) }
    }
  }
}

/// Evaluates statements against a model: a pure function of (statement, model), with the
/// model's indexes so that an answer costs what it touches. Scenario facts count only for
/// the scenarios assumed; denied facts never satisfy a condition.
struct Evaluator {
  let context: EngineContext
  let assumed: Set<Int>
  /// Set from another thread to stop: the loops then give up and return what they have,
  /// and the engine reports the statement as interrupted.
  let cancellation: Cancellation?
  /// The members of each set (by `SetRef.index`) evaluated so far in this statement.
  var setCache: [Int: Matches] = [:]

  var model: Model { context.model }
  var index: ModelIndex { context.model.index }

  init(context: EngineContext, assumed: Set<Int>, cancellation: Cancellation? = nil) {
    self.context = context
    self.assumed = assumed
    self.cancellation = cancellation
  }

  /// True once the evaluation has been asked to stop.
  var cancelled: Bool { cancellation?.isCancelled ?? false }

  // MARK: facts that count

  /// True when the fact may satisfy a condition: affirmed, and not of a scenario that is
  /// not assumed.
  func usable(_ fact: Fact) -> Bool {
    fact.polarity == .affirmed && inScope(fact)
  }

  /// True when the fact belongs to the reported world or to an assumed scenario.
  func inScope(_ fact: Fact) -> Bool {
    if let scenario = fact.scenario { return assumed.contains(scenario) }
    return true
  }

  /// The entity itself and everyone who speaks for it, each with the chain that links them.
  func speakers(for entity: Int) -> [(entity: Int, chain: [Int])] {
    [(entity, [])] + index.spokenForBy[entity].map { ($0.entity, $0.chain) }
  }

  /// The entity itself and everything it speaks for.
  func spokenFor(by entity: Int) -> [(entity: Int, chain: [Int])] {
    [(entity, [])] + index.speaksFor[entity].map { ($0.entity, $0.chain) }
  }

  /// True when `entity`, or (when `lifting`) something it speaks for, is in `targets`.
  func matches(_ entity: Int, _ targets: EntitySet, lifting: Bool = true) -> Bool {
    targets.contains(entity)
      || (lifting && index.speaksFor[entity].contains { targets.contains($0.entity) })
  }

  /// True when the fact's subject counts for those it speaks for: not when it acted in a
  /// personal capacity, nor when the fact is itself an office or part-of fact (Rakhmon is
  /// president of Tajikistan; Tajikistan is not its own president). The object end always
  /// counts for what it speaks for.
  func speaksThrough(_ fact: Fact) -> Bool {
    !fact.personal && model.relations[fact.relation].represents.isEmpty
  }

  // MARK: queries

  /// The entities a query answers, with their supports.
  mutating func entities(of query: Query) -> Matches {
    switch query {
    case .selection(let source, let condition):
      return select(source, where: condition)
    case .who(let condition):
      return holding(condition, among: .everything(count: model.entities.count))
    case .what(let subject, let relation):
      return objects(of: subject, relation)
    case .which(let source, let condition):
      return select(source, where: condition)
    case .did(let question):
      return answers(to: question)
    case .count(let inner):
      return entities(of: inner)
    case .show(let entity):
      return [entity.index: []]
    case .qualifiedWhat(let subject, let relation, let qualifiers):
      return objects(of: subject, relation, qualifiers: resolve(qualifiers))
    case .facts, .why, .verdict, .wh, .happened, .whatIf, .pairs, .connection:
      return [:]
    }
  }

  /// The entities of a selection, with the condition's supports (a candidate's membership of
  /// its set is not repeated: the condition is what was asked). Every named set, in a query
  /// or as another set's candidates, is evaluated here. A model set that is itself a
  /// selection (`members`: `countries where member of csto`) is taken in the cheaper order:
  /// when the condition finds its entities from facts and the set is not known yet, the
  /// condition picks its few entities from the set's base first and the set's own condition
  /// is tested on those alone; otherwise the set first, once per statement.
  mutating func select(_ source: SetSource, where condition: Condition?) -> Matches {
    guard let condition else { return candidates(source) }
    if case .named(let set) = source, setCache[set.index] == nil, Self.isSelective(condition),
      case .defined(let index) = context.vocabulary.setMeanings[set.index],
      case .selection(let base, let membership) = context.sets[index].query
    {
      let found = select(base, where: condition)
      guard let membership, !found.isEmpty else { return found }
      let members = holding(membership, among: .listed(found.keys))
      return found.filter { members[$0.key] != nil }
    }
    return holding(condition, among: candidateSet(source))
  }

  /// Whether a condition finds its entities from facts, not by going through every candidate:
  /// a relation, an `and` that begins with one, an `or` of them. (`not` tests each candidate.)
  static func isSelective(_ condition: Condition) -> Bool {
    switch condition {
    case .predicate, .qualified: true
    case .not: false
    case .and(let parts): parts.first.map(isSelective) ?? false
    case .or(let parts): parts.allSatisfy(isSelective)
    }
  }

  /// The candidates of a selection: a named set, a kind's plural, everything, a sub-query.
  mutating func candidates(_ source: SetSource) -> Matches {
    switch source {
    case .named(let set): return self.set(set)
    case .query(let inner): return entities(of: inner)
    }
  }

  /// The candidates of a selection as a set to test, not to list: a kind stays a kind.
  mutating func candidateSet(_ source: SetSource) -> EntitySet {
    switch source {
    case .named(let set): return members(of: set)
    case .query(let inner): return .listed(entities(of: inner).keys)
    }
  }

  /// The entities of a set, to test: a kind by kind, everything as such, a model set
  /// evaluated (once per statement).
  mutating func members(of set: SetRef) -> EntitySet {
    switch context.vocabulary.setMeanings[set.index] {
    case .defined: return .listed(self.set(set).keys)
    case .everything: return .everything(count: model.entities.count)
    case .kinds(let kinds) where kinds.count == 1:
      return .kind(kinds[0], members: context.membersByKind[kinds[0]], kinds: context.kindOfEntity)
    case .kinds(let kinds): return .listed(kinds.flatMap { context.membersByKind[$0] })
    }
  }

  /// The members of a set, with no supports but a model set's own: a model set (evaluated
  /// once per statement), a kind's plural, or everything.
  mutating func set(_ set: SetRef) -> Matches {
    if let cached = setCache[set.index] { return cached }
    let result: Matches
    if case .defined(let index) = context.vocabulary.setMeanings[set.index] {
      evaluateSets(usedBy: index)
      result = entities(of: context.sets[index].query)
    } else {
      result = Dictionary(uniqueKeysWithValues: members(of: set).map { ($0, []) })
    }
    setCache[set.index] = result
    return result
  }

  /// Evaluates the model sets that model set `index` uses, directly or not, each after those
  /// it uses, in a loop: evaluating `index` then finds them all in the cache, so that a chain
  /// of thousands of sets takes as many turns of the loop, not as many nested calls. (The
  /// engine has rejected cycles.)
  mutating func evaluateSets(usedBy index: Int) {
    var started: Set<Int> = [index]
    var stack: [(set: Int, reference: SetRef?, uses: [(set: Int, reference: SetRef)], next: Int)] =
      [(index, nil, context.definedSets(in: index), 0)]
    while let top = stack.last {
      guard top.next < top.uses.count else {
        stack.removeLast()
        if let reference = top.reference, setCache[reference.index] == nil {
          setCache[reference.index] = entities(of: context.sets[top.set].query)
        }
        continue
      }
      stack[stack.count - 1].next += 1
      let (used, reference) = top.uses[top.next]
      guard setCache[reference.index] == nil, started.insert(used).inserted else { continue }
      stack.append((used, reference, context.definedSets(in: used), 0))
    }
  }

  /// The entities of a target.
  mutating func targetSet(_ target: Target) -> EntitySet {
    switch target {
    case .entity(let entity): return [entity.index]
    case .set(let set): return members(of: set)
    case .query(let inner): return .listed(entities(of: inner).keys)
    }
  }

  // MARK: conditions

  /// The entities of `candidates` for which `condition` holds, with the facts that show it
  /// (for `not`, the explicit denials where the article has them; a candidate's membership
  /// of its set is not repeated: the condition is what was asked).
  mutating func holding(_ condition: Condition, among candidates: EntitySet) -> Matches {
    switch condition {
    case .predicate(let relation, let target):
      let targets = targetSet(target)
      return predicate(relation, targets, among: candidates, polarity: .affirmed)
    case .qualified(let claim):
      return qualified(claim, among: candidates, polarity: .affirmed)
    case .not(let inner):
      let positive = holding(inner, among: candidates)
      var denials: Matches = [:]
      if case .predicate(let relation, let target) = inner {
        denials = predicate(relation, targetSet(target), among: candidates, polarity: .denied)
      } else if case .qualified(let claim) = inner {
        denials = qualified(claim, among: candidates, polarity: .denied)
      }
      let themselves = excludedTargets(of: inner)
      var result: Matches = [:]
      for entity in candidates where positive[entity] == nil && !themselves.contains(entity) {
        result[entity] = denials[entity] ?? []
      }
      return result
    case .and(let parts):
      var remaining = candidates
      var supports: Matches = [:]
      for part in parts where !cancelled {
        let found = holding(part, among: remaining)
        remaining = .listed(found.keys)
        for (entity, items) in found { supports[entity, default: []] += items }
        if remaining.isEmpty { break }
      }
      return supports.filter { remaining.contains($0.key) }
    case .or(let parts):
      var supports: Matches = [:]
      for part in parts where !cancelled {
        for (entity, items) in holding(part, among: candidates) {
          supports[entity, default: []] += items
        }
      }
      return supports
    }
  }

  /// The candidates that stand in `relation` to one of `targets` (affirmed facts that count)
  /// or, with `.denied`, for which the article denies it. Picks the cheapest index: the
  /// candidates' facts, the targets' facts, or the relation's.
  func predicate(
    _ relation: RelationRef, _ targets: EntitySet, among candidates: EntitySet,
    polarity: Polarity, qualifiers: [ResolvedQualifier] = []
  ) -> Matches {
    guard !targets.isEmpty, !candidates.isEmpty else { return [:] }
    let relationIndex = relation.index
    let directions = model.relations[relationIndex].symmetric ? [false, true] : [relation.reversed]
    var result = MatchCollector()
    for reversed in directions {
      let pattern = Pattern(
        relation: relationIndex, reversed: reversed, polarity: polarity, targets: targets,
        qualifiers: qualifiers)
      matching(pattern, among: candidates, into: &result)
    }
    return result.matches
  }

  /// A relation, its direction, the polarity wanted, and the entities at the far end.
  struct Pattern {
    var relation: Int
    /// False: the candidate is the subject; true: the candidate is the object.
    var reversed: Bool
    var polarity: Polarity
    var targets: EntitySet
    /// Circumstances the fact must have (for a denial: must not contradict).
    var qualifiers: [ResolvedQualifier] = []
  }

  func accepts(_ fact: Fact, _ pattern: Pattern) -> Bool {
    fact.relation == pattern.relation && fact.polarity == pattern.polarity && inScope(fact)
      && (pattern.qualifiers.isEmpty || holds(fact, pattern.qualifiers))
  }

  func matching(
    _ pattern: Pattern, among candidates: EntitySet, into result: inout MatchCollector
  ) {
    let byCandidate = pattern.reversed ? index.factsByObject : index.factsBySubject
    let byTarget = pattern.reversed ? index.factsBySubject : index.factsByObject
    let relationCost = index.factsByRelation.count(at: pattern.relation)
    let candidateCost = cost(of: candidates, in: byCandidate, limit: relationCost)
    let targetCost = cost(of: pattern.targets, in: byTarget, limit: relationCost)

    /// The fact counts for its near end and (when `lifting`) for all that end speaks for.
    func record(_ factIndex: Int, near: Int, lifting: Bool) {
      if candidates.contains(near) {
        result.add(near, Support(fact: factIndex, via: nil, chain: []))
      }
      guard lifting else { return }
      for step in index.speaksFor[near] where candidates.contains(step.entity) {
        result.add(step.entity, Support(fact: factIndex, via: near, chain: step.chain))
      }
    }
    func consider(_ factIndex: Int) {
      // The relation first, from its column: a fact of a snapshot is made only when it may
      // count (issue 14).
      guard !cancelled, model.facts.relation(at: factIndex) == pattern.relation else { return }
      // The far end next, from its column: one that neither is a target nor speaks for one
      // matches nothing. No circumstance asked for: the fact's details are not read.
      let farEnd =
        pattern.reversed
        ? model.facts.subject(at: factIndex) : model.facts.object(at: factIndex)
      guard matches(farEnd, pattern.targets) else { return }
      let fact =
        pattern.qualifiers.isEmpty
        ? model.facts.bare(at: factIndex) : model.facts.claim(at: factIndex)
      guard accepts(fact, pattern) else { return }
      let (near, far) = pattern.reversed ? (fact.object, fact.subject) : (fact.subject, fact.object)
      let subjectLifts = speaksThrough(fact)
      if matches(far, pattern.targets, lifting: pattern.reversed ? subjectLifts : true) {
        record(factIndex, near: near, lifting: pattern.reversed ? true : subjectLifts)
      }
    }

    if candidateCost <= targetCost, candidateCost <= relationCost {
      for candidate in candidates {
        for (speaker, _) in speakers(for: candidate) {
          for factIndex in byCandidate[speaker] { consider(factIndex) }
        }
      }
    } else if targetCost <= relationCost {
      for target in pattern.targets {
        for (speaker, _) in speakers(for: target) {
          for factIndex in byTarget[speaker] { consider(factIndex) }
        }
      }
    } else {
      for factIndex in index.factsByRelation[pattern.relation] { consider(factIndex) }
    }
  }

  /// The facts an index lists for these entities and those who speak for them, counted up
  /// to `limit` (past it, another index is cheaper anyway).
  func cost(of entities: EntitySet, in facts: FactLists, limit: Int) -> Int {
    var total = 0
    for entity in entities {
      total += facts.count(at: entity) + 1
      for speaker in index.spokenForBy[entity] { total += facts.count(at: speaker.entity) + 1 }
      if total > limit { return total }
    }
    return total
  }

  // MARK: what did

  /// The other ends of the facts in which `subject` (or one who speaks for it) stands in
  /// `relation`: `what did pelosi visit`; with `.denied`, of the facts the article denies.
  mutating func objects(
    of subject: Target, _ relation: RelationRef, qualifiers: [ResolvedQualifier] = [],
    polarity: Polarity = .affirmed
  ) -> Matches {
    let relationIndex = relation.index
    let subjects = targetSet(subject)
    let directions = model.relations[relationIndex].symmetric ? [false, true] : [relation.reversed]
    var result = MatchCollector()
    for reversed in directions {
      for target in subjects {
        for (speaker, chain) in speakers(for: target) {
          let facts = reversed ? index.factsByObject[speaker] : index.factsBySubject[speaker]
          for factIndex in facts where model.facts.relation(at: factIndex) == relationIndex {
            let fact = model.facts.claim(at: factIndex)
            guard fact.relation == relationIndex, fact.polarity == polarity, inScope(fact),
              holds(fact, qualifiers),
              speaker == target || reversed || speaksThrough(fact)
            else { continue }
            let other = reversed ? fact.subject : fact.object
            result.add(
              other,
              Support(fact: factIndex, via: speaker == target ? nil : speaker, chain: chain))
          }
        }
      }
    }
    return result.matches
  }
}
