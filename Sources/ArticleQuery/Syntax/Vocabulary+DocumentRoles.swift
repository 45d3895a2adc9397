import ArticleModel

extension Vocabulary {
  /// The words `author` and `publisher` as names of the entities the model's document names
  /// so (`who is the author`), where the model has one document with that field and one
  /// entity whose name is its value. With several documents the words would be ambiguous,
  /// so they name nothing; an entity already called so keeps the word.
  static func documentRoles(of model: Model) -> [(word: String, entity: Int)] {
    guard model.documents.count == 1, let document = model.documents.first else { return [] }
    var roles: [(word: String, entity: Int)] = []
    for (word, value) in [("author", document.author), ("publisher", document.publisher)] {
      guard let value else { continue }
      let named = model.entities.indices.filter {
        model.entities[$0].name.lowercased() == value.lowercased()
      }
      if named.count == 1 { roles.append((word, named[0])) }
    }
    return roles
  }
}
