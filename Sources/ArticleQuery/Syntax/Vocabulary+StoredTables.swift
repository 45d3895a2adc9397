import ArticleModel
import Syntax

/// Names as a vocabulary lists them (`Vocabulary.entityNames`): an array for a vocabulary
/// built, or the string numbers of a snapshot's section, each name made when read, so that an
/// engine on a million-fact snapshot does not make 200,000 strings at start (issue 14).
public struct NameList: RandomAccessCollection, Sendable, Equatable {
  private var values: [String]
  private var stored: (section: VocabularySection, part: VocabularySection.Part)?

  init(_ values: [String]) {
    self.values = values
  }

  init(section: VocabularySection, part: VocabularySection.Part) {
    values = []
    stored = (section, part)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { stored.map { $0.section.count($0.part) } ?? values.count }

  public subscript(position: Int) -> String {
    guard let (section, part) = stored else { return values[position] }
    precondition(position >= 0 && position < section.count(part), "index out of range")
    return section.string(section.number(part, position))
  }

  /// Whether the UTF-8 bytes of name `position` start with `prefix`.
  func bytes(at position: Int, startWith prefix: [UInt8]) -> Bool {
    guard let (section, part) = stored else { return values[position].utf8.starts(with: prefix) }
    return section.stringBytes(section.number(part, position)).starts(with: prefix)
  }

  public static func == (lhs: NameList, rhs: NameList) -> Bool {
    lhs.elementsEqual(rhs)
  }
}

/// Optional texts by number (each relation's printed forms, its base form): an array for a
/// vocabulary built, or a snapshot section's string numbers plus one (0 for none), read when
/// asked.
struct OptionalTexts: Sendable, Equatable {
  private var values: [String?]
  private var stored: (section: VocabularySection, part: VocabularySection.Part)?

  init(_ values: [String?]) {
    self.values = values
  }

  init(section: VocabularySection, part: VocabularySection.Part) {
    values = []
    stored = (section, part)
  }

  var count: Int { stored.map { $0.section.count($0.part) } ?? values.count }

  /// The text at `index`; nil for none or an index beyond the end.
  subscript(index: Int) -> String? {
    guard index >= 0, index < count else { return nil }
    guard let (section, part) = stored else { return values[index] }
    let number = section.number(part, index)
    return number == 0 ? nil : section.string(number - 1)
  }

  static func == (lhs: OptionalTexts, rhs: OptionalTexts) -> Bool {
    lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
  }
}

/// What possessives name (`Vocabulary+Possessives.swift`), by owner and head words: a dictionary
/// while a vocabulary is built, or a snapshot section's entries sorted by owner and the hash of
/// the head's canonical bytes, found by binary search where they lie.
struct PossessiveTable: Sendable, Equatable {
  private var built: [PossessiveKey: Set<Int>] = [:]
  private var stored: VocabularySection?

  init(_ built: [PossessiveKey: Set<Int>]) {
    self.built = built
  }

  init(section: VocabularySection) {
    stored = section
  }

  /// An entry's sort key: its owner, then the FNV-1a hash of its head's canonical bytes.
  static func key(owner: Int, head: String) -> UInt64 {
    UInt64(truncatingIfNeeded: owner) << 32 | UInt64(PhraseTable.hash(head))
  }

  /// The entities that `owner's head` names; empty when none.
  func entities(owner: Int, head: String) -> Set<Int> {
    guard let section = stored else { return built[PossessiveKey(owner: owner, head: head)] ?? [] }
    let head = UTF8Text.canonical(head)
    let key = Self.key(owner: owner, head: head)
    var index = section.firstIndex(in: .possessives, atLeast: key)
    while index < section.count(.possessives), section.key(.possessives, index) == key {
      if section.string(section.number(.possessives, index, 2), is: head) {
        let start = section.number(.possessives, index, 3)
        let count = section.number(.possessives, index, 4)
        return Set((start..<start + count).map { section.number(.possessed, $0) })
      }
      index += 1
    }
    return []
  }

  /// The heads of `owner`'s possessives.
  func heads(of owner: Int) -> [String] {
    guard let section = stored else { return built.keys.filter { $0.owner == owner }.map(\.head) }
    var index = section.firstIndex(in: .possessives, atLeast: UInt64(owner) << 32)
    var heads: [String] = []
    while index < section.count(.possessives), section.key(.possessives, index) >> 32 == owner {
      heads.append(section.string(section.number(.possessives, index, 2)))
      index += 1
    }
    return heads
  }

  /// Every entry in the order a section stores them (by key, then head), with its entities
  /// sorted; heads in their canonical composition.
  var entries: [(key: UInt64, head: String, entities: [Int])] {
    guard let section = stored else {
      return built.map { key, entities in
        let head = UTF8Text.canonical(key.head)
        return (Self.key(owner: key.owner, head: head), head, entities.sorted())
      }.sorted { $0.key != $1.key ? $0.key < $1.key : $0.head < $1.head }
    }
    return (0..<section.count(.possessives)).map { index in
      let start = section.number(.possessives, index, 3)
      let count = section.number(.possessives, index, 4)
      return (
        section.key(.possessives, index), section.string(section.number(.possessives, index, 2)),
        (start..<start + count).map { section.number(.possessed, $0) }
      )
    }
  }

  var isEmpty: Bool { stored.map { $0.count(.possessives) == 0 } ?? built.isEmpty }

  static func == (lhs: PossessiveTable, rhs: PossessiveTable) -> Bool {
    let (left, right) = (lhs.entries, rhs.entries)
    return left.count == right.count
      && zip(left, right).allSatisfy {
        $0.key == $1.key && $0.head == $1.head && Set($0.entities) == Set($1.entities)
      }
  }
}
