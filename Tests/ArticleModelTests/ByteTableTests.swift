import Testing

@testable import ArticleModel

/// The byte-keyed hash table of the checker's ids: every key found again with its value, keys
/// that differ only in length or past their first 16 bytes kept apart, case folded only when
/// asked, through the table's growth.
@Suite struct ByteTableTests {
  /// Keys of every length up to 40 bytes, several made of one repeated letter (whose first
  /// 16 bytes, as the table reads them, are the same at other lengths).
  static let keys: [String] =
    (0...40).map { String(repeating: "a", count: $0) }
    + (0...40).map { String(repeating: "ab", count: $0 / 2 + 1).prefix($0) + "z" }
    + (0..<3_000).map { "entity_\($0 * 7919 % 100_003)_of_the_model_\($0 % 13)" }
    + (0..<500).map { "id\($0)" }

  @Test func everyKeyIsFoundWithItsValueAndNoOther() {
    var table = ByteTable<Int>(foldsCase: false)
    for (index, key) in Self.keys.enumerated() { Self.with(key) { table.add($0, index) } }
    #expect(table.count == Self.keys.count)
    for (index, key) in Self.keys.enumerated() {
      #expect(Self.with(key) { table.value(for: $0) } == index)
      // A key added again keeps its first value.
      Self.with(key) { table.add($0, -1) }
      #expect(Self.with(key + "!") { table.value(for: $0) } == nil)
      #expect(
        Self.with(key.uppercased()) { table.value(for: $0) }
          == (key.uppercased() == key ? index : nil))
    }
    #expect(table.count == Self.keys.count)
  }

  @Test func aTableThatFoldsCaseFindsKeysInAnyCase() {
    var table = ByteTable<Int>(foldsCase: true, capacity: 4)
    for (index, key) in Self.keys.enumerated() { Self.with(key) { table.add($0, index) } }
    for (index, key) in Self.keys.enumerated() {
      #expect(Self.with(key.uppercased()) { table.value(for: $0) } == index)
      #expect(
        Self.with(String(key.dropLast()) + "_") { table.value(for: $0) } == nil || key.isEmpty)
    }
  }

  private static func with<Result>(
    _ key: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    Array(key.utf8).withUnsafeBufferPointer(body)
  }
}
