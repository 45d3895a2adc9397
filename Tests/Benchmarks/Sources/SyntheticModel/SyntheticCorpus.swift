import ArticleModel

/// A synthetic model in the project's format and the document text it cites, made from a
/// number of facts and a seed alone: the same two give the same bytes.
///
/// It has the article's kinds and relations (with their forms, offices and `represents`), and
/// the article's proportions: entities per kind, relations and the kinds they join, denials,
/// assessments, scenario facts, qualifiers, notes, second pieces of evidence and quote lengths.
/// Every office holder and body speaks for a state as in the article (`president of`, `part
/// of`). Two documents: `corpus`, read from `synthetic.txt`, with a paragraph for about every
/// twelve facts as in the article, and `digest`, inline, which second pieces of evidence cite.
///
/// A corpus names the same states and people again and again, so there is one entity for
/// every `factsPerEntity` facts (the article alone has one for every 2.4), and entities are
/// named with a Zipf-like skew: a few often, most rarely.
public struct SyntheticCorpus: Sendable {
  public let model: Model
  /// The text of `synthetic.txt`.
  public let text: String
  public let seed: UInt64

  /// The name the model gives its text file.
  public static let textFile = "synthetic.txt"
  public static let factsPerEntity = 10

  /// The model file's text.
  public var modelText: String {
    """
    # A synthetic model made by `generate --facts \(model.facts.count) --seed \(seed)` \
    (Tests/Benchmarks): \(model.entities.count) entities, \(model.facts.count) facts, with the \
    proportions of the bundled article. Its paragraphs are in \(Self.textFile).

    """ + ModelPrinter.print(model)
  }

  /// A model of `facts` facts (at least a few dozen are made), from `seed`.
  public init(facts: Int, seed: UInt64, proportions: Proportions = .article) {
    var builder = Builder(facts: max(facts, 60), seed: seed, proportions: proportions)
    builder.run()
    self.seed = seed
    text = builder.text
    model = builder.model
  }
}

/// Builds a corpus in three passes: entities, the facts' skeleton (who, what, whom), then the
/// sentences the facts are quoted from.
private struct Builder {
  let factCount: Int
  let proportions: Proportions
  let article = ModelLoader.bundled
  var random: SplitMix

  var entities: [Entity] = []
  var byKind: [String: [Int]] = [:]
  var pickers: [String: SkewedPicker] = [:]
  var facts: [Fact] = []
  var paragraphs: [String] = []
  var digest: [String] = []
  var text = ""
  var model = Model(documents: [], kinds: [], relations: [], entities: [], sets: [], facts: [])

  init(facts: Int, seed: UInt64, proportions: Proportions) {
    factCount = facts
    self.proportions = proportions
    random = SplitMix(seed: seed)
  }

  mutating func run() {
    makeEntities()
    var skeletons = structure()
    let relationIDs = Dictionary(
      article.relations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    while skeletons.count < factCount {
      let use = random.pick(proportions.relationUses)
      let pair = random.pick(use.pairs)
      guard let relation = relationIDs[use.relation], let subject = pickEntity(of: pair.subject),
        var object = pickEntity(of: pair.object)
      else { continue }
      while object == subject, let other = pickEntity(of: pair.object) { object = other }
      guard object != subject else { continue }
      skeletons.append((subject, relation, object))
    }
    for index in skeletons.indices.reversed() {
      skeletons.swapAt(index, random.below(index + 1))
    }
    writeFacts(skeletons)
    let header = "Synthetic corpus: \(factCount) facts. Not an article."
    text = ([header] + paragraphs).joined(separator: "\n\n") + "\n"
    let organization = byKind["organization"]?.first.map { entities[$0].id } ?? "none"
    model = Model(
      documents: [
        Document(
          id: "corpus", title: "A synthetic corpus", author: "generate", date: "2022",
          textFile: SyntheticCorpus.textFile, skipped: [header], paragraphs: paragraphs),
        Document(id: "digest", title: "A synthetic digest", paragraphs: digest),
      ],
      kinds: article.kinds, relations: article.relations, entities: entities,
      sets: [NamedSet(id: "members", query: "countries where member of \(organization)")],
      facts: facts)
  }

  // MARK: entities

  mutating func makeEntities() {
    var names = Names(model: article)
    let total = max(factCount / SyntheticCorpus.factsPerEntity, 70)
    for (kind, share) in proportions.kindShares {
      let count = max(3, Int((share * Double(total)).rounded()))
      var members: [Int] = []
      for _ in 0..<count {
        let word = names.word()
        let first = kind == "person" ? names.word() : ""
        let (name, id, alias) = Names.entity(
          kind: kind, word: word, first: first, number: entities.count)
        var entity = Entity(id: id, name: name, kind: article.kind(id: kind)!)
        if random.chance(proportions.aliases) { entity.aliases.append(alias) }
        if kind == "country", random.chance(proportions.metonyms) {
          entity.metonyms.append("\(word.lowercased())grad")
        }
        if random.chance(proportions.background) {
          entity.background.append(filler(length: 60, opening: "\(name) is"))
        }
        members.append(entities.count)
        entities.append(entity)
      }
      byKind[kind] = members
      pickers[kind] = SkewedPicker(count: members.count)
    }
  }

  mutating func pickEntity(of kind: String) -> Int? {
    guard let members = byKind[kind], let picker = pickers[kind] else { return nil }
    return members[picker.pick(&random)]
  }

  /// Offices and bodies: each holder or body speaks for one entity, as in the article (a
  /// person is president of one state; a body is part of one state or organization). Objects
  /// are drawn evenly, so that no state has thousands of presidents.
  mutating func structure() -> [(Int, Int, Int)] {
    var used: Set<Int> = []
    var skeletons: [(Int, Int, Int)] = []
    for rule in proportions.structure {
      guard let relation = article.relation(id: rule.relation),
        let subjects = byKind[rule.subject], let objects = byKind[rule.object]
      else { continue }
      let wanted = Int((rule.perSubject * Double(subjects.count)).rounded())
      var made = 0
      for subject in subjects where made < wanted && !used.contains(subject) {
        let object = random.pick(objects)
        guard object != subject else { continue }
        used.insert(subject)
        skeletons.append((subject, relation, object))
        made += 1
      }
    }
    return skeletons
  }

  // MARK: facts and their sentences

  mutating func writeFacts(_ skeletons: [(Int, Int, Int)]) {
    let perParagraph = max(1, Int(proportions.factsPerParagraph.rounded()))
    var sentences: [String] = []
    var digestSentences: [String] = []
    var previous: Evidence?
    facts.reserveCapacity(skeletons.count)
    for (number, (subject, relation, object)) in skeletons.enumerated() {
      if number % perParagraph == 0, !sentences.isEmpty {
        paragraphs.append(sentences.joined(separator: " "))
        sentences = []
        previous = nil
      }
      var fact = Fact(subject: subject, relation: relation, object: object, evidence: [])
      if random.chance(proportions.denied) { fact.polarity = .denied }
      if random.chance(proportions.scenario), let kind = article.kinds.first(where: \.isScenario),
        let scenario = pickEntity(of: kind.id)
      {
        fact.modality = .scenario(scenario)
      } else if random.chance(proportions.assessment / (1 - proportions.scenario)) {
        fact.modality = .assessment
      }
      if entities[subject].kind == article.kind(id: "person"), random.chance(proportions.personal) {
        fact.personal = true
      }
      addQualifiers(to: &fact)
      if random.chance(proportions.note) {
        fact.note = filler(length: random.pick(proportions.noteLengths), opening: "the author")
      }
      if let previous, random.chance(proportions.sharedQuote) {
        fact.evidence.append(previous)
      } else {
        let sentence = self.sentence(for: fact, length: random.pick(proportions.quoteLengths))
        sentences.append(sentence + ".")
        fact.evidence.append(
          Evidence(document: 0, paragraph: paragraphs.count + 1, quote: sentence))
      }
      previous = fact.evidence[0]
      if random.chance(proportions.secondEvidence) {
        if digestSentences.count == perParagraph {
          digest.append(digestSentences.joined(separator: " "))
          digestSentences = []
        }
        let sentence = "The digest repeats that " + self.sentence(for: fact, length: 40)
        digestSentences.append(sentence + ".")
        fact.evidence.append(Evidence(document: 1, paragraph: digest.count + 1, quote: sentence))
      }
      facts.append(fact)
    }
    paragraphs.append(sentences.joined(separator: " "))
    if !digestSentences.isEmpty || digest.isEmpty {
      digestSentences.append("The digest ends here.")
      digest.append(digestSentences.joined(separator: " "))
    }
  }

  mutating func addQualifiers(to fact: inout Fact) {
    for rule in proportions.qualifiers where rule.rate > 0 {
      var count = Int(rule.rate)
      if random.chance(rule.rate - Double(count)) { count += 1 }
      for _ in 0..<count {
        if !rule.kinds.isEmpty, let entity = pickEntity(of: random.pick(rule.kinds)) {
          fact.qualifiers.append(Qualifier(rule.key, .entity(entity)))
        } else if !rule.texts.isEmpty {
          fact.qualifiers.append(Qualifier(rule.key, .text(random.pick(rule.texts))))
        }
      }
    }
  }

  /// The sentence a fact is quoted from: who, the relation's past form (after "never" when
  /// denied), whom, and words of circumstance up to about `length` characters.
  mutating func sentence(for fact: Fact, length: Int) -> String {
    let relation = article.relations[fact.relation]
    let past = relation.past ?? relation.phrase
    let verb = fact.polarity == .denied ? "never \(past)" : past
    let core = "\(entities[fact.subject].name) \(verb) \(entities[fact.object].name)"
    return filler(length: length, opening: core)
  }

  /// `opening` and words of circumstance, to about `length` characters. Some are not ASCII,
  /// as the article's punctuation is not.
  mutating func filler(length: Int, opening: String) -> String {
    var text = opening
    while text.count < length {
      text += random.pick(Self.circumstances)
    }
    return text
  }

  static let circumstances = [
    " in the spring", ", as officials said", " – after long talks", " despite the region’s doubts",
    " at the border", ", once again", " in public", " for the first time", ", it seems",
    " while the talks went on", " near the capital", ", to everyone’s surprise",
  ]
}
