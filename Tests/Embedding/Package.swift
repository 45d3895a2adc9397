// swift-tools-version: 6.1
// A package that uses csto as a user's package would: it depends on it by path and runs the
// snippets of the ArticleQuery documentation (Sources/ArticleQuery/ArticleQuery.docc) exactly
// as they are shown there. `swift test` here runs them; CI does.
import PackageDescription

let package = Package(
  name: "EmbeddingExamples",
  dependencies: [
    .package(name: "csto", path: "../..")
  ],
  targets: [
    .testTarget(
      name: "EmbeddingExamplesTests",
      dependencies: [.product(name: "ArticleQuery", package: "csto")],
      resources: [.copy("summit.model")]
    )
  ],
  swiftLanguageModes: [.v6]
)
