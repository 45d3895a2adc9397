import ArticleModel

/// Answers, and whole models, as Graphviz DOT graphs: who did what to whom, for `dot -Tsvg`.
///
/// Nodes are entities, labelled with their display names and shaped by kind: country `box`,
/// person `ellipse`, organization `hexagon`, body `component`, event `diamond`, exercise
/// `Mdiamond`, summit `house`, region `tab`, group `octagon`, scenario a dashed rounded box,
/// document `note`; an entity whose kind the graph does not know is `plaintext`. The
/// entities an answer is about are filled and drawn thicker.
///
/// Edges are facts, from subject to object, labelled with the relation and the paragraph
/// (`criticized` / `¶5`), the quote as their tooltip: reported facts in dark grey, denied
/// facts dashed and red (`not criticized`), scenario facts dotted in purple with the
/// scenario's name (`if: Iran joins the CSTO`), the author's assessments blue with a hollow
/// arrowhead, facts done in a private capacity marked `(private)`, symmetric relations
/// without an arrowhead.
///
/// Entities are told apart by display name. The output is deterministic: nodes in name
/// order, edges by paragraph, then model order.
public enum DotRenderer {
  /// The graph of an answer. Entities: the answer's entities, both ends of the facts that
  /// are their evidence (with the office chains), and, given the `model` the answer came
  /// from, every fact among that set of entities. Facts, profiles, explanations and near
  /// misses: the facts they show and the entities at their ends. A what-if: the scenario's
  /// facts and the entities the sets gain, with their evidence. Connections: the two ends
  /// and the facts of every chain shown, with their alternatives, and a dotted link for a
  /// step through an entity a qualifier names. A count: its number.
  /// Without the model, kinds are known only for the answer's own entities. Callers go
  /// through `Renderer.render` with the `.dot` format.
  static func render(_ answer: Answer, model: Model? = nil) -> String {
    var graph = Graph(model: model)
    switch answer.body {
    case .entities(let results):
      for result in results {
        graph.addNode(result.name, kind: result.kind, highlighted: true)
        for item in result.evidence {
          graph.addEdge(item.fact)
          for link in item.chain { graph.addEdge(link) }
        }
      }
      graph.addFactsAmongNodes()
    case .facts(let facts):
      for fact in facts { graph.addEdge(fact) }
    case .count(let count):
      graph.count = count
    case .explanation(let proof):
      graph.addProof(proof)
    case .nearMisses(let misses):
      for fact in misses.misses.compactMap(\.fact) { graph.addEdge(fact) }
    case .profile(let profile):
      graph.addNode(profile.entity.name, kind: profile.entity.kind, highlighted: true)
      for group in profile.groups {
        for fact in group.facts { graph.addEdge(fact) }
      }
    case .values, .verdict:
      for fact in answer.facts { graph.addEdge(fact) }
    case .whatIf(let whatIf):
      for fact in whatIf.facts { graph.addEdge(fact) }
      for result in whatIf.changes.flatMap(\.gained) {
        graph.addNode(result.name, kind: result.kind, highlighted: true)
        for item in result.evidence { graph.addEdge(item.fact) }
      }
    case .connections(let connections):
      for end in [connections.from, connections.to] {
        graph.addNode(end.name, kind: end.kind, highlighted: true)
      }
      for chain in connections.chains { graph.addChain(chain) }
    }
    var title = answer.query
    if !answer.assumptions.isEmpty {
      title += " (assuming " + answer.assumptions.joined(separator: "; ") + ")"
    }
    return graph.text(title: title)
  }

  /// The graph of a whole model: every entity and every fact.
  public static func dot(for model: Model) -> String {
    var graph = Graph(model: model)
    for (index, entity) in model.entities.enumerated() {
      graph.addNode(entity.name, kind: model.kind(of: index).id)
    }
    let builder = ResultBuilder(model: model)
    for index in model.facts.indices { graph.addEdge(builder.fact(index)) }
    return graph.text(title: model.title, rankdir: "TB")
  }

  /// A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`; scalar by
  /// scalar, so that a quote or backslash followed by a combining mark is escaped too.
  static func quoted(_ text: String) -> String {
    var escaped = "\""
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n" where previous == "\r": break
      case "\n", "\r": escaped += "\\n"
      default: escaped.unicodeScalars.append(scalar)
      }
      previous = scalar
    }
    return escaped + "\""
  }

  /// The shape and extra style of an entity kind's nodes; a kind of scenarios has its own.
  static func shape(of kind: String?, isScenario: Bool = false) -> (shape: String, style: String?) {
    if isScenario { return ("box", "dashed,rounded") }
    return switch kind {
    case "country": ("box", nil)
    case "person": ("ellipse", nil)
    case "organization": ("hexagon", nil)
    case "body": ("component", nil)
    case "event": ("diamond", nil)
    case "exercise": ("Mdiamond", nil)
    case "summit": ("house", nil)
    case "region": ("tab", nil)
    case "group": ("octagon", nil)
    case "document": ("note", nil)
    case nil: ("plaintext", nil)
    default: ("ellipse", "dashed")
    }
  }
}

/// The nodes and edges of one graph while it is collected.
private struct Graph {
  let model: Model?
  private let builder: ResultBuilder?
  private var kinds: [String: String] = [:]
  /// The kinds the model declares `hypothetical`.
  private let scenarioKinds: Set<String>
  private var nodes: Set<String> = []
  private var highlighted: Set<String> = []
  private var edges: [Int: FactResult] = [:]
  /// Links that are not a fact's own ends: a chain's step through an entity a qualifier
  /// names (Russia to the Tashkent SCO summit, where Rakhmon criticized it).
  private var links: [(from: String, to: String, label: String, tooltip: String)] = []
  var count: Int?

  init(model: Model?) {
    self.model = model
    builder = model.map { ResultBuilder(model: $0) }
    scenarioKinds = Set(model?.kinds.filter(\.isScenario).map(\.id) ?? [])
    for (index, entity) in (model?.entities ?? []).enumerated() where kinds[entity.name] == nil {
      kinds[entity.name] = model?.kind(of: index).id
    }
  }

  mutating func addNode(_ name: String, kind: String?, highlighted: Bool = false) {
    nodes.insert(name)
    if let kind { kinds[name] = kind }
    if highlighted { self.highlighted.insert(name) }
  }

  /// A chain's steps: each fact, and, where the step joins an end of the fact to an entity
  /// its qualifier names, a dotted link between them labelled with the qualifier.
  mutating func addChain(_ chain: Connections.Chain) {
    for (fact, _) in chain.listed { addEdge(fact) }
    for (offset, step) in chain.steps.enumerated() where chain.path.count > offset + 1 {
      let (a, b) = (chain.path[offset], chain.path[offset + 1])
      guard Set([a, b]) != Set([step.subject, step.object]) else { continue }
      let qualifier = step.qualifiers.first { $0.hasSuffix(a) || $0.hasSuffix(b) } ?? "with"
      nodes.formUnion([a, b])
      links.append(
        (a, b, "\(qualifier)\n¶\(step.paragraph)", "¶\(step.paragraph): \(step.quote)"))
    }
  }

  mutating func addEdge(_ fact: FactResult) {
    guard edges[fact.index] == nil else { return }
    edges[fact.index] = fact
    nodes.insert(fact.subject)
    nodes.insert(fact.object)
  }

  /// Every fact of the model whose two ends are both nodes already.
  mutating func addFactsAmongNodes() {
    guard let model, let builder else { return }
    for (index, fact) in model.facts.enumerated()
    where nodes.contains(model.entities[fact.subject].name)
      && nodes.contains(model.entities[fact.object].name)
    {
      addEdge(builder.fact(index))
    }
  }

  mutating func addProof(_ proof: Proof) {
    for item in proof.evidence {
      addEdge(item.fact)
      for link in item.chain { addEdge(link) }
    }
    for step in proof.steps { addProof(step) }
  }

  /// The graph as DOT, laid out left to right (`LR`, an answer's few entities) or top to
  /// bottom (`TB`, the many of a whole model).
  func text(title: String, rankdir: String = "LR") -> String {
    let graph = "label=\(DotRenderer.quoted(title)), labelloc=t, rankdir=\(rankdir)"
    var lines = [
      "digraph csto {",
      "  graph [\(graph), fontname=\"Helvetica\"];",
      "  node [fontname=\"Helvetica\", fontsize=11];",
      "  edge [fontname=\"Helvetica\", fontsize=9];",
    ]
    if let count {
      lines.append(
        "  count [shape=plaintext, fontsize=28, label=\(DotRenderer.quoted("\(count)"))];")
    }
    let ordered = nodes.sorted { a, b in
      let (foldedA, foldedB) = (a.lowercased(), b.lowercased())
      return foldedA != foldedB ? foldedA < foldedB : a < b
    }
    for name in ordered { lines.append("  " + node(name)) }
    let facts = edges.values.sorted { a, b in
      a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.index < b.index
    }
    for fact in facts { lines.append("  " + edge(fact)) }
    for link in links {
      let ends = "\(DotRenderer.quoted(link.from)) -> \(DotRenderer.quoted(link.to))"
      lines.append(
        "  \(ends) [label=\(DotRenderer.quoted(link.label)), style=dotted, dir=none, "
          + "color=\"#888888\", fontcolor=\"#888888\", tooltip=\(DotRenderer.quoted(link.tooltip))];"
      )
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  private func node(_ name: String) -> String {
    let (shape, style) = DotRenderer.shape(
      of: kinds[name], isScenario: kinds[name].map(scenarioKinds.contains) ?? false)
    var styles = style.map { [$0] } ?? []
    var attributes = ["shape=\(shape)"]
    if highlighted.contains(name) {
      styles.append("filled")
      attributes += ["fillcolor=\"#fdf3b5\"", "penwidth=2"]
    }
    if !styles.isEmpty {
      attributes.append("style=\(DotRenderer.quoted(styles.joined(separator: ",")))")
    }
    if let kind = kinds[name] { attributes.append("tooltip=\(DotRenderer.quoted(kind))") }
    return "\(DotRenderer.quoted(name)) [\(attributes.joined(separator: ", "))];"
  }

  private func edge(_ fact: FactResult) -> String {
    var label = fact.isDenied ? "not \(fact.relation)" : fact.relation
    if fact.personal { label += " (private)" }
    label += "\n¶\(fact.paragraph)"
    if let scenario = fact.scenario { label += "\nif: \(scenario)" }
    var attributes = ["label=\(DotRenderer.quoted(label))"]
    let (style, color): (String?, String) =
      if fact.isDenied {
        ("dashed", "#c53030")
      } else if fact.scenario != nil {
        ("dotted", "#6b46c1")
      } else if fact.isAssessment {
        (nil, "#2b6cb0")
      } else {
        (nil, "#444444")
      }
    if let style { attributes.append("style=\(style)") }
    attributes += ["color=\"\(color)\"", "fontcolor=\"\(color)\""]
    if fact.isAssessment { attributes.append("arrowhead=empty") }
    if let model, model.facts.indices.contains(fact.index),
      model.relations[model.facts[fact.index].relation].symmetric
    {
      attributes.append("dir=none")
    }
    attributes.append("tooltip=\(DotRenderer.quoted("¶\(fact.paragraph): \(fact.quote)"))")
    let ends = "\(DotRenderer.quoted(fact.subject)) -> \(DotRenderer.quoted(fact.object))"
    return "\(ends) [\(attributes.joined(separator: ", "))];"
  }
}
