import Syntax

/// What a reader measures in an amount question (`how much money did ...`, `how many troops
/// did ...`): words that name no set, up to the verb that opens the claim. The answer is the
/// fact's amount whatever the words, so they are read and left out of the tree.
extension Parser {
  /// The most words a MEASURE may have.
  static let measureLimit = 4

  /// The number of MEASURE words that come next: words up to a verdict opener, at most
  /// `measureLimit`, naming no set; nil when no opener follows them.
  var measureLength: Int? {
    let available = words.prefix(Self.measureLimit + 1)
    guard let opener = available.firstIndex(where: { Self.verdictOpeners.contains($0) }) else {
      return nil
    }
    let length = opener - available.startIndex
    guard length == 0 || vocabulary.set(at: words) == nil else { return nil }
    return length
  }

  /// True at `how many` that asks an amount rather than a count: MEASURE words that name no
  /// set, then a verdict opener (`how many troops did the csto send`).
  var atHowManyAmount: Bool {
    guard at("how"), peek().folded == "many" else { return false }
    var after = self
    after.position += 2
    return after.measureLength != nil
  }

  /// MEASURE: skips the words a reader measures by, if any.
  mutating func skipMeasure() {
    guard let length = measureLength, length > 0 else { return }
    _ = eat(tokens: length)
  }
}
