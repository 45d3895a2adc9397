extension SnapshotWriter {
  /// The model's parts in the order `Grammar/snapshot.md` gives; its index is rebuilt on
  /// reading.
  mutating func encode(_ model: Model) {
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
    // By index: a `for` over the facts copied each one, retaining its arrays and strings.
    for index in model.facts.indices { encode(model.facts[index]) }
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

  private mutating func encode(_ fact: Fact) {
    number(fact.subject)
    number(fact.relation)
    number(fact.object)
    number(fact.qualifiers.count)
    for qualifier in fact.qualifiers {
      string(qualifier.key.rawValue)
      switch qualifier.value {
      case .entity(let entity):
        byte(0)
        number(entity)
      case .text(let text):
        byte(1)
        string(text)
      }
    }
    byte(fact.polarity == .affirmed ? 0 : 1)
    switch fact.modality {
    case .reported: byte(0)
    case .assessment: byte(1)
    case .scenario(let entity):
      byte(2)
      number(entity)
    }
    bool(fact.personal)
    number(fact.evidence.count)
    for evidence in fact.evidence {
      number(evidence.document)
      number(evidence.paragraph)
      string(evidence.quote)
    }
    optionalString(fact.note)
  }
}
