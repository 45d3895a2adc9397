/// The strings the checker made for a model's facts (quotes, notes, circumstances), numbered
/// in the order it first met them, and the hash table it found them by: the numbers the
/// snapshot writer gives them, so that a million quotes found once by their bytes while
/// checking are not hashed and found again while writing (`SnapshotStrings(numbers:)`).
///
/// A model made by the checker carries them (`Model.stringNumbers`) until its snapshot is
/// written; the writer starts its string table from them and meets the facts' strings in the
/// order the checker did (`uses`), so that each is told by its identity, the same storage as
/// the string of the number the checker gave it. A string met out of that order is found by
/// its bytes, as any other: the numbers are always right, the order only makes them fast.
struct CheckedStrings: Sendable {
  /// The strings by number.
  let strings: [String]
  /// `TextTable`'s slots: each the high half of its string's hash above its number plus one
  /// (0 for an empty slot), at the slot the high half picks, as `SnapshotStrings` files them.
  let slots: [UInt64]
  /// The number of each string the checker kept, in the order the facts (then the sentences
  /// that make no claim) use them.
  let uses: [UInt32]
  /// For a string that a later piece of the load made again (`TextTable.append(_:)`), that
  /// piece's `String`, equal but held apart, so that the facts it checked are told by
  /// identity too: by number, empty for none, and shorter than `strings` (empty when the load
  /// was not in pieces) past the last such number.
  var alike: [String] = []
}
