import Syntax

/// The circumstances that may follow a relation and its target (`at astana_summit`, `when
/// september`): keys come from the model, so a model that declares `manner` may be asked
/// `supported russia manner openly`.
extension Parser {
  /// qualifier ::= ENTITY-KEY target | TEXT-KEY TEXT | ADVERB | 'in' TIME
  mutating func qualifier() throws(Diagnostic) -> QualifierCondition {
    if let adverb = adverbQualifier() { return adverb }
    let start = position
    if let time = try timeAfterIn() { return time }
    guard at(.word), let takesEntity = vocabulary.qualifierTakesEntity[current.folded] else {
      throw found(expected: "a qualifier", candidates: vocabulary.qualifierKeys)
    }
    let key = current.folded
    position += 1
    if takesEntity {
      let value = try qualifierTarget(key)
      return QualifierCondition(key: key, value: .target(value), range: range(from: start))
    }
    let value = try text(after: key)
    return QualifierCondition(key: key, value: .words(value), range: range(from: start))
  }

  /// The qualifiers that follow, none or more.
  mutating func qualifiers() throws(Diagnostic) -> [QualifierCondition] {
    var found: [QualifierCondition] = []
    while atQualifier { found.append(try qualifier()) }
    for key in vocabulary.qualifierKeys { note(.keyword(key)) }
    return found
  }

  /// True when a qualifier begins here: a key that is not the first word of a longer name.
  var atQualifier: Bool {
    if atAdverb { return true }
    guard at(.word), vocabulary.qualifierTakesEntity[current.folded] != nil else { return false }
    if let (_, length) = vocabulary.entity(at: words), length > 1 { return false }
    if let (_, length) = vocabulary.set(at: words), length > 1 { return false }
    return true
  }

  /// True when a word that ends a qualifier's text comes next: a connective or another key.
  private func endsText(_ token: Token) -> Bool {
    guard token.kind == .word else { return token.kind != .number }
    return endsWords(token.folded)
  }

  /// TEXT: a quoted text, or words and numbers up to a connective or another key, as folded
  /// runs of letters and digits.
  mutating func text(after key: String) throws(Diagnostic) -> [String] {
    if at(.string) {
      let words = QualifierCondition.words(of: current.text)
      guard !words.isEmpty else { throw found(expected: "words of the \(key)") }
      position += 1
      return words
    }
    var words: [String] = []
    while !endsText(current) {
      words += QualifierCondition.words(of: current.text)
      position += 1
    }
    guard !words.isEmpty else {
      throw found(expected: "words of the \(key) (as in: \(key) \"…\")")
    }
    return words
  }

  /// The entity, set or sub-query of an entity-valued qualifier. Words that name no entity
  /// but are part of the names of several are ambiguous, and the error lists the readings;
  /// part of one name is offered as the suggestion.
  private mutating func qualifierTarget(_ key: String) throws(Diagnostic) -> Target {
    let start = position
    do {
      return try target()
    } catch {
      position = start
      let typed = Array(
        words.prefix { !endsWords($0) })
      let readings = partialReadings(of: typed)
      guard readings.count > 1 else { throw error }
      let shown = readings.map { "'\($0)'" }.joined(separator: ", ")
      throw Diagnostic(
        "'\(typed.joined(separator: " "))' after '\(key)' is ambiguous: it may be \(shown)",
        at: error.range, notes: readings.map { "\(key) \"\($0)\"" }, suggestions: readings)
    }
  }

  /// The entity names (one per entity) whose words include `typed` in order and together.
  private func partialReadings(of typed: [String]) -> [String] {
    guard !typed.isEmpty else { return [] }
    var seen: Set<Int> = []
    var readings: [String] = []
    for name in vocabulary.entityNames {
      let words = QualifierCondition.words(of: name)
      guard QualifierCondition.contains(words, typed),
        let index = vocabulary.entity(named: name), seen.insert(index).inserted
      else { continue }
      readings.append(name)
    }
    return readings.sorted()
  }
}

extension QualifierCondition {
  /// True when `typed` occurs in `words` in order and next to each other.
  static func contains(_ words: [String], _ typed: [String]) -> Bool {
    guard !typed.isEmpty, typed.count <= words.count else { return false }
    return (0...(words.count - typed.count)).contains {
      words[$0..<($0 + typed.count)].elementsEqual(typed)
    }
  }
}
