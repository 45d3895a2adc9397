import ArticleModel

/// A fact of the model as the one sentence every answer shows it by: `Rakhmon criticized
/// Russia at Tashkent SCO summit`, `Armenia is a member of CSTO`, `CSTO did not name the
/// aggressor Azerbaijan`, `Russian leadership decides on whether Iran joins the CSTO`, with
/// the scenario, the author's assessment or a private capacity marked in brackets.
///
/// The words come from the model: the relation's phrase, its present form when that is a
/// copula (`is a member of`) and its base form after `did not`. A relation with no verb
/// forms at all (`summit of`, `located in`) is a state and takes `is`. A scenario at the
/// object end is a clause, so it follows `whether`. A `when` that does not begin with a word
/// of time of its own (`after Pelosi’s visit`, `this year`) takes `in`; an amount stands in
/// parentheses; any other circumstance is its key and its value (`at the summit`).
struct FactSentence {
  let model: Model

  /// Words that begin a `when` phrase that needs no `in` before it.
  static let timeWords: Set<String> = [
    "after", "before", "during", "since", "until", "till", "by", "in", "on", "at", "from",
    "this", "that", "last", "next", "these", "those", "currently", "now", "today", "then",
    "recently", "earlier", "later", "soon", "already", "still", "once", "when", "while",
  ]

  /// The sentence for the fact at `index`.
  func sentence(_ index: Int) -> String {
    let fact = model.facts[index]
    let relation = model.relations[fact.relation]
    let subject = model.entities[fact.subject].name
    var object = model.entities[fact.object].name
    if model.isScenario(fact.object) { object = "whether " + object }
    var text = "\(subject) \(verb(relation, denied: fact.polarity == .denied)) \(object)"
    for qualifier in fact.qualifiers.sorted(by: { order($0.key) < order($1.key) }) {
      text += " " + phrase(qualifier)
    }
    if fact.personal { text += " [in a private capacity]" }
    if let scenario = fact.scenario {
      text += " [scenario: \(model.entities[scenario].name)]"
    } else if fact.modality == .assessment {
      text += " [the author's assessment]"
    }
    return text
  }

  /// A claim in the same words as a fact's sentence: `Belarus is a member of CSTO`.
  func claim(_ subject: String, _ relation: Int, _ object: String) -> String {
    "\(subject) \(verb(model.relations[relation], denied: false)) \(object)"
  }

  /// The relation as the verb of a sentence, affirmed or denied.
  private func verb(_ relation: Relation, denied: Bool) -> String {
    let hasVerbForms = relation.present != nil || relation.past != nil || relation.base != nil
    if let present = relation.present, let copula = Self.copula(of: present) {
      return denied ? "\(copula) not \(present.dropFirst(copula.count + 1))" : present
    }
    if !hasVerbForms, !Self.isFiniteVerb(relation.phrase) {
      let words = relation.phrase.split(separator: " ")
      let article = words.count == 2 && words[1] == "of" && !relation.office && words[0] != "part"
      let state = (article ? "a " : "") + relation.phrase
      return denied ? "is not \(state)" : "is \(state)"
    }
    guard denied else { return relation.phrase }
    if let base = relation.base { return "did not \(base)" }
    return "did not: \(relation.phrase)"
  }

  /// `is` or `are` when a phrase begins with one.
  private static func copula(of phrase: String) -> String? {
    for copula in ["is", "are"] where phrase.hasPrefix(copula + " ") { return copula }
    return nil
  }

  /// True when a phrase begins with a verb in the present (`expresses the views of`): a
  /// first word in -s that is not a noun of an office (`is` aside).
  private static func isFiniteVerb(_ phrase: String) -> Bool {
    guard let first = phrase.split(separator: " ").first else { return false }
    return first.hasSuffix("s") && first != "is" && first.count > 3
  }

  /// Circumstances in the order a sentence puts them: the amount, then where, then when,
  /// then those the model declares (`manner "openly"`).
  private func order(_ key: Qualifier.Key) -> Int {
    switch key {
    case .amount: 0
    case .to: 1
    case .at: 2
    case .in: 3
    case .when: 4
    default: 5
    }
  }

  private func phrase(_ qualifier: Qualifier) -> String {
    let value: String
    switch qualifier.value {
    case .entity(let entity): value = model.entities[entity].name
    case .text(let text): value = text
    }
    switch qualifier.key {
    case .amount: return "(\(value))"
    case .when:
      let first = value.split(separator: " ").first.map { $0.lowercased() } ?? ""
      return Self.timeWords.contains(first) ? value : "in \(value)"
    case .at, .in, .to: return "\(qualifier.key.rawValue) \(value)"
    default:
      // A declared qualifier: a string reads as it is (`openly`), an entity after its key.
      if case .entity = qualifier.value { return "\(qualifier.key.rawValue) \(value)" }
      return value
    }
  }
}
