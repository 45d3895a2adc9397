extension ModelIndex {
  /// The facts of each of `groups` groups, in order, each fact once in a group: pair `pair`
  /// (of `pairs`, which come in the order of their facts) puts fact `fact(pair)` in group
  /// `group(pair)`.
  ///
  /// Counted, then placed in one flat array and cut into lists: appending a million facts one
  /// by one to 300,000 arrays cost a fifth of a warm start at a million facts (issue 14).
  static func grouped(
    groups: Int, pairs: Int, group: (Int) -> Int, fact: (Int) -> Int
  ) -> FactLists {
    var begins = [Int](repeating: 0, count: groups + 1)
    for pair in 0..<pairs { begins[group(pair) + 1] += 1 }
    for number in 0..<groups { begins[number + 1] += begins[number] }
    var ends = Array(begins.dropLast())
    var flat = [Int32](repeating: 0, count: pairs)
    for pair in 0..<pairs {
      let (number, fact) = (group(pair), Int32(truncatingIfNeeded: fact(pair)))
      let end = ends[number]
      if end > begins[number], flat[end - 1] == fact { continue }
      flat[end] = fact
      ends[number] = end + 1
    }
    // A fact counted twice in a group (two qualifiers naming one entity) left a gap at the
    // group's end: the lists are moved down over the gaps.
    var starts: [Int32] = [0]
    starts.reserveCapacity(groups + 1)
    var kept = 0
    for number in 0..<groups {
      for place in begins[number]..<ends[number] {
        flat[kept] = flat[place]
        kept += 1
      }
      starts.append(Int32(truncatingIfNeeded: kept))
    }
    flat.removeLast(flat.count - kept)
    return FactLists(starts: starts, facts: flat)
  }

  /// The facts per document and paragraph that `fields` cite, as `factsByParagraph` holds
  /// them: as many documents as the last one cited, and for each as many paragraphs as the
  /// last one it has cited (none for a document no fact cites).
  static func byParagraph(_ fields: FactFields) -> [FactLists] {
    var sizes: [Int] = []
    for place in fields.placeDocuments.indices {
      let (document, paragraph) = (
        Int(fields.placeDocuments[place]), Int(fields.placeParagraphs[place])
      )
      guard document >= 0, paragraph >= 0 else { continue }
      if document >= sizes.count { sizes += [Int](repeating: 0, count: document + 1 - sizes.count) }
      sizes[document] = max(sizes[document], paragraph + 1)
    }
    var bases = [0]
    for size in sizes { bases.append(bases.last! + size) }
    // Each place's group is its document's base and its paragraph; a place of no document or
    // paragraph (a fact built in code) goes to one more group, which is left out.
    let cited = bases.last!
    let owners = Self.owners(fields.placeStarts)
    let lists = grouped(
      groups: cited + 1, pairs: owners.count,
      group: { place in
        let (document, paragraph) = (
          Int(fields.placeDocuments[place]), Int(fields.placeParagraphs[place])
        )
        return document >= 0 && paragraph >= 0 ? bases[document] + paragraph : cited
      }, fact: { Int(owners[$0]) })
    return sizes.indices.map { lists.lists(bases[$0]..<bases[$0 + 1]) }
  }

  /// The fact each of `starts`' pairs belongs to: pairs `starts[i]..<starts[i + 1]` are fact
  /// `i`'s.
  static func owners(_ starts: [Int32]) -> [Int32] {
    var owners = [Int32](repeating: 0, count: Int(starts.last ?? 0))
    for fact in 0..<max(0, starts.count - 1) {
      for pair in Int(starts[fact])..<Int(starts[fact + 1]) {
        owners[pair] = Int32(truncatingIfNeeded: fact)
      }
    }
    return owners
  }
}
