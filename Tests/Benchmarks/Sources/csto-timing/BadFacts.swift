/// Models whose every fact is wrong in one way, for measuring the cost of reporting errors
/// (issue 15, item 6): it must grow with their number, not its square.
enum BadFacts: String, CaseIterable {
  /// `fact nobodyN liked b`: an unknown entity, with suggestions for the first hundred.
  case unknownEntity = "unknown-entity"
  /// `fact a liked b @`: a character the lexer refuses, reported and skipped over.
  case lexical
  /// A quote with a plain space where the paragraph has a no-break space: each is compared
  /// with its paragraph character by character and the difference named.
  case lookAlike = "look-alike"

  /// A small model and `count` facts wrong in this way, ending with its `end` line.
  func model(_ count: Int) -> String {
    var text = """
      document d
        paragraph "A liked\u{A0}B. B liked A."
      kind country plural "countries"
      relation liked "liked"
      entity a "A" country
      entity b "B" country

      """
    text.reserveCapacity(text.utf8.count + count * 48)
    for index in 0..<count {
      switch self {
      case .unknownEntity: text += "fact nobody\(index) liked b\n  evidence 1 \"B liked A\"\n"
      case .lexical: text += "fact a liked b @\n  evidence 1 \"B liked A\"\n"
      case .lookAlike: text += "fact a liked b\n  evidence 1 \"A liked B\"\n"
      }
    }
    return text + "end\n"
  }
}
