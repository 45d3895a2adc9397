import ArticleModel
import ArticleQuery

/// Made-up names that are unique, pronounceable and never a word of the query language:
/// words of consonant-vowel syllables, numbered so that every index gives another word.
struct Names {
  private static let consonants = Array("bdfgklmnprstvz")
  private static let vowels = Array("aeiou")
  private static let syllableCount = consonants.count * vowels.count

  /// Words the query language or the model's relations use, which no name may be.
  private let reserved: Set<String>
  private var next = 0

  init(model: Model) {
    var reserved = Set(Vocabulary.keywords + ["everything"])
    for relation in model.relations {
      for (phrase, _) in relation.forms {
        reserved.formUnion(phrase.split(separator: " ").map(String.init))
      }
    }
    reserved.formUnion(model.kinds.map(\.plural))
    self.reserved = reserved
  }

  /// The next unused word, capitalized: `Bakoru`, `Tesami`, …
  mutating func word() -> String {
    while true {
      var number = next + Self.syllableCount
      next += 1
      var syllables: [String] = []
      while number > 0 {
        let syllable = number % Self.syllableCount
        syllables.append(
          String(Self.consonants[syllable / Self.vowels.count])
            + String(Self.vowels[syllable % Self.vowels.count]))
        number /= Self.syllableCount
      }
      let word = syllables.reversed().joined()
      if !reserved.contains(word) { return word.prefix(1).uppercased() + word.dropFirst() }
    }
  }

  /// The display name, id and aliases of the entity of `kind` named after `word`; every
  /// eighth name has an accented letter, as real names do.
  static func entity(kind: String, word: String, first: String, number: Int) -> (
    name: String, id: String, alias: String
  ) {
    let shown = number % 8 == 3 ? accented(word) : word
    let lower = word.lowercased()
    switch kind {
    case "country":
      return (shown, lower, "\(lower) state")
    case "person":
      return ("\(first) \(shown)", "\(first.lowercased())_\(lower)", lower)
    default:
      let noun = Self.nouns[kind] ?? (kind.prefix(1).uppercased() + kind.dropFirst())
      let idNoun = noun.lowercased().split(separator: "-").first.map(String.init) ?? noun
      return ("\(shown) \(noun)", "\(lower)_\(idNoun)", "\(lower) \(kind)")
    }
  }

  private static let nouns = [
    "organization": "Pact", "body": "Council", "event": "Crisis", "exercise": "Shield-2022",
    "summit": "Summit", "region": "Valley", "group": "Movement", "scenario": "Accession",
    "document": "Report",
  ]

  private static func accented(_ word: String) -> String {
    guard let last = word.lastIndex(where: { "aeiou".contains($0) }) else { return word }
    let marked: Character =
      switch word[last] {
      case "a": "á"
      case "e": "é"
      case "i": "í"
      case "o": "ó"
      default: "ú"
      }
    return word[..<last] + String(marked) + word[word.index(after: last)...]
  }
}
