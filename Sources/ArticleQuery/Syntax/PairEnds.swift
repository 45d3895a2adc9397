/// The sets that `which` names at either end of a pairs query (`which countries are in
/// conflict with which`, `who refused to participate in which exercises`): nil for `who`,
/// `whom` or `what`, which take any entity. The ends are the phrase's, so a passive's subject
/// is the fact's object.
public struct PairEnds: Sendable, Equatable {
  public var subjects: SetRef?
  public var objects: SetRef?

  public init(subjects: SetRef? = nil, objects: SetRef? = nil) {
    self.subjects = subjects
    self.objects = objects
  }
}
