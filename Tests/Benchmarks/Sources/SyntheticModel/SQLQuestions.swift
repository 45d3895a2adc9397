/// The SQL a SQLite user would write against the SQL export (`ModelExport.sql`) to ask what a
/// csto query asks, with the evaluator's semantics: an office holder or a body speaks for
/// what it is part of or holds an office of (affirmed, reported facts of a relation that
/// `represents` the subject's kind, up to four steps); a denied or scenario fact never
/// counts; a fact's subject counts for those it speaks for unless the fact is personal or is
/// itself an office or part-of fact, its object always does. Each walk starts from the named
/// entity and follows the indexes on `facts (subject)` and `facts (object)`, so it touches
/// what the answer needs: `x IN (SELECT entity FROM down)` rather than a join with the walk,
/// for which SQLite's planner scans a relation's facts (a few hundred milliseconds on a
/// million facts instead of one).
public enum SQLQuestions {
  /// `down`: the entity `id` and everyone who speaks for it, with the distance.
  static func speakersOf(_ id: String) -> String {
    """
    down (entity, depth) AS (
      SELECT '\(id)', 0
      UNION
      SELECT f.subject, d.depth + 1 FROM down d
      JOIN facts f ON f.object = d.entity
      JOIN entities s ON s.id = f.subject
      JOIN relation_represents r ON r.relation = f.relation AND r.kind = s.kind
      WHERE f.polarity = 'affirmed' AND f.modality = 'reported' AND f.subject <> f.object
        AND d.depth < 4)
    """
  }

  /// `up`: the entities of `hits (entity, lifts)` and, where they lift, what they speak for.
  static let spokenFor = """
    up (entity, depth, lifts) AS (
      SELECT entity, 0, lifts FROM hits
      UNION
      SELECT f.object, u.depth + 1, 1 FROM up u
      JOIN facts f ON f.subject = u.entity
      JOIN entities s ON s.id = f.subject
      JOIN relation_represents r ON r.relation = f.relation AND r.kind = s.kind
      WHERE u.lifts AND f.polarity = 'affirmed' AND f.modality = 'reported'
        AND f.subject <> f.object AND u.depth < 4)
    """

  static let counts = "f.polarity = 'affirmed' AND f.modality <> 'scenario'"

  /// True when a fact's subject counts for those it speaks for.
  static let subjectLifts =
    "(NOT f.personal AND f.relation NOT IN (SELECT relation FROM relation_represents))"

  /// `KIND where RELATION TARGET` (`kind` nil for `who`), or with `reversed` the passive
  /// `KIND where RELATION-passive by TARGET`: the names, in order.
  public static func entities(
    kind: String?, relation: String, target: String, reversed: Bool = false
  ) -> String {
    ids(kind: kind, relation: relation, target: target, reversed: reversed, column: "name")
      + " ORDER BY name;"
  }

  /// The `column` of the entities of `entities(kind:relation:target:reversed:)`, unordered.
  static func ids(
    kind: String?, relation: String, target: String, reversed: Bool = false,
    column: String = "id"
  ) -> String {
    let (far, near) = reversed ? ("subject", "object") : ("object", "subject")
    let (nearLifts, farLifts) = reversed ? ("1", subjectLifts) : (subjectLifts, "1")
    let kindFilter = kind.map { "kind = '\($0)' AND " } ?? ""
    return """
      WITH RECURSIVE \(speakersOf(target)),
      hits (entity, lifts) AS (
        SELECT f.\(near), \(nearLifts) FROM facts f
        WHERE f.\(far) IN (SELECT entity FROM down) AND f.relation = '\(relation)'
          AND \(counts) AND (f.\(far) = '\(target)' OR \(farLifts))),
      \(spokenFor)
      SELECT \(column) FROM entities WHERE \(kindFilter)id IN (SELECT entity FROM up)
      """
  }

  /// `what did SUBJECT RELATION`: the objects, in order.
  public static func objects(of subject: String, relation: String) -> String {
    """
    WITH RECURSIVE \(speakersOf(subject))
    SELECT DISTINCT e.name FROM facts f
    JOIN entities e ON e.id = f.object
    WHERE f.subject IN (SELECT entity FROM down) AND f.relation = '\(relation)'
      AND \(counts) AND (f.subject = '\(subject)' OR \(subjectLifts))
    ORDER BY e.name;
    """
  }

  /// `facts about ENTITY`: each fact's number, subject, relation, object and first quote, in
  /// the order of the text.
  public static func facts(about id: String) -> String {
    """
    WITH RECURSIVE \(speakersOf(id)),
    about (fact) AS (
      SELECT id FROM facts WHERE subject IN (SELECT entity FROM down)
      UNION SELECT id FROM facts WHERE object IN (SELECT entity FROM down)
      UNION SELECT fact FROM qualifiers WHERE entity = '\(id)')
    SELECT f.id, f.subject, f.relation, f.object, v.paragraph, v.quote
    FROM about a JOIN facts f ON f.id = a.fact
    JOIN evidence v ON v.fact = f.id AND v.position = 1
    ORDER BY v.paragraph, f.id;
    """
  }

  /// All entities of a kind, by name.
  public static func kind(_ kind: String) -> String {
    "SELECT name FROM entities WHERE kind = '\(kind)' ORDER BY name;"
  }

  /// `countries where member of ORGANIZATION`, the synthetic model's `members`.
  public static func members(of organization: String) -> String {
    entities(kind: "country", relation: "member_of", target: organization)
  }

  /// `count members where not RELATION TARGET` (the target itself is not counted: the
  /// relation is not reflexive).
  public static func countMembers(
    of organization: String, notRelation relation: String, target: String
  ) -> String {
    let members = ids(kind: "country", relation: "member_of", target: organization)
    let those = ids(kind: "country", relation: relation, target: target)
    return "SELECT COUNT(*) FROM (\(members)) WHERE id NOT IN (\(those)) AND id <> '\(target)';"
  }
}
