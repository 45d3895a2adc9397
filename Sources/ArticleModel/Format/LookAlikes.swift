/// The characters that a quote can get wrong without it showing: spaces that are not plain
/// spaces (no-break, thin), characters that cannot be seen (zero-width, soft hyphen), and
/// typographic quotes, apostrophes and dashes for their plain ASCII look-alikes. A quote that
/// matches its paragraph once they are set aside is told which of them differ, and where.
enum LookAlikes {
  /// The most differences told for one quote.
  static let maximumDifferences = 5

  /// One character where a quote and its paragraph differ: what each has (nil where one has
  /// a character the other lacks) and where in the quote, counted in characters from its start.
  struct Difference: Equatable {
    var paragraph: Unicode.Scalar?
    var quote: Unicode.Scalar?
    var offset: Int
  }

  /// The passage of `paragraph` that `quote` matches once look-alikes are taken as one and
  /// invisible characters dropped, and the characters in which they differ; nil when no
  /// passage matches so, or when none differs.
  static func compare(_ quote: String, with paragraph: String) -> (
    passage: String, differences: [Difference]
  )? {
    let quoteScalars = Array(quote.unicodeScalars)
    let paragraphScalars = Array(paragraph.unicodeScalars)
    let wanted = plainScalars(quoteScalars)
    let text = plainScalars(paragraphScalars)
    guard !wanted.isEmpty, text.count >= wanted.count else { return nil }
    var found: Int?
    for start in 0...(text.count - wanted.count)
    where text[start..<(start + wanted.count)].elementsEqual(wanted, by: { $0.scalar == $1.scalar })
    {
      found = start
      break
    }
    guard let found else { return nil }
    let passage = text[found].index...text[found + wanted.count - 1].index
    let differences = align(quoteScalars, with: paragraphScalars[passage])
    guard !differences.isEmpty else { return nil }
    var shown = String.UnicodeScalarView()
    shown.append(contentsOf: paragraphScalars[passage])
    return (String(shown), differences)
  }

  /// Walks a quote and the passage it matches side by side, noting each character in which
  /// they differ.
  private static func align(_ quote: [Unicode.Scalar], with passage: ArraySlice<Unicode.Scalar>)
    -> [Difference]
  {
    var differences: [Difference] = []
    var inParagraph = passage.startIndex
    var inQuote = 0
    /// The quote's characters before `inQuote`: a scalar that joins the one before it (a
    /// combining mark) starts no new column.
    func characters() -> Int {
      var prefix = String.UnicodeScalarView()
      prefix.append(contentsOf: quote[..<inQuote])
      return String(prefix).count
    }
    while inParagraph < passage.endIndex || inQuote < quote.count,
      differences.count < maximumDifferences
    {
      let fromParagraph = inParagraph < passage.endIndex ? passage[inParagraph] : nil
      let fromQuote = inQuote < quote.count ? quote[inQuote] : nil
      if let fromParagraph, let fromQuote, fromParagraph == fromQuote {
        inParagraph += 1
        inQuote += 1
        continue
      }
      let characters = characters()
      if let fromParagraph, plain(fromParagraph) == nil {
        differences.append(Difference(paragraph: fromParagraph, quote: nil, offset: characters))
        inParagraph += 1
      } else if let fromQuote, plain(fromQuote) == nil {
        differences.append(Difference(paragraph: nil, quote: fromQuote, offset: characters))
        inQuote += 1
      } else if let fromParagraph, let fromQuote {
        differences.append(
          Difference(paragraph: fromParagraph, quote: fromQuote, offset: characters))
        inParagraph += 1
        inQuote += 1
      } else {
        break
      }
    }
    return differences
  }

  /// The visible scalars of `scalars`, each as its plain look-alike, with its index.
  private static func plainScalars(_ scalars: [Unicode.Scalar]) -> [(
    scalar: Unicode.Scalar, index: Int
  )] {
    var plainOnes: [(scalar: Unicode.Scalar, index: Int)] = []
    plainOnes.reserveCapacity(scalars.count)
    for (index, scalar) in scalars.enumerated() {
      if let plain = plain(scalar) { plainOnes.append((plain, index)) }
    }
    return plainOnes
  }

  /// What a scalar looks like: a plain space for every space and line break, `'`, `"` and
  /// `-` for their typographic forms, nil for one that cannot be seen, the scalar itself
  /// otherwise.
  static func plain(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: " "
    case 0xAD, 0x180E, 0x200B...0x200D, 0x2060, 0xFEFF: nil
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x60, 0xB4: "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: "\""
    case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: "-"
    default: scalar
    }
  }

  /// How a note names a character: `U+00A0 NO-BREAK SPACE`.
  static func name(of scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    guard let name = scalar.properties.name ?? scalar.properties.nameAlias else { return code }
    return "\(code) \(name)"
  }

  /// A note for one difference, the column being the quote's character's in its line.
  static func note(for difference: Difference, column: Int) -> String {
    switch (difference.paragraph, difference.quote) {
    case (let paragraph?, let quote?):
      "the paragraph has \(name(of: paragraph)) at column \(column), where the quote has \(name(of: quote))"
    case (let paragraph?, nil):
      "the paragraph has \(name(of: paragraph)) at column \(column), which the quote lacks"
    case (nil, let quote?):
      "the quote has \(name(of: quote)) at column \(column), which the paragraph lacks"
    case (nil, nil): ""
    }
  }
}
