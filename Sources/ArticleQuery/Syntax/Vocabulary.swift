import ArticleModel
import Syntax

/// The words a query may use, drawn from a model: entity names, relation phrases, set names
/// and the language's keywords, each as a sequence of folded words for longest-match lookup.
public struct Vocabulary: Sendable, Equatable {
  /// What a phrase of words stands for.
  public enum Meaning: Sendable, Equatable {
    case entity(Int)
    case relation(RelationRef)
    case set(Int)
  }

  /// What a set name stands for.
  public enum SetMeaning: Sendable, Equatable {
    /// A kind's plural: the numbers of the kinds it names in `Model.kinds` (two kinds may
    /// share one).
    case kinds([Int])
    /// A named set of the model: its index in `Model.sets`.
    case defined(Int)
    case everything

    /// The kinds of a plural; nil for a named set or `everything`.
    public var kinds: [Int]? {
      if case .kinds(let kinds) = self { kinds } else { nil }
    }
  }

  /// The language's reserved words, which no name may be spelled as.
  public static let keywords: [String] = [
    "where", "and", "or", "not", "who", "what", "did", "does", "is", "was", "were", "are",
    "show", "facts", "about", "in", "paragraph", "why", "count", "assuming", "the",
    "which", "do", "has", "have", "a", "an", "if",
  ]

  /// Words that begin a statement, for completion at the start of a line.
  public static let openers: [String] = [
    "who", "who did", "what did", "which", "show", "facts", "why", "count", "did", "is",
    "where did", "when did", "how much did", "what happened at", "what if", "how is", "how are",
    "how many", "list", "show me",
  ]

  /// The phrase tables of entity names, relation phrases and set names. (The tables, names,
  /// forms and possessives have no initial value: one destroyed when a stored one replaced it
  /// made their types at run time, 0.4M instructions, issue 14.)
  var entities: PhraseTable
  /// The model's entities (for their ids and display names), and whether each kind is a
  /// scenario's: kept, not copied out entity by entity (issue 14).
  let entityList: [Entity]
  let scenarioKinds: [Bool]
  var relations: PhraseTable
  var sets: PhraseTable
  /// Every entity's names, relation phrases and set names as typed, for suggestions.
  public internal(set) var entityNames: NameList
  public internal(set) var relationPhrases: NameList
  /// Each relation's canonical phrase and its reversed forms (passive, inverse): the short
  /// list offered before anything is typed.
  public internal(set) var primaryRelationPhrases: NameList
  /// Every set name, in the order of `SetRef.index`, and what each stands for.
  public internal(set) var setNames: [String] = []
  public internal(set) var setMeanings: [SetMeaning] = []
  /// The further names of kinds' sets and named sets (`csto members`, `maneuvers`), which
  /// name the set they belong to and print as its name.
  public internal(set) var setAliases: [String] = []
  /// The documents' ids and how many paragraphs each has, in the model's order.
  public let documentIDs: [String]
  public let paragraphCounts: [Int]
  /// The phrase each relation is printed with, forward (at twice its number) and reversed
  /// (the next).
  var printedForms: OptionalTexts
  /// Each relation's base form (`visit`), where it names that relation: how a question with
  /// `did` prints it.
  var baseForms: OptionalTexts
  /// What a possessive names (`Vocabulary+Possessives.swift`): by owner and head words.
  var possessives: PossessiveTable
  /// Each kind's singular (its id) and the set of its plural (`Vocabulary+Possessives.swift`).
  var singularSets: [String: Int] = [:]
  /// Each office's title (`president`) and its relation.
  var offices: [String: Int] = [:]
  /// The qualifier keys a query may use (the five built in, then the model's), and whether
  /// each takes an entity (else words).
  public internal(set) var qualifierKeys: [String] = []
  public internal(set) var qualifierTakesEntity: [String: Bool] = [:]
  /// One-word values of the model's declared text qualifiers (`openly`, `publicly` of
  /// `manner`), each with its key, for a question to use as an adverb before its relation
  /// (`did belarus openly support russia`); a word that two keys share is left out.
  public internal(set) var adverbs = WordTable()
  /// The folded words of each `when` value the facts have (`winter of 2022`), for a time a
  /// reader puts after `in` (`in the winter of 2022`).
  public internal(set) var times: [[String]] = []

  /// The vocabulary of `model`.
  public init(model: Model) {
    var entities = PhraseTable()
    var relations = PhraseTable()
    var sets = PhraseTable()
    // Each name's words are read once, for the table and the possessives, and the table has
    // room for them at once: it grew 26 times at every start (issue 14).
    let names = model.entities.map(\.allNames)
    let nameWords = names.map { $0.map(PhraseTable.words(of:)) }
    entities.reserveCapacity(nameWords.joined().reduce(0) { $0 + $1.count })
    relations.reserveCapacity(12 * model.relations.count)
    var entityNames: [String] = []
    for (index, names) in names.enumerated() {
      for (name, words) in zip(names, nameWords[index])
      where entities.insert(words: words, .entity(index)) {
        entityNames.append(name)
      }
    }
    for (word, index) in Self.documentRoles(of: model) where entities.insert(word, .entity(index)) {
      entityNames.append(word)
    }
    var printedForms = [String?](repeating: nil, count: 2 * model.relations.count)
    var relationPhrases: [String] = []
    var primaryRelationPhrases: [String] = []
    for (index, relation) in model.relations.enumerated() {
      primaryRelationPhrases +=
        [relation.phrase] + [relation.passive, relation.inverse].compactMap { $0 }
      for (phrase, reversed) in relation.forms {
        let reference = RelationRef(index, reversed: reversed)
        if relations.insert(phrase, .relation(reference)) { relationPhrases.append(phrase) }
        if printedForms[2 * index + (reversed ? 1 : 0)] == nil {
          printedForms[2 * index + (reversed ? 1 : 0)] = phrase
        }
      }
      if relation.symmetric { printedForms[2 * index + 1] = relation.phrase }
    }
    var qualifierKeys: [String] = []
    var qualifierTakesEntity: [String: Bool] = [:]
    var times: [[String]] = []
    var adverbs = WordTable()
    for (key, takesEntity) in Qualifier.Key.allCases.map({ ($0.rawValue, $0.takesEntity) })
      + model.qualifiers.map({ ($0.key.rawValue, $0.takesEntity) })
    where qualifierTakesEntity[key] == nil {
      qualifierKeys.append(key)
      qualifierTakesEntity[key] = takesEntity
    }
    var shared: Set<String> = []
    // Each distinct time once: a million facts share a few hundred (issue 14); `times` is
    // only asked whether some time holds the words typed.
    var seenTimes: Set<String> = []
    for index in model.facts.indices {
      // The qualifiers alone: a fact read from a snapshot is not made whole (issue 14).
      let qualifiers = model.facts.qualifiers(at: index)
      for qualifier in qualifiers where qualifier.key == .when {
        if case .text(let text) = qualifier.value, seenTimes.insert(text).inserted {
          times.append(QualifierCondition.words(of: text))
        }
      }
      for qualifier in qualifiers where !Qualifier.Key.allCases.contains(qualifier.key) {
        guard case .text(let text) = qualifier.value, !text.utf8.contains(UInt8(ascii: " ")) else {
          continue
        }
        let words = QualifierCondition.words(of: text)
        guard words.count == 1, let word = words.first else { continue }
        if let key = adverbs[word], key != qualifier.key.rawValue { shared.insert(word) }
        adverbs[word] = qualifier.key.rawValue
      }
    }
    for word in shared { adverbs[word] = nil }
    var kindsByPlural: [String: [Int]] = [:]
    for (number, kind) in model.kinds.enumerated() {
      kindsByPlural[kind.plural, default: []].append(number)
    }
    let defined = Dictionary(model.sets.enumerated().map { ($1.id, $0) }) { first, _ in first }
    let baseForms = Self.baseForms(of: model, in: relations)
    let possessives = Self.possessives(of: model, in: entities, nameWords: nameWords)
    var setNames: [String] = []
    var setMeanings: [SetMeaning] = []
    var setAliases: [String] = []
    for name in model.kinds.map(\.plural) + model.sets.map(\.id) + ["everything"]
    where sets.insert(name, .set(setNames.count)) {
      setNames.append(name)
      // A model set shadows a plural of the same name, as it always has.
      if let set = defined[name] {
        setMeanings.append(.defined(set))
      } else if let kinds = kindsByPlural[name] {
        setMeanings.append(.kinds(kinds))
      } else {
        setMeanings.append(.everything)
      }
    }
    let furtherNames =
      model.kinds.map { ($0.plural, $0.aliases) } + model.sets.map { ($0.id, $0.aliases) }
    let setIndex = Dictionary(setNames.enumerated().map { ($1, $0) }) { first, _ in first }
    for (name, aliases) in furtherNames where !aliases.isEmpty {
      guard let index = setIndex[name] else { continue }
      for alias in aliases where sets.insert(alias, .set(index)) { setAliases.append(alias) }
    }
    entities.freeze()
    relations.freeze()
    sets.freeze()
    self.init(
      basicsOf: model, entities: entities, relations: relations, sets: sets,
      entityNames: NameList(entityNames), relationPhrases: NameList(relationPhrases),
      primaryRelationPhrases: NameList(primaryRelationPhrases),
      printedForms: OptionalTexts(printedForms), baseForms: OptionalTexts(baseForms),
      possessives: PossessiveTable(possessives))
    self.setNames = setNames
    self.setMeanings = setMeanings
    self.setAliases = setAliases
    singularSets = Self.singularSets(of: model, setNames: setNames)
    offices = Self.offices(of: model)
    self.qualifierKeys = qualifierKeys
    self.qualifierTakesEntity = qualifierTakesEntity
    self.adverbs = adverbs
    self.times = times
  }

  /// The longest entity name at the start of `words`, and how many words it takes.
  func entity(at words: ArraySlice<String>) -> (Int, Int)? {
    guard case .some((.entity(let index), let length)) = entities.longestMatch(words) else {
      return nil
    }
    return (index, length)
  }

  /// The longest relation phrase at the start of `words`.
  func relation(at words: ArraySlice<String>) -> (RelationRef, Int)? {
    guard case .some((.relation(let reference), let length)) = relations.longestMatch(words)
    else { return nil }
    return (reference, length)
  }

  /// The longest set name at the start of `words`.
  func set(at words: ArraySlice<String>) -> (Int, Int)? {
    guard case .some((.set(let index), let length)) = sets.longestMatch(words) else { return nil }
    return (index, length)
  }

  /// The set whose whole name is `text` (a quoted set name).
  func set(named text: String) -> Int? {
    let words = PhraseTable.words(of: text)
    guard let (index, length) = set(at: words[...]), length == words.count else { return nil }
    return index
  }

  /// The entity whose whole name is `text` (a quoted name).
  func entity(named text: String) -> Int? {
    let words = PhraseTable.words(of: text)
    guard let (index, length) = entity(at: words[...]), length == words.count else { return nil }
    return index
  }

  /// The id of the entity at `index`.
  func entityID(_ index: Int) -> String { entityList[index].id }

  /// True when the entity is a scenario, which `assuming` takes by name.
  func isScenario(_ index: Int) -> Bool {
    index >= 0 && index < entityList.count && scenarioKinds[entityList[index].kind.index]
  }

  /// How the printer spells a relation.
  func phrase(for reference: RelationRef) -> String {
    printedForms[2 * reference.index + (reference.reversed ? 1 : 0)]
      ?? printedForms[2 * reference.index] ?? ""
  }

  /// The index of the document whose id is `id` (case-insensitive).
  public func document(id: String) -> Int? {
    documentIDs.firstIndex(of: id) ?? documentIDs.firstIndex { $0.lowercased() == id.lowercased() }
  }

  /// Why a paragraph number names no paragraph, or more than one.
  public struct ParagraphProblem: Error, Sendable, Equatable {
    public var message: String
    public var notes: [String] = []
  }

  /// The document that paragraph `number` is in: `document` when given; otherwise the only
  /// document, or the one document of several that has such a paragraph (several that have
  /// it is a problem that names them, since nothing says which was meant).
  public func paragraph(_ number: Int, of document: Int?) -> Result<Int, ParagraphProblem> {
    let documents = document.map { [$0] } ?? Array(documentIDs.indices)
    let having = documents.filter { number >= 1 && number <= paragraphCounts[$0] }
    if having.count == 1 { return .success(having[0]) }
    if having.count > 1 {
      let names = having.map { documentIDs[$0] }
      return .failure(
        ParagraphProblem(
          message:
            "paragraph \(number) is in several documents (\(names.joined(separator: ", "))): say which",
          notes: names.map { "facts in paragraph \(number) of \($0)" }))
    }
    if documentIDs.isEmpty {
      return .failure(
        ParagraphProblem(message: "no paragraph \(number): the model has no documents"))
    }
    if documentIDs.count == 1 || document != nil {
      let only = documents.first ?? 0
      let what = documentIDs.count == 1 ? "the article" : documentIDs[only]
      return .failure(
        ParagraphProblem(
          message:
            "no paragraph \(number): \(what) has paragraphs 1 to \(paragraphCounts[only])"
        ))
    }
    let ranges = documentIDs.indices.map { "\(documentIDs[$0]) 1 to \(paragraphCounts[$0])" }
    return .failure(
      ParagraphProblem(
        message: "no paragraph \(number): the documents have paragraphs "
          + ranges.joined(separator: "; ")))
  }

  /// True when `word` could begin a relation phrase.
  func startsRelation(_ word: String) -> Bool { relations.hasPrefix([word]) }
}
