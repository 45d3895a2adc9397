/// A snapshot's facts, left in its bytes as fixed-width columns and each fact's details, and
/// made into a `Fact` when asked: nothing is read for them at start (issue 14). A block of the
/// columns is checked (its checksum and every number in it) the first time a fact in it is
/// asked for, a fact's details as it is made; should either be damaged, the fact comes from
/// the model loaded again from its file (`SnapshotStore.replacement()`).
final class SnapshotFacts: Sendable {
  private let store: SnapshotStore

  var count: Int { store.factCount }

  init(store: SnapshotStore) {
    self.store = store
  }

  /// Column `column` of fact `position`, or nil when its block is damaged.
  private func column(_ column: Int, _ position: Int) -> Int? {
    store.column(column, of: position).map(Int.init)
  }

  func subject(_ position: Int) -> Int {
    column(0, position) ?? store.replacement()?.facts.subject(at: position) ?? 0
  }

  func relation(_ position: Int) -> Int {
    column(1, position) ?? store.replacement()?.facts.relation(at: position) ?? 0
  }

  func object(_ position: Int) -> Int {
    column(2, position) ?? store.replacement()?.facts.object(at: position) ?? 0
  }

  func scenario(_ position: Int) -> Int? {
    guard let (_, scenario) = store.flagsAndScenario(of: position) else {
      return store.replacement()?.facts.scenario(at: position)
    }
    return scenario == UInt32.max ? nil : Int(scenario)
  }

  /// Fact `position`, made from its columns and its details.
  func fact(_ position: Int) -> Fact {
    if let fact = try? read(position) { return fact }
    return store.replacement()?.facts[position]
      ?? Fact(subject: 0, relation: 0, object: 0, evidence: [])
  }

  /// The qualifiers of fact `position`, without its evidence or note.
  func qualifiers(_ position: Int) -> [Qualifier] {
    if let fact = try? read(position, whole: false) { return fact.qualifiers }
    return store.replacement()?.facts.qualifiers(at: position) ?? []
  }

  /// Fact `position` without its evidence and note (`FactList.claim(at:)`).
  func claim(_ position: Int) -> Fact {
    if let fact = try? read(position, whole: false) { return fact }
    return store.replacement()?.facts.claim(at: position)
      ?? Fact(subject: 0, relation: 0, object: 0, evidence: [])
  }

  /// Fact `position` from its columns alone, without its qualifiers, evidence and note
  /// (`FactList.bare(at:)`): its details are not read.
  func bare(_ position: Int) -> Fact {
    guard let subject = store.column(0, of: position),
      let relation = store.column(1, of: position), let object = store.column(2, of: position),
      let (flags, scenario) = store.flagsAndScenario(of: position)
    else {
      return store.replacement()?.facts.bare(at: position)
        ?? Fact(subject: 0, relation: 0, object: 0, evidence: [])
    }
    return Self.fact(subject, relation, object, flags, scenario, qualifiers: [])
  }

  /// A fact of these columns and flags.
  private static func fact(
    _ subject: UInt32, _ relation: UInt32, _ object: UInt32, _ flags: UInt8, _ scenario: UInt32,
    qualifiers: [Qualifier], evidence: [Evidence] = [], note: String? = nil
  ) -> Fact {
    Fact(
      subject: Int(subject), relation: Int(relation), object: Int(object),
      qualifiers: qualifiers, polarity: flags & 1 == 0 ? .affirmed : .denied,
      modality: flags & 0x06 == 0
        ? .reported : flags & 0x06 == 2 ? .assessment : .scenario(Int(scenario)),
      personal: flags & 0x08 != 0, evidence: evidence, note: note)
  }

  /// Fact `position` read and checked: its columns, then its details (qualifiers, evidence,
  /// note; only the qualifiers unless `whole`), every number against what it indexes.
  func read(_ position: Int, whole: Bool = true) throws(SnapshotError) -> Fact {
    guard let subject = store.column(0, of: position),
      let relation = store.column(1, of: position), let object = store.column(2, of: position),
      let (flags, scenario) = store.flagsAndScenario(of: position),
      let range = store.detailsRange(of: position),
      store.parts.check(.details, range, in: store.bytes, releasing: store.owner)
    else { throw .checksumMismatch }
    let details = store.parts.range(.details)
    var reader = SnapshotReader(
      UnsafeRawBufferPointer(
        rebasing: store.bytes[
          details.lowerBound + range.lowerBound..<details.lowerBound + range.upperBound]))
    reader.table = store.strings
    let entities = store.entityCount
    let qualifiers = try reader.qualifiers(entities: entities)
    var evidence: [Evidence] = []
    var note: String?
    if whole {
      for _ in 0..<(try reader.count()) {
        let (document, paragraph) = try reader.place(paragraphCounts: store.paragraphCounts)
        evidence.append(
          Evidence(document: document, paragraph: paragraph, quote: try reader.string()))
      }
      note = try reader.optionalString()
      guard reader.isAtEnd else { throw .malformed("bytes after a fact's details") }
    }
    return Self.fact(
      subject, relation, object, flags, scenario, qualifiers: qualifiers, evidence: evidence,
      note: note)
  }
}

extension SnapshotWriter {
  /// The facts part (columns) and the details part of `facts` (`Grammar/snapshot.md`).
  mutating func encodeFacts(_ facts: FactList) -> (columns: [UInt8], details: [UInt8]) {
    let count = facts.count
    var columns = [UInt8](repeating: 0, count: SnapshotStore.factsLength(count))
    let saved = bytes
    bytes = []
    var starts: [UInt64] = [0]
    starts.reserveCapacity(count + 1)
    columns.withUnsafeMutableBytes { out in
      func put(_ value: Int, column: Int, _ index: Int) {
        out.storeBytes(
          of: UInt32(truncatingIfNeeded: value).littleEndian,
          toByteOffset: (column * count + index) * 4, as: UInt32.self)
      }
      func encode(_ fact: UnsafePointer<Fact>, _ index: Int) {
        put(fact.pointee.subject, column: 0, index)
        put(fact.pointee.relation, column: 1, index)
        put(fact.pointee.object, column: 2, index)
        put(fact.pointee.scenario ?? Int(UInt32.max), column: 3, index)
        let modality: UInt8 =
          switch fact.pointee.modality {
          case .reported: 0
          case .assessment: 2
          case .scenario: 4
          }
        out[16 * count + index] =
          (fact.pointee.polarity == .affirmed ? 0 : 1) | modality
          | (fact.pointee.personal ? 8 : 0)
        encodeDetails(fact)
        starts.append(UInt64(bytes.count))
      }
      // The facts read where they are held, field by field: a fact copied out of the list
      // (even to be passed on borrowed) retained its arrays and strings.
      let inPlace: Void? = facts.withContiguousFacts { facts in
        guard let first = facts.baseAddress else { return }
        for index in 0..<count { encode(first + index, index) }
      }
      if inPlace == nil {
        for index in 0..<count {
          withUnsafePointer(to: facts[index]) { encode($0, index) }
        }
      }
      for (index, start) in starts.enumerated() {
        out.storeBytes(
          of: start.littleEndian, toByteOffset: 17 * count + index * 8, as: UInt64.self)
      }
    }
    let details = bytes
    bytes = saved
    return (columns, details)
  }

  /// A fact's details, read in place: its qualifiers and evidence not copied out (retained)
  /// one by one.
  private mutating func encodeDetails(_ fact: UnsafePointer<Fact>) {
    number(fact.pointee.qualifiers.count)
    fact.pointee.qualifiers.withUnsafeBufferPointer { qualifiers in
      for index in qualifiers.indices {
        string(qualifiers[index].key.rawValue)
        switch qualifiers[index].value {
        case .entity(let entity):
          byte(0)
          number(entity)
        case .text(let text):
          byte(1)
          string(text)
        }
      }
    }
    number(fact.pointee.evidence.count)
    fact.pointee.evidence.withUnsafeBufferPointer { evidence in
      for index in evidence.indices {
        number(evidence[index].document)
        number(evidence[index].paragraph)
        string(evidence[index].quote)
      }
    }
    optionalString(fact.pointee.note)
  }
}
