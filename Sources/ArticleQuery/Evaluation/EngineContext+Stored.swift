import ArticleModel

/// The answer order stored in a snapshot's `order` section (`Grammar/snapshot.md`): sorting
/// the entities by name cost a twentieth of a one-shot's instructions (issue 14). A section
/// that is not an order of exactly the model's entities is ignored and the order computed.
extension EngineContext {
  /// The name of the snapshot section that holds the order.
  static let orderSectionName = "order"
  /// The layout of the section: the format, the count, then each entity's place.
  static let orderSectionFormat = 1

  /// Each entity's place in the answer order: by display name, then id.
  static func rank(of model: Model) -> [Int] {
    let names = model.entities.map { $0.name.lowercased() }
    let order = model.entities.indices.sorted {
      names[$0] != names[$1] ? names[$0] < names[$1] : model.entities[$0].id < model.entities[$1].id
    }
    var rank = [Int](repeating: 0, count: model.entities.count)
    for (place, entity) in order.enumerated() { rank[entity] = place }
    return rank
  }

  /// `rank` as a snapshot section.
  static func orderSection(_ rank: [Int]) -> SnapshotSection {
    var writer = SnapshotWriter()
    writer.number(orderSectionFormat)
    writer.number(rank.count)
    for place in rank { writer.number(place) }
    return SnapshotSection(name: orderSectionName, bytes: writer.bytes)
  }

  /// The order stored with `model` in the snapshot it was read from; nil when there is none,
  /// or it is of another layout, or not one place for each of the model's entities.
  static func storedRank(of model: Model) -> [Int]? {
    // Read where it lies in the snapshot, not copied.
    guard let section = model.snapshotSectionBytes(named: orderSectionName) else { return nil }
    return withExtendedLifetime(section) { () -> [Int]? in
      var reader = SnapshotReader(section.bytes)
      let count = model.entities.count
      guard (try? reader.number()) == orderSectionFormat, (try? reader.number()) == count
      else { return nil }
      var rank = [Int](repeating: 0, count: count)
      var taken = [Bool](repeating: false, count: count)
      for entity in 0..<count {
        guard let place = try? reader.number(below: count), !taken[place] else { return nil }
        taken[place] = true
        rank[entity] = place
      }
      return reader.isAtEnd ? rank : nil
    }
  }
}
