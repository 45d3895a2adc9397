import ArticleModel

extension Evaluator {
  /// The answer to `how is X connected to Y`: the shortest chains of facts from `from` to
  /// `to`, of at most `Connections.maximumLength` facts, through any relation in either
  /// direction. The facts are those that count (affirmed; a scenario's only when it is
  /// assumed); office and part-of facts are facts like any other, so a state is reached
  /// through its president in one step more; a qualifier links too (`Rakhmon criticized
  /// Russia at the Tashkent SCO summit` joins Russia to the summit).
  ///
  /// A chain is a path of entities: where several facts join the same two neighbours, the
  /// step shows the one the article states first (reported before the author's
  /// assessments), the others are its alternatives, and they make no chain of their own.
  /// Chains are ordered by the names along them, at most `Connections.maximumShown` are
  /// shown, and `more` says how many others there are.
  ///
  /// Two breadth-first searches bound the work by the facts within the limit of either end,
  /// each fact looked at once per search, so a model of a million facts answers without
  /// hanging; a cancelled search gives back what it has.
  func connections(_ from: Int, _ to: Int) -> Connections {
    let builder = ResultBuilder(context: context)
    var answer = Connections(
      from: builder.entity(from), to: builder.entity(to), limit: Connections.maximumLength,
      chains: [], more: 0)
    guard from != to else { return answer }
    let forward = distances(from: from, until: to, within: Connections.maximumLength)
    guard forward[to] > 0 else { return answer }
    let length = Int(forward[to])
    let backward = distances(from: to, until: nil, within: length - 1) { entity, step in
      forward[entity] == length - step
    }
    /// The next entities on a shortest chain from `entity` (at `layer` from `from`), each
    /// with the facts that lead there, the preferred first, in answer order.
    func onward(_ entity: Int, layer: Int) -> [(entity: Int, facts: [Int])] {
      var joining: [Int: [Int]] = [:]
      for (fact, other) in links(of: entity)
      where forward[other] == layer + 1 && backward[other] == length - layer - 1 {
        joining[other, default: []].append(fact)
      }
      return joining.map { ($0.key, $0.value.sorted(by: preferred)) }.sorted {
        context.rank[$0.entity] < context.rank[$1.entity]
      }
    }
    var ways: [Int: Int] = [to: 1]
    /// How many chains lead from `entity` (at `layer`) to `to`, counted once per entity.
    func count(_ entity: Int, layer: Int) -> Int {
      if let known = ways[entity] { return known }
      var total = 0
      for next in onward(entity, layer: layer) where !cancelled {
        let (sum, overflow) = total.addingReportingOverflow(count(next.entity, layer: layer + 1))
        total = overflow ? Int.max : sum
      }
      ways[entity] = total
      return total
    }
    var chains: [Connections.Chain] = []
    var path = [from]
    var steps: [[Int]] = []
    /// Walks the chains in answer order, keeping the first ones.
    func walk(_ entity: Int, layer: Int) {
      guard chains.count < Connections.maximumShown, !cancelled else { return }
      if entity == to {
        chains.append(
          Connections.Chain(
            path: path.map { model.entities[$0].name }, steps: steps.map { builder.fact($0[0]) },
            alternatives: steps.map { $0.dropFirst().map { builder.fact($0) } }))
        return
      }
      for next in onward(entity, layer: layer) {
        path.append(next.entity)
        steps.append(next.facts)
        walk(next.entity, layer: layer + 1)
        path.removeLast()
        steps.removeLast()
      }
    }
    walk(from, layer: 0)
    answer.chains = chains
    answer.more = max(0, count(from, layer: 0) - chains.count)
    return answer
  }

  /// Each entity's distance in facts from `start` (-1 where it is not reached), searched
  /// breadth-first up to `limit` facts, and no further than the layer where `goal` is
  /// found; `admits` keeps an entity out of a layer.
  private func distances(
    from start: Int, until goal: Int?, within limit: Int,
    admits: (_ entity: Int, _ step: Int) -> Bool = { _, _ in true }
  ) -> [Int8] {
    var distance = [Int8](repeating: -1, count: model.entities.count)
    distance[start] = 0
    var frontier = [start]
    var step = 0
    while !frontier.isEmpty, step < limit, goal.map({ distance[$0] < 0 }) ?? true {
      step += 1
      var next: [Int] = []
      for entity in frontier {
        if cancelled { return distance }
        for (_, other) in links(of: entity) where distance[other] < 0 && admits(other, step) {
          distance[other] = Int8(step)
          next.append(other)
        }
      }
      frontier = next
    }
    return distance
  }

  /// The facts that count at an entity, with the entities they join it to: a fact joins
  /// its subject, its object and the entities its qualifiers name (`at` a summit), each to
  /// the others, either way round (a fact that joins an entity to itself is no link).
  private func links(of entity: Int) -> [(fact: Int, other: Int)] {
    var found: [(Int, Int)] = []
    var seen: Set<Int> = []
    func add(_ fact: Int) {
      let record = model.facts[fact]
      guard seen.insert(fact).inserted, usable(record) else { return }
      var ends = [record.subject, record.object]
      for qualifier in record.qualifiers {
        if case .entity(let named) = qualifier.value, !ends.contains(named) { ends.append(named) }
      }
      for other in ends where other != entity { found.append((fact, other)) }
    }
    index.factsBySubject[entity].forEach(add)
    index.factsByObject[entity].forEach(add)
    index.factsByQualifier[entity].forEach(add)
    return found
  }

  /// Whether fact `a` shows a step better than fact `b`: reported before the author's
  /// assessments and scenarios, then the earlier in the article, then the first listed.
  private func preferred(_ a: Int, over b: Int) -> Bool {
    func key(_ fact: Int) -> (Int, Int, Int, Int) {
      let record = model.facts[fact]
      let first = record.evidence.first
      return (
        record.modality == .reported ? 0 : 1, first?.document ?? 0, first?.paragraph ?? 0, fact
      )
    }
    return key(a) < key(b)
  }
}
