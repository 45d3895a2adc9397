import Syntax

/// The ids of one kind of declaration (kinds, relations, entities, documents) and the index of
/// each, filed by bytes: a word of the model text is looked up by its own bytes, without a
/// `String`, when it is ASCII (a word so spelt is the id it folds to, ASCII letters folded).
/// Every id is filed in its canonical composition (`UTF8Text.canonical`), so two ids meet
/// when `==` finds them equal, whatever their bytes.
struct IDTable {
  private var table: ByteTable<Int>
  /// The ids, in the order they were added.
  private(set) var ids: [String] = []

  /// An empty table, for about `capacity` ids.
  init(capacity: Int) {
    table = ByteTable(foldsCase: true, capacity: capacity)
  }

  /// Files `id` under `index`; gives back the index an equal id was filed under before,
  /// leaving the table as it was, or nil.
  mutating func add(_ id: String, _ index: Int) -> Int? {
    UTF8Text.withBytes(of: UTF8Text.canonical(id)) { key in
      if let earlier = table.value(for: key) { return earlier }
      table.add(key, index)
      ids.append(id)
      return nil
    }
  }

  /// The index of the id equal to `id` (an id is lowercase: see `ModelParser`), or nil.
  func index(of id: String) -> Int? {
    UTF8Text.withBytes(of: UTF8Text.canonical(id)) { table.value(for: $0) }
  }

  /// The index of the id that the word `bytes` folds to when the word is ASCII; nil for a
  /// word that is not (look up its folded text with `index(of:)`) or is no id.
  func index(ofASCIIWord bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    for byte in bytes where byte >= 0x80 { return nil }
    return table.value(for: bytes)
  }
}
