import Syntax

/// Which sentences of each paragraph the model's facts cite, which the model declares to make
/// no claim (`noclaim`), and which neither.
public struct Coverage: Sendable, Equatable {
  /// One paragraph's coverage.
  public struct Paragraph: Sendable, Equatable {
    public var document: Int
    public var number: Int
    /// Indices of the facts with evidence in this paragraph.
    public var facts: [Int]
    /// The sentences no fact's quote lies in and no `noclaim` declares.
    public var uncited: [String]
    /// The sentences no fact cites that the model declares to make no claim, with the reason.
    public var declared: [Declared]
    public var sentenceCount: Int
  }

  /// A sentence declared to make no claim, and why.
  public struct Declared: Sendable, Equatable {
    public var sentence: String
    public var reason: String

    public init(sentence: String, reason: String) {
      self.sentence = sentence
      self.reason = reason
    }
  }

  public var paragraphs: [Paragraph]

  /// The sentences no fact cites and no `noclaim` declares, in every paragraph.
  public var uncitedCount: Int { paragraphs.reduce(0) { $0 + $1.uncited.count } }

  /// The coverage of every paragraph of every document of `model`.
  public init(of model: Model) {
    var quotes: [[Int: [(fact: Int, quote: String)]]] = Array(
      repeating: [:], count: model.documents.count)
    for (index, fact) in model.facts.enumerated() {
      for evidence in fact.evidence {
        quotes[evidence.document][evidence.paragraph, default: []].append((index, evidence.quote))
      }
    }
    var paragraphs: [Paragraph] = []
    var reasons: [[Int: [(quote: String, reason: String)]]] = Array(
      repeating: [:], count: model.documents.count)
    for noClaim in model.noClaims {
      reasons[noClaim.document][noClaim.paragraph, default: []].append(
        (noClaim.quote, noClaim.reason))
    }
    for (documentIndex, document) in model.documents.enumerated() {
      for (offset, text) in document.paragraphs.enumerated() {
        let number = offset + 1
        let cited = quotes[documentIndex][number] ?? []
        let sentences = Coverage.sentences(of: text)
        let notCited = sentences.filter { sentence in
          !cited.contains { Coverage.overlaps($0.quote, sentence.range, in: text) }
        }
        var uncited: [String] = []
        var declared: [Declared] = []
        for sentence in notCited {
          if let reason = reasons[documentIndex][number]?.first(where: {
            Coverage.overlaps($0.quote, sentence.range, in: text)
          }) {
            declared.append(Declared(sentence: sentence.text, reason: reason.reason))
          } else {
            uncited.append(sentence.text)
          }
        }
        var factIndices: [Int] = []
        for entry in cited where factIndices.last != entry.fact { factIndices.append(entry.fact) }
        paragraphs.append(
          Paragraph(
            document: documentIndex, number: number, facts: factIndices,
            uncited: uncited, declared: declared, sentenceCount: sentences.count))
      }
    }
    self.paragraphs = paragraphs
  }

  /// The sentences of a paragraph with their ranges: text up to `.`, `!` or `?` followed by
  /// a space and a capital letter or an opening quote or parenthesis, or the paragraph's end.
  public static func sentences(of text: String) -> [(text: String, range: Range<String.Index>)] {
    var sentences: [(String, Range<String.Index>)] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      if ".!?".contains(character), isSentenceBreak(after: next, in: text) {
        append(start..<next)
        start = next
      }
      index = next
    }
    append(start..<text.endIndex)
    return sentences

    func append(_ range: Range<String.Index>) {
      let sentence = text[range].trimmingWhitespace()
      guard !sentence.isEmpty else { return }
      let lower = text[range].firstIndex { !$0.isWhitespace } ?? range.lowerBound
      sentences.append((sentence, lower..<range.upperBound))
    }
  }

  private static func isSentenceBreak(after index: String.Index, in text: String) -> Bool {
    guard index < text.endIndex else { return true }
    guard text[index].isWhitespace else { return false }
    guard let next = text[index...].first(where: { !$0.isWhitespace }) else { return true }
    return next.isUppercase || "“\"(".contains(next)
  }

  private static func overlaps(_ quote: String, _ sentence: Range<String.Index>, in text: String)
    -> Bool
  {
    var searchStart = text.startIndex
    while let found = text[searchStart...].firstRange(of: quote) {
      if found.lowerBound < sentence.upperBound, found.upperBound > sentence.lowerBound {
        return true
      }
      searchStart = text.index(after: found.lowerBound)
    }
    return false
  }
}
