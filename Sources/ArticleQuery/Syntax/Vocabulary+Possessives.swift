import ArticleModel

/// An owner (an entity's index) and the words after its possessive (`doctrine` in
/// `kazakhstan's doctrine`), folded, with curly apostrophes made straight.
struct PossessiveKey: Hashable, Sendable {
  var owner: Int
  var head: String
}

extension Vocabulary {
  /// Words that never begin a possessive's head: `kazakhstan's of defense` names nothing.
  private static let functionWords: Set<String> = ["of", "to", "for", "in", "on", "the", "and"]

  /// The entities `owner's head` names (`kazakhstan's doctrine`, `tajikistan's president`):
  /// empty when none.
  func possessed(by owner: Int, head: [String]) -> Set<Int> {
    possessives.entities(owner: owner, head: head.joined(separator: " "))
  }

  /// Each kind's id (its singular: `country`) and the index of its plural's set, where the
  /// id names no set itself.
  static func singularSets(of model: Model, setNames: [String]) -> [String: Int] {
    var singulars: [String: Int] = [:]
    for kind in model.kinds where !setNames.contains(kind.id) && singulars[kind.id] == nil {
      if let index = setNames.firstIndex(of: kind.plural) { singulars[kind.id] = index }
    }
    return singulars
  }

  /// Each office relation's title (`president` for `president of`) and its index.
  static func offices(of model: Model) -> [String: Int] {
    var offices: [String: Int] = [:]
    for (index, relation) in model.relations.enumerated() where relation.office {
      let title = PhraseTable.words(of: relation.role).joined(separator: " ")
      if offices[title] == nil { offices[title] = index }
    }
    return offices
  }

  /// The display name of the entity at `index`.
  func displayName(_ index: Int) -> String { entityList[index].name }

  /// How a question with `did` spells a relation: its base form (`visit`) when it has one
  /// and is not reversed, else as the printer spells it.
  func spokenPhrase(for reference: RelationRef) -> String {
    if !reference.reversed, let base = baseForms[reference.index] { return base }
    return phrase(for: reference)
  }

  /// The word without its possessive ending (`kazakhstan` for `kazakhstan's` or
  /// `kazakhstan’s`), or nil when it has none.
  static func possessiveStem(_ word: String) -> String? {
    let word = straight(word)
    guard word.hasSuffix("'s"), word.count > 2 else { return nil }
    return String(word.dropLast(2))
  }

  /// Each relation's base form, where the phrase table gives it that relation.
  static func baseForms(of model: Model, in relations: PhraseTable) -> [String?] {
    var forms = [String?](repeating: nil, count: model.relations.count)
    for (index, relation) in model.relations.enumerated() {
      guard let base = relation.base else { continue }
      let words = PhraseTable.words(of: base)
      if case .some((.relation(let reference), let length)) = relations.longestMatch(words[...]),
        reference == RelationRef(index), length == words.count
      {
        forms[index] = base
      }
    }
    return forms
  }

  /// What possessives name, from the model's own words: an entity named `X's … Y`, `Y of X`
  /// or `X … Y` (an alias that begins with X's name: `kyrgyz leadership`) is `X's Y`, and so
  /// is each shorter end of Y that begins with a content word (`kazakhstan's doctrine` for
  /// Kazakhstan's new military doctrine); the holder of an office of X is `X's` office
  /// (`tajikistan's president`).
  /// `nameWords` holds each entity's names (`Entity.allNames`) as `PhraseTable.words(of:)`
  /// reads them.
  static func possessives(of model: Model, in entities: PhraseTable, nameWords: [[[String]]])
    -> [PossessiveKey: Set<Int>]
  {
    var table: [PossessiveKey: Set<Int>] = [:]
    func owner(_ words: ArraySlice<String>) -> Int? {
      let named = words.first == "the" && words.count > 1 ? words.dropFirst() : words
      guard !named.isEmpty,
        case .some((.entity(let index), let length)) = entities.longestMatch(named),
        length == named.count
      else { return nil }
      return index
    }
    func add(_ entity: Int, owner: Int?, head: ArraySlice<String>) {
      guard let owner, owner != entity else { return }
      for start in head.indices where !functionWords.contains(head[start]) {
        let key = PossessiveKey(owner: owner, head: head[start...].joined(separator: " "))
        table[key, default: []].insert(entity)
      }
    }
    for (index, names) in nameWords.enumerated() {
      for name in names {
        let words = name.map(straight)[...]
        guard words.count > 1 else { continue }
        if let at = words.firstIndex(where: { possessiveStem($0) != nil }), at < words.count - 1 {
          let stem = possessiveStem(words[at]) ?? ""
          add(index, owner: owner(words[..<at] + [stem]), head: words[(at + 1)...])
        }
        if let of = words.lastIndex(of: "of"), of > words.startIndex, of < words.count - 1 {
          add(index, owner: owner(words[(of + 1)...]), head: words[..<of])
        }
        for split in stride(from: words.count - 1, through: 1, by: -1) {
          if let found = owner(words[..<split]) {
            add(index, owner: found, head: words[split...])
            break
          }
        }
      }
    }
    // The office facts, found by their relation before a fact is copied (issue 14).
    let offices = model.relations.map(\.office)
    for index in model.facts.indices where offices[model.facts.relation(at: index)] {
      let fact = model.facts[index]
      guard fact.polarity == .affirmed, fact.scenario == nil else { continue }
      let role = PhraseTable.words(of: model.relations[fact.relation].role)
      let key = PossessiveKey(owner: fact.object, head: role.joined(separator: " "))
      table[key, default: []].insert(fact.subject)
    }
    return table
  }

  /// A word with its curly apostrophes made straight, as possessives are looked up.
  static func straight(_ word: String) -> String {
    // By scalars: `String.contains(String)` is Foundation's, a locale-aware search that cost
    // 9M instructions at every start (issue 14).
    word.unicodeScalars.contains("’") ? String(word.map { $0 == "’" ? "'" : $0 }) : word
  }
}
