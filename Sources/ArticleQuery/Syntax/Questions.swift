/// A circumstance a fact must have: a qualifier key of the model and a value, `at
/// astana_summit` (an entity-valued key takes a target) or `when september` (a text key
/// takes words). Its range takes no part in `==`.
public struct QualifierCondition: Sendable, Equatable {
  /// What the value must be.
  public enum Value: Sendable, Equatable {
    /// An entity, set or sub-query, matched as a relation's target is.
    case target(Target)
    /// Words (folded runs of letters and digits) that must occur in the value's text, in
    /// order and next to each other: `september` matches "mid-September of this year".
    case words([String])
  }

  /// The qualifier's key as the model spells it (`at`, `when`, `manner`).
  public var key: String
  public var value: Value
  public var range: Range<Int>

  public init(key: String, value: Value, range: Range<Int> = 0..<0) {
    self.key = key
    self.value = value
    self.range = range
  }

  public static func == (a: QualifierCondition, b: QualifierCondition) -> Bool {
    a.key == b.key && a.value == b.value
  }

  /// The words of a text as `Value.words` holds them: lowercased runs of letters and digits.
  public static func words(of text: String) -> [String] {
    text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }
}

/// A relation, the other end (nil: any), and circumstances: the claim of a qualified condition,
/// a yes/no question or a wh-question.
public struct QualifiedPredicate: Sendable, Equatable {
  public var relation: RelationRef
  public var object: Target?
  public var qualifiers: [QualifierCondition]

  public init(relation: RelationRef, object: Target?, qualifiers: [QualifierCondition] = []) {
    self.relation = relation
    self.object = object
    self.qualifiers = qualifiers
  }
}

/// `where`, `when` or `how much did X R Y`: which circumstance of X's matching facts is asked.
public struct WhQuestion: Sendable, Equatable {
  /// The circumstance asked for.
  public enum Asked: String, Sendable, Equatable {
    /// The `at`, `in` or `to` qualifier, or the object when it is a place.
    case place = "where"
    /// The `when` qualifier.
    case time = "when"
    /// The `amount` qualifier.
    case amount = "how much"
  }

  public var asked: Asked
  public var subject: EntityRef
  public var predicate: QualifiedPredicate

  public init(asked: Asked, subject: EntityRef, predicate: QualifiedPredicate) {
    self.asked = asked
    self.subject = subject
    self.predicate = predicate
  }
}
