/// Counts with their nouns in the number they take, for every message that counts things.
enum Plural {
  /// `1 fact`, `2 facts`, `0 facts`.
  static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
    count == 1 ? "1 \(singular)" : "\(count) \(plural)"
  }
}
