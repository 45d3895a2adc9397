extension SnapshotWriter {
  /// The parts of the snapshot of `model` before its sections, in the order of
  /// `SnapshotPart`: the string table last filled, so it is made after the rest. The sections
  /// part (`sectionPart`) numbers no strings, so it can be made apart, and at once.
  mutating func encodeModelParts(_ model: Model) -> [[UInt8]] {
    encode(model)
    let modelPart = bytes
    bytes = []
    let facts = encodeFacts(model.facts)
    let index = model.index
    let lists = [
      index.factsBySubject, index.factsByObject, index.factsByRelation, index.factsByQualifier,
    ].map { Self.encodeLists($0.flat) }
    var paragraphs: (starts: [Int32], facts: [Int32]) = ([0], [])
    for document in index.factsByParagraph {
      let (starts, facts) = document.flat
      let base = Int32(truncatingIfNeeded: paragraphs.facts.count)
      paragraphs.starts += starts.dropFirst().map { $0 + base }
      paragraphs.facts += facts
    }
    encodeSpeakers(index.speaksFor)
    let speaks = bytes
    bytes = []
    return [table.startBytes, table.bytes, modelPart, facts.columns, facts.details]
      + lists + [Self.encodeLists(paragraphs), speaks]
  }

  /// The sections part: the sections' names and bytes, after their count.
  static func sectionPart(_ sections: [SnapshotSection]) -> [UInt8] {
    var writer = SnapshotWriter()
    // The sections' room at once: the vocabulary's is 10 MB at a million facts.
    writer.bytes.reserveCapacity(
      sections.reduce(10) { $0 + 20 + $1.name.utf8.count + $1.place.range.count })
    writer.encode(sections)
    return writer.bytes
  }

  /// A part of lists (`SnapshotStore.listsLength`): their count, the facts' count, the
  /// starts and the facts, each a little-endian u32.
  static func encodeLists(_ lists: (starts: [Int32], facts: [Int32])) -> [UInt8] {
    let count = lists.starts.count - 1
    var out = [UInt8](
      repeating: 0, count: SnapshotStore.listsLength(lists: count, facts: lists.facts.count))
    out.withUnsafeMutableBytes { out in
      var offset = 0
      func put(_ word: UInt32) {
        out.storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt32.self)
        offset += 4
      }
      put(UInt32(truncatingIfNeeded: count))
      put(UInt32(truncatingIfNeeded: lists.facts.count))
      for start in lists.starts { put(UInt32(bitPattern: start)) }
      for fact in lists.facts { put(UInt32(bitPattern: fact)) }
    }
    return out
  }

  /// Who speaks for whom: the entities that speak for any, each with the entities it speaks
  /// for and the chain of facts to each.
  private mutating func encodeSpeakers(_ speaksFor: [[ModelIndex.Representation]]) {
    number(speaksFor.count { !$0.isEmpty })
    for (entity, reached) in speaksFor.enumerated() where !reached.isEmpty {
      number(entity)
      number(reached.count)
      for step in reached {
        number(step.entity)
        number(step.chain.count)
        for fact in step.chain { number(fact) }
      }
    }
  }

  /// The model part: the model without its facts and index, which have parts of their own.
  private mutating func encode(_ model: Model) {
    number(model.documents.count)
    for document in model.documents {
      string(document.id)
      for field in [
        document.title, document.author, document.publisher, document.date, document.url,
        document.textFile,
      ] {
        optionalString(field)
      }
      strings(document.skipped)
      strings(document.paragraphs.array)
    }
    number(model.kinds.count)
    for kind in model.kinds {
      string(kind.id)
      string(kind.plural)
      bool(kind.isScenario)
      strings(kind.aliases)
    }
    number(model.relations.count)
    for relation in model.relations {
      string(relation.id)
      string(relation.phrase)
      for form in [
        relation.present, relation.past, relation.base, relation.passive, relation.inverse,
      ] {
        optionalString(form)
      }
      strings(relation.synonyms)
      bool(relation.symmetric)
      bool(relation.office)
      bool(relation.reflexive)
      bool(relation.personal)
      strings(relation.represents)
      strings(relation.subjectKinds)
      strings(relation.objectKinds)
      optionalString(relation.cameo)
    }
    number(model.entities.count)
    for entity in model.entities {
      string(entity.id)
      string(entity.name)
      number(entity.kind.index)
      strings(entity.aliases)
      strings(entity.metonyms)
      strings(entity.background)
    }
    number(model.sets.count)
    for set in model.sets {
      string(set.id)
      string(set.query)
      bool(set.origin != nil)
      if let origin = set.origin {
        string(origin.file)
        number(origin.line)
        number(origin.column)
      }
      strings(set.aliases)
    }
    number(model.facts.count)
    // The shape of the paragraph index: how many documents, and each one's paragraph lists.
    number(model.index.factsByParagraph.count)
    for lists in model.index.factsByParagraph { number(lists.count) }
    number(model.qualifiers.count)
    for declaration in model.qualifiers {
      string(declaration.key.rawValue)
      bool(declaration.takesEntity)
      optionalString(declaration.meaning)
    }
    number(model.noClaims.count)
    for noClaim in model.noClaims {
      number(noClaim.document)
      number(noClaim.paragraph)
      string(noClaim.quote)
      string(noClaim.reason)
    }
  }
}
