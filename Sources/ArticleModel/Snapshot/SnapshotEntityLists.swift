/// The entities' aliases, metonyms and background of a snapshot, left in its model part and
/// made into strings when an entity's list is asked for (`EntityLists`): a model read at start
/// checks every number of them but makes no string and no array. A list whose strings are
/// damaged comes from the model loaded again from its file (`SnapshotReload`), else is empty.
final class SnapshotEntityLists: Sendable {
  private let strings: MappedStrings
  /// The model part's bytes in `strings.owner`, checked as the model was read.
  private let model: Range<Int>
  private let reload: SnapshotReload

  init(strings: MappedStrings, model: Range<Int>, reload: SnapshotReload) {
    self.strings = strings
    self.model = model
    self.reload = reload
  }

  /// List `which` (0 aliases, 1 metonyms, 2 background) of entity `entity`, whose three lists
  /// start at `offset` in the model part.
  func list(_ which: Int, at offset: Int, entity: Int) -> [String] {
    var reader = SnapshotReader(
      UnsafeRawBufferPointer(rebasing: strings.owner.bytes[model]), offset: offset)
    reader.table = strings
    do throws(SnapshotError) {
      for _ in 0..<which { try reader.skipStrings() }
      return try Self.strings(&reader)
    } catch {
      guard let entities = reload.replacement()?.entities, entity < entities.count else {
        return []
      }
      return switch which {
      case 0: entities[entity].aliases
      case 1: entities[entity].metonyms
      default: entities[entity].background
      }
    }
  }
}

extension SnapshotEntityLists {
  /// A count and that many strings of the table, each number made once in the list: a crafted
  /// snapshot that names one long string as each of a million aliases gives a list that
  /// shares one string, not a million copies of it. (Not `MadeStrings`, which the model part's
  /// reading uses: its bits cover the whole string table, too much to allocate for each list.)
  static func strings(_ reader: inout SnapshotReader) throws(SnapshotError) -> [String] {
    let count = try reader.count()
    var values: [String] = []
    values.reserveCapacity(count)
    var made: [Int: String] = [:]
    for _ in 0..<count {
      let number = try reader.number(below: reader.stringCount)
      if let string = made[number] {
        values.append(string)
        continue
      }
      guard let string = reader.table?.string(number, releasing: reader.releasesStrings) else {
        throw .checksumMismatch
      }
      if string.utf8.count > 15 { made[number] = string }
      values.append(string)
    }
    return values
  }
}

extension SnapshotReader {
  /// Reads past a count and that many numbers of strings, each checked against the table,
  /// making no string.
  mutating func skipStrings() throws(SnapshotError) {
    for _ in 0..<(try count()) { _ = try number(below: stringCount) }
  }
}
