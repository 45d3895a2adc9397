/// What the article says one entity did to, or is to, another, and where it says so.
public struct Fact: Sendable, Equatable, Codable {
  /// Indices into the model's entities and relations.
  public var subject: Int
  public var relation: Int
  public var object: Int
  public var qualifiers: [Qualifier]
  public var polarity: Polarity
  public var modality: Modality
  /// The subject acted in a private capacity, or the fact's relation is declared `personal`:
  /// the fact does not count for those it speaks for (an office holder's private visit, two
  /// officials' indirect support of views, are not the state's).
  public var personal: Bool
  public var evidence: [Evidence]
  public var note: String?

  public init(
    subject: Int, relation: Int, object: Int, qualifiers: [Qualifier] = [],
    polarity: Polarity = .affirmed, modality: Modality = .reported, personal: Bool = false,
    evidence: [Evidence], note: String? = nil
  ) {
    self.subject = subject
    self.relation = relation
    self.object = object
    self.qualifiers = qualifiers
    self.polarity = polarity
    self.modality = modality
    self.personal = personal
    self.evidence = evidence
    self.note = note
  }

  /// The scenario the fact belongs to, if it is a scenario fact.
  public var scenario: Int? {
    if case .scenario(let index) = modality { index } else { nil }
  }
}

/// Whether the article says a thing happened or explicitly that it did not.
public enum Polarity: String, Sendable, Equatable, Codable {
  case affirmed
  case denied
}

/// How the article holds a fact: reported as happened, the author's own assessment, or part
/// of a scenario the author considers (the index of the scenario entity).
public enum Modality: Sendable, Equatable, Hashable, Codable {
  case reported
  case assessment
  case scenario(Int)

  /// `reported`, `assessment` or `scenario`.
  public var name: String {
    switch self {
    case .reported: "reported"
    case .assessment: "assessment"
    case .scenario: "scenario"
    }
  }
}

/// A circumstance of a fact: `at` a summit, `in` an exercise, `to` someone, `when`, an
/// `amount`, or one the model declares (`manner "openly"`).
public struct Qualifier: Sendable, Equatable, Codable {
  /// A qualifier's key: one of the five every model has, or one its `qualifier` statement
  /// declares.
  public struct Key: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let at = Key(rawValue: "at")
    public static let `in` = Key(rawValue: "in")
    public static let to = Key(rawValue: "to")
    public static let when = Key(rawValue: "when")
    public static let amount = Key(rawValue: "amount")

    /// The keys every model has, in the order the format lists them.
    public static let allCases: [Key] = [.at, .in, .to, .when, .amount]

    /// Whether a built-in key takes an entity's id (`at`, `in`, `to`) or a string.
    public var takesEntity: Bool { self == .at || self == .in || self == .to }
  }

  /// A qualifier the model declares: its key, whether it takes an entity or a string, and
  /// what it means.
  public struct Declaration: Sendable, Equatable, Codable {
    public var key: Key
    public var takesEntity: Bool
    public var meaning: String?

    public init(key: Key, takesEntity: Bool, meaning: String? = nil) {
      self.key = key
      self.takesEntity = takesEntity
      self.meaning = meaning
    }
  }

  public enum Value: Sendable, Equatable, Codable {
    case entity(Int)
    case text(String)
  }

  public var key: Key
  public var value: Value

  public init(_ key: Key, _ value: Value) {
    self.key = key
    self.value = value
  }
}

/// Where a fact is said: a document (index), a paragraph number, and a verbatim quote.
public struct Evidence: Sendable, Equatable, Codable {
  public var document: Int
  public var paragraph: Int
  public var quote: String

  public init(document: Int, paragraph: Int, quote: String) {
    self.document = document
    self.paragraph = paragraph
    self.quote = quote
  }
}
