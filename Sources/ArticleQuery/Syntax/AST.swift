/// One statement of the query language: a query and the scenarios it assumes. Names are
/// resolved by the parser to the model's ids, so the tree says exactly what is asked.
public struct Statement: Sendable, Equatable {
  public var query: Query
  public var assumptions: [Assumption]

  public init(query: Query, assumptions: [Assumption] = []) {
    self.query = query
    self.assumptions = assumptions
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
  /// `count Q`.
  case count(Query)
  /// `show belarus`: everything said about an entity.
  case show(entity: String)
  /// `facts`, `facts about T`, `facts in paragraph N`.
  case facts(FactFilter)
  /// `why X C` (negated: false) and `why not X C` (negated: true).
  case why(entity: String, condition: Condition, negated: Bool)
}

/// Where a selection's candidates come from.
public indirect enum SetSource: Sendable, Equatable {
  /// A kind's plural, a named set of the model, or `everything`.
  case named(String)
  case query(Query)
}

/// A condition on an entity.
public indirect enum Condition: Sendable, Equatable {
  case predicate(RelationRef, Target)
  case not(Condition)
  /// Two or more conditions that must all hold (kept flat, so long chains stay shallow).
  case and([Condition])
  /// Two or more conditions of which one must hold.
  case or([Condition])
}

/// A relation as a query names it: the relation's id and whether the phrase used matches it
/// reversed (a passive or an inverse: `led by`).
public struct RelationRef: Sendable, Equatable, Hashable {
  public var id: String
  public var reversed: Bool

  public init(id: String, reversed: Bool = false) {
    self.id = id
    self.reversed = reversed
  }
}

/// The other end of a relation: an entity, a named set, or a sub-query.
public indirect enum Target: Sendable, Equatable {
  case entity(String)
  case set(String)
  case query(Query)
}

/// Which facts a `facts` query lists.
public enum FactFilter: Sendable, Equatable {
  case all
  case about(Target)
  case paragraph(Int)
}

/// A scenario taken as true: named (`iran joins the csto` as the scenario's name) or by one
/// of its facts (`iran joins csto`).
public enum Assumption: Sendable, Equatable {
  case scenario(String)
  case fact(subject: String, relation: RelationRef, object: Target)
}
