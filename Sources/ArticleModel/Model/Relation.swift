/// A relation between entities, with the phrases a query may use for it.
public struct Relation: Sendable, Equatable, Codable {
  public var id: String
  /// The canonical phrase (`criticized`, `member of`, `in conflict with`).
  public var phrase: String
  public var present: String?
  public var past: String?
  public var base: String?
  /// The passive form (`criticized by`): it matches the relation reversed.
  public var passive: String?
  /// The named inverse (`led by` for `leads`): it matches the relation reversed.
  public var inverse: String?
  /// Synonyms in the same direction (`cancelled` for `refused`).
  public var synonyms: [String]
  /// Holds both ways (`in conflict with`).
  public var symmetric: Bool
  /// The subject holds an office of the object (`president of`).
  public var office: Bool
  /// A fact may join an entity to itself (`has chances of resetting`: the bloc can reset
  /// itself). Without it the checker rejects a fact whose subject is its object, and `not`
  /// over the relation never offers the target itself.
  public var reflexive: Bool
  /// Its facts are their subject's own: they never count for what the subject speaks for
  /// (indirect support of views by two officials is not their state's support).
  public var personal: Bool
  /// Kinds of subject that speak for the object through this relation (a person through an
  /// office, a body through `part of`).
  public var represents: [String]
  /// Kinds allowed as subject and object; empty means any kind.
  public var subjectKinds: [String]
  public var objectKinds: [String]
  /// The CAMEO event code, for relations that are events.
  public var cameo: String?

  public init(
    id: String, phrase: String, present: String? = nil, past: String? = nil,
    base: String? = nil, passive: String? = nil, inverse: String? = nil, synonyms: [String] = [],
    symmetric: Bool = false, office: Bool = false, reflexive: Bool = false,
    personal: Bool = false, represents: [String] = [], subjectKinds: [String] = [],
    objectKinds: [String] = [], cameo: String? = nil
  ) {
    self.id = id
    self.phrase = phrase
    self.present = present
    self.past = past
    self.base = base
    self.passive = passive
    self.inverse = inverse
    self.synonyms = synonyms
    self.symmetric = symmetric
    self.office = office
    self.reflexive = reflexive
    self.personal = personal
    self.represents = represents
    self.subjectKinds = subjectKinds
    self.objectKinds = objectKinds
    self.cameo = cameo
  }

  /// Every phrase of the relation with the direction it matches in: `false` for the
  /// relation as stated, `true` for reversed (passive and inverse).
  public var forms: [(phrase: String, reversed: Bool)] {
    var forms: [(String, Bool)] = [(phrase, false)]
    for form in [present, past, base].compactMap({ $0 }) + synonyms {
      forms.append((form, false))
    }
    for form in [passive, inverse].compactMap({ $0 }) {
      forms.append((form, true))
    }
    // A relation has a few forms: comparing them costs less than hashing them into a set.
    var unique: [(phrase: String, reversed: Bool)] = []
    for form in forms where !unique.contains(where: { $0.phrase == form.0 }) {
      unique.append(form)
    }
    return unique
  }

  /// The office's title for a via-chain (`president` for `president of`).
  public var role: String {
    phrase.hasSuffix(" of") ? String(phrase.dropLast(3)) : phrase
  }
}
