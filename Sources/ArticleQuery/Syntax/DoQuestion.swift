/// A question with do-support (`who did X R`, `what does X not R`, `which SET did X R`):
/// the other ends of the facts in which the subject (or one who speaks for it) stands in the
/// relation, of the kind asked for. Negated, the facts the article denies. `did`, `does`,
/// `do`, `has` and `have` ask the same, so the tree does not keep which was written.
public struct DoQuestion: Sendable, Equatable {
  /// What the answers must be: actors (`who`), anything (`what`), or a set's members.
  public enum Asking: Sendable, Equatable {
    case who
    case what
    case which(SetSource)
  }

  public var asking: Asking
  public var subject: Target
  public var relation: RelationRef
  /// `not` before the relation: the denied facts.
  public var negated: Bool
  /// Circumstances the facts must have (`at the astana summit`).
  public var qualifiers: [QualifierCondition]
  /// Where the question was written.
  public var range: Range<Int>

  public init(
    asking: Asking, subject: Target, relation: RelationRef, negated: Bool = false,
    qualifiers: [QualifierCondition] = [], range: Range<Int> = 0..<0
  ) {
    self.qualifiers = qualifiers
    self.asking = asking
    self.subject = subject
    self.relation = relation
    self.negated = negated
    self.range = range
  }

  public static func == (a: DoQuestion, b: DoQuestion) -> Bool {
    a.asking == b.asking && a.subject == b.subject && a.relation == b.relation
      && a.negated == b.negated && a.qualifiers == b.qualifiers
  }
}
