/// One statement of the query language: a query and the scenarios it assumes. The parser
/// resolves every name to the model's entity, relation, set or paragraph, so the tree says
/// exactly what is asked and the evaluator works on indices. Nodes that an error may point
/// at carry their source range (UTF-8 byte offsets into the text that was parsed); ranges
/// take no part in `==`, so two trees that differ only in how they were written are equal.
public struct Statement: Sendable, Equatable {
  public var query: Query
  public var assumptions: [Assumption]
  /// Where the statement was written.
  public var range: Range<Int>

  public init(query: Query, assumptions: [Assumption] = [], range: Range<Int> = 0..<0) {
    self.query = query
    self.assumptions = assumptions
    self.range = range
  }

  public static func == (a: Statement, b: Statement) -> Bool {
    a.query == b.query && a.assumptions == b.assumptions
  }
}

/// What a statement asks for.
public indirect enum Query: Sendable, Equatable {
  /// `members`, `countries where C`, `(query) where C`.
  case selection(SetSource, Condition?)
  /// `who C`: entities of any kind.
  case who(Condition)
  /// `what did pelosi visit`: the other ends of matching facts.
  case what(subject: Target, relation: RelationRef)
  /// `which countries where C`, `which members criticized russia`: a selection asked as a
  /// question, with the selection's answer.
  case which(SetSource, Condition)
  /// `who did the us invite`, `what did minsk not support`, `which countries did pelosi
  /// visit`: the other ends of a subject's facts.
  case did(DoQuestion)
  /// `count Q`.
  case count(Query)
  /// `show belarus`: everything said about an entity.
  case show(EntityRef)
  /// `facts`, `facts about T`, `facts in paragraph N`.
  case facts(FactFilter)
  /// `why X C` (negated: false) and `why not X C` (negated: true).
  case why(EntityRef, condition: Condition, negated: Bool)
  /// `what did pelosi visit when september`: `what` with circumstances.
  case qualifiedWhat(subject: Target, relation: RelationRef, qualifiers: [QualifierCondition])
  /// `did X R Y`, `is X a R Y`: yes, no or not stated.
  case verdict(subject: EntityRef, QualifiedPredicate)
  /// `where`/`when`/`how much did X R Y`: a circumstance of the matching facts.
  case wh(WhQuestion)
  /// `what happened at X`: the facts whose circumstance or object is X (`key` is the word
  /// written: at, in, to, with, during); `what happened between X and Y` (`between`: X).
  case happened(key: String, Target, between: EntityRef?, qualifiers: [QualifierCondition])
  /// `what if iran joins the csto`: a scenario's facts and how the named sets change under it.
  case whatIf(Assumption)
  /// `who criticized whom`: every fact of a relation that counts (the phrase's direction
  /// is kept for printing; a passive lists the same facts).
  case pairs(RelationRef, qualifiers: [QualifierCondition] = [], ends: PairEnds = PairEnds())
  /// `how is pelosi connected to tajikistan`: the shortest chains of facts between two
  /// entities.
  case connection(EntityRef, EntityRef)
}

/// Where a selection's candidates come from.
public indirect enum SetSource: Sendable, Equatable {
  /// A kind's plural, a named set of the model, or `everything`.
  case named(SetRef)
  case query(Query)
}

/// A condition on an entity.
public indirect enum Condition: Sendable, Equatable {
  case predicate(RelationRef, Target)
  /// A relation with circumstances (`criticized csto at astana_summit`), its target optional.
  case qualified(QualifiedPredicate)
  case not(Condition)
  /// Two or more conditions that must all hold (kept flat, so long chains stay shallow).
  case and([Condition])
  /// Two or more conditions of which one must hold.
  case or([Condition])
}

/// The other end of a relation: an entity, a named set, or a sub-query.
public indirect enum Target: Sendable, Equatable {
  case entity(EntityRef)
  case set(SetRef)
  case query(Query)
}

/// Which facts a `facts` query lists.
public enum FactFilter: Sendable, Equatable {
  case all
  case about(Target)
  case paragraph(ParagraphRef)
  /// `facts at tashkent_sco_summit`: the facts with all these circumstances.
  case qualified([QualifierCondition])
}

/// A scenario taken as true: named (`iran joins the csto` as the scenario's name) or by one
/// of its facts (`iran joins csto`), with where the assumption was written.
public struct Assumption: Sendable, Equatable {
  /// What is assumed.
  public enum Claim: Sendable, Equatable {
    case scenario(EntityRef)
    case fact(subject: EntityRef, relation: RelationRef, object: Target)
  }

  public var claim: Claim
  public var range: Range<Int>

  public init(_ claim: Claim, range: Range<Int> = 0..<0) {
    self.claim = claim
    self.range = range
  }

  /// A scenario assumed by name.
  public static func scenario(_ entity: EntityRef) -> Assumption {
    Assumption(.scenario(entity), range: entity.range)
  }

  /// A scenario assumed by one of its facts.
  public static func fact(subject: EntityRef, relation: RelationRef, object: Target)
    -> Assumption
  {
    Assumption(.fact(subject: subject, relation: relation, object: object))
  }

  public static func == (a: Assumption, b: Assumption) -> Bool { a.claim == b.claim }
}

/// An entity of the model (its index in `Model.entities`) as a query names it.
public struct EntityRef: Sendable, Hashable {
  public var index: Int
  public var range: Range<Int>

  public init(_ index: Int, at range: Range<Int> = 0..<0) {
    self.index = index
    self.range = range
  }

  public static func == (a: EntityRef, b: EntityRef) -> Bool { a.index == b.index }
  public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}

/// A relation (its index in `Model.relations`) as a query names it, and whether the phrase
/// used matches it reversed (a passive or an inverse: `led by`).
public struct RelationRef: Sendable, Hashable {
  public var index: Int
  public var reversed: Bool
  public var range: Range<Int>

  public init(_ index: Int, reversed: Bool = false, at range: Range<Int> = 0..<0) {
    self.index = index
    self.reversed = reversed
    self.range = range
  }

  public static func == (a: RelationRef, b: RelationRef) -> Bool {
    a.index == b.index && a.reversed == b.reversed
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(index)
    hasher.combine(reversed)
  }
}

/// A set (its index in `Vocabulary.setNames`: a kind's plural, a named set of the model, or
/// `everything`) as a query names it.
public struct SetRef: Sendable, Hashable {
  public var index: Int
  public var range: Range<Int>

  public init(_ index: Int, at range: Range<Int> = 0..<0) {
    self.index = index
    self.range = range
  }

  public static func == (a: SetRef, b: SetRef) -> Bool { a.index == b.index }
  public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}

/// A paragraph of one of the model's documents (its index in `Model.documents`), numbered
/// from 1, as a query names it.
public struct ParagraphRef: Sendable, Hashable {
  public var document: Int
  public var number: Int
  public var range: Range<Int>

  public init(document: Int, number: Int, at range: Range<Int> = 0..<0) {
    self.document = document
    self.number = number
    self.range = range
  }

  public static func == (a: ParagraphRef, b: ParagraphRef) -> Bool {
    a.document == b.document && a.number == b.number
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(document)
    hasher.combine(number)
  }
}
