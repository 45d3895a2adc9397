// swift-tools-version: 6.1
import PackageDescription

// The benchmarks of csto: a package of its own, so that `swift test` at the root never builds
// it. `swift package --disable-sandbox benchmark` runs Benchmarks/CstoBenchmarks;
// `side-by-side.sh` compares csto with sqlite3 on the same questions.
let package = Package(
  name: "CstoBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "csto", path: "../.."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .target(
      name: "SyntheticModel",
      dependencies: [
        .product(name: "ArticleModel", package: "csto"),
        .product(name: "ArticleQuery", package: "csto"),
      ]
    ),
    .executableTarget(name: "generate", dependencies: ["SyntheticModel"]),
    .executableTarget(
      name: "csto-timing",
      dependencies: ["SyntheticModel", .product(name: "Syntax", package: "csto")]
    ),
    .executableTarget(
      name: "CstoBenchmarks",
      dependencies: [
        "SyntheticModel",
        .product(name: "Syntax", package: "csto"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/CstoBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
