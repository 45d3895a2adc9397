/// One problem found in a text: what is wrong, where (a range of UTF-8 offsets), and what
/// might have been meant. The same value serves the prompt, scripts, JSON and the library.
public struct Diagnostic: Error, Sendable, Equatable {
  public var message: String
  public var range: Range<Int>
  public var notes: [String]
  public var suggestions: [String]

  public init(
    _ message: String, at range: Range<Int>, notes: [String] = [], suggestions: [String] = []
  ) {
    self.message = message
    self.range = range
    self.notes = notes
    self.suggestions = suggestions
  }

  /// The diagnostic with one more note.
  public func noting(_ note: String) -> Diagnostic {
    var noted = self
    noted.notes.append(note)
    return noted
  }

  /// The diagnostic moved by `offset` bytes, for a piece of text cut out of a larger one.
  public func shifted(by offset: Int) -> Diagnostic {
    var moved = self
    moved.range = (range.lowerBound + offset)..<(range.upperBound + offset)
    return moved
  }
}
