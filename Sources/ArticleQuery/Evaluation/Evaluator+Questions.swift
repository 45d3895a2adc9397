import ArticleModel

/// Answers readers' questions about one subject: yes/no, `where`/`when`/`how much`, and
/// `what happened at X`.
extension Evaluator {
  /// The kinds whose entities answer `where` when they are a fact's other end.
  static let placeKinds: Set<String> = ["country", "region", "city"]

  /// `did X R Y`: `yes` with the facts that show it (through office holders and bodies, as
  /// conditions count them), `no` with the denial, or `not stated` with the scenarios that
  /// would make it `yes`. A denial answers `no` only when it denies the claim as asked: one
  /// narrower than the question (the article denies Armenia supported Russia *openly*) leaves
  /// it `not stated`, and is shown.
  mutating func verdict(_ subject: Int, _ claim: QualifiedPredicate) -> Verdict {
    let builder = ResultBuilder(context: context)
    let printer = QueryPrinter(vocabulary: context.vocabulary) { [model] in
      model.entities[$0].name
    }
    // The claim as a fact's sentence would say it; an open other end reads `someone`.
    let object = claim.object.map { printer.print($0) } ?? "someone"
    let name = model.entities[subject].name
    let (first, second) = claim.relation.reversed ? (object, name) : (name, object)
    // Circumstances as a fact's sentence has them: a declared key's words alone (`openly`).
    let builtIn = Set(Qualifier.Key.allCases.map(\.rawValue))
    let circumstances = claim.qualifiers.map { qualifier in
      switch qualifier.value {
      case .words(let words) where !builtIn.contains(qualifier.key):
        " " + words.joined(separator: " ")
      case .words(let words): " \(qualifier.key) \(words.joined(separator: " "))"
      case .target(let target): " \(qualifier.key) \(printer.print(target))"
      }
    }.joined()
    let statement =
      FactSentence(model: model).claim(first, claim.relation.index, second) + circumstances
    let supports = qualified(claim, among: [subject], polarity: .affirmed)[subject] ?? []
    if !supports.isEmpty {
      return Verdict(claim: statement, verdict: .yes, evidence: supports.map(builder.evidence))
    }
    let asked = Set(claim.qualifiers.map(\.key))
    let denials = qualified(claim, among: [subject], polarity: .denied)[subject] ?? []
    let whole = denials.filter { support in
      model.facts[support.fact].qualifiers.allSatisfy { asked.contains($0.key.rawValue) }
    }
    if !whole.isEmpty {
      return Verdict(claim: statement, verdict: .no, evidence: whole.map(builder.evidence))
    }
    var scenarios: [Verdict.Scenario] = []
    let candidates = model.entities.indices.filter {
      context.vocabulary.isScenario($0) && !assumed.contains($0)
    }
    for scenario in candidates where !cancelled {
      var assuming = Evaluator(
        context: context, assumed: assumed.union([scenario]), cancellation: cancellation)
      let found = assuming.qualified(claim, among: [subject], polarity: .affirmed)[subject] ?? []
      if !found.isEmpty {
        scenarios.append(
          Verdict.Scenario(
            name: model.entities[scenario].name, evidence: found.map(builder.evidence)))
      }
    }
    return Verdict(
      claim: statement, verdict: .notStated, evidence: denials.map(builder.evidence),
      scenarios: scenarios)
  }

  /// `where`/`when`/`how much did X R Y`: the asked circumstance of each fact that answers the
  /// claim for X, each value once with the facts that give it, in the article's order.
  mutating func values(_ question: WhQuestion) -> [ValueResult] {
    let builder = ResultBuilder(context: context)
    let subject = question.subject.index
    let supports =
      qualified(question.predicate, among: [subject], polarity: .affirmed)[subject]
      ?? []
    let keys: [String] =
      switch question.asked {
      case .place: ["at", "in", "to"]
      case .time: ["when"]
      case .amount: ["amount"]
      }
    var results: [ValueResult] = []
    var positions: [String: Int] = [:]
    func add(_ value: ValueResult, _ support: Support) {
      let identity = value.id ?? value.value
      if positions[identity] == nil {
        positions[identity] = results.count
        results.append(value)
      }
      results[positions[identity]!].evidence.append(builder.evidence(support))
    }
    for support in ordered(supports) {
      let fact = model.facts[support.fact]
      var found = false
      for key in keys {
        for qualifier in fact.qualifiers where qualifier.key.rawValue == key {
          found = true
          add(value(qualifier.value, key: key), support)
        }
      }
      // A place the fact is about answers `where` when no circumstance does and the
      // question leaves the other end open (`where did pelosi visit`).
      guard !found, question.asked == .place, question.predicate.object == nil else { continue }
      let near = support.via ?? subject
      let other = fact.subject == near ? fact.object : fact.subject
      if Self.placeKinds.contains(model.kind(of: other).id)
        || (other == fact.object && endsInPlace(model.relations[fact.relation].phrase))
      {
        add(value(.entity(other), key: "object"), support)
      }
    }
    return results
  }

  /// True when a relation's phrase ends in a preposition of place (`lectures at`, `lives
  /// in`): its object is where the subject does it, whatever its kind.
  func endsInPlace(_ phrase: String) -> Bool {
    guard let last = phrase.split(separator: " ").last, phrase.contains(" ") else { return false }
    return ["at", "in"].contains(last)
  }

  /// Supports in the article's order: by where their fact is first said, then as listed.
  private func ordered(_ supports: [Support]) -> [Support] {
    func place(_ support: Support) -> ResultBuilder.Place {
      let first = model.facts[support.fact].evidence.first
      return ResultBuilder.Place(document: first?.document ?? 0, paragraph: first?.paragraph ?? 0)
    }
    return supports.sorted {
      place($0) != place($1) ? place($0) < place($1) : $0.fact < $1.fact
    }
  }

  /// A qualifier's value as an answer shows it.
  private func value(_ value: Qualifier.Value, key: String) -> ValueResult {
    switch value {
    case .entity(let entity):
      let record = model.entities[entity]
      return ValueResult(
        value: record.name, key: key, id: record.id, kind: model.kind(of: entity).id)
    case .text(let text):
      return ValueResult(value: text, key: key)
    }
  }

  /// `what happened at X`: the facts that count whose circumstance or object is one of the
  /// target's entities; with `between` (`what happened between X and Y`), the facts that join
  /// X (or one who speaks for it) and one of the target's, either way round. Each has the
  /// circumstances asked.
  mutating func happened(
    _ target: Target, between: Int?, _ qualifiers: [QualifierCondition]
  ) -> [Int] {
    let wanted = resolve(qualifiers)
    let places = targetSet(target)
    var found: Set<Int> = []
    if let between {
      // A fact within X (its army is part of it) joins X to nothing else.
      let own = Set(speakers(for: between).map(\.entity))
      for speaker in own {
        for fact in model.index.factsBySubject[speaker] + model.index.factsByObject[speaker] {
          let other =
            model.facts[fact].subject == speaker
            ? model.facts[fact].object : model.facts[fact].subject
          if !own.contains(other), matches(other, places) { found.insert(fact) }
        }
      }
    } else {
      for entity in places {
        found.formUnion(model.index.factsByQualifier[entity])
        found.formUnion(model.index.factsByObject[entity])
        // A symmetric relation's subject is as much its object (Armenia in conflict with
        // Azerbaijan happened in Armenia as in Azerbaijan).
        found.formUnion(
          model.index.factsBySubject[entity].filter {
            model.relations[model.facts[$0].relation].symmetric
          })
      }
    }
    return found.filter { usable(model.facts[$0]) && has(model.facts[$0], wanted) }
  }
}
