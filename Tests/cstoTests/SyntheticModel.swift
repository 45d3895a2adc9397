/// Model files made up for tests that need a large model: entities of one kind, `country`, and
/// facts of two relations among them, each citing the model's one inline paragraph. The same
/// sizes always give the same file.
enum SyntheticModel {
  /// The text of a model of `entities` entities and `facts` facts.
  static func text(entities: Int, facts: Int) -> String {
    var lines = [
      "document synthetic", "  title \"Synthetic\"", "  paragraph \"alpha beta gamma\"",
      "kind country plural \"countries\"",
      "relation likes \"likes\" reflexive", "  past \"liked\" base \"like\"",
      "relation hates \"hates\" reflexive", "  past \"hated\" base \"hate\"",
    ]
    lines.reserveCapacity(entities + 2 * facts + lines.count)
    for entity in 0..<entities {
      lines.append("entity e\(entity) \"E\(entity)\" country")
    }
    var state: UInt64 = 2_654_435_761
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(entities))
    }
    for fact in 0..<facts {
      lines.append("fact e\(next()) \(fact % 2 == 0 ? "likes" : "hates") e\(next())")
      lines.append("  evidence 1 \"beta\"")
    }
    lines.append("end")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A query that takes long on a large model and is checked for ^C throughout: `parts`
  /// alternatives, each a nested set evaluated anew.
  static func slowQuery(parts: Int) -> String {
    "count countries where "
      + Array(repeating: "liked (countries where hated countries)", count: parts)
      .joined(separator: " or ")
  }
}
