// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "csto",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Syntax", targets: ["Syntax"]),
    .library(name: "ArticleModel", targets: ["ArticleModel"]),
    .library(name: "ArticleQuery", targets: ["ArticleQuery"]),
    .executable(name: "csto", targets: ["csto"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .target(name: "Syntax"),
    .target(
      name: "ArticleModel",
      dependencies: ["Syntax"],
      exclude: ["Bundled/article.txt.sha256"],
      resources: [
        .embedInCode("Bundled/csto.model"),
        .embedInCode("Bundled/csto.snapshot"),
        .embedInCode("Bundled/article.txt"),
        .embedInCode("Bundled/cameo.tsv"),
      ]
    ),
    .target(name: "ArticleQuery", dependencies: ["ArticleModel", "Syntax"]),
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .executableTarget(
      name: "csto",
      dependencies: [
        "ArticleModel",
        "ArticleQuery",
        "Syntax",
        "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SyntaxTests", dependencies: ["Syntax"]),
    // The tests read their data files from the source tree (#filePath), not as resources.
    .testTarget(
      name: "ArticleModelTests", dependencies: ["ArticleModel", "ArticleQuery", "Syntax"],
      exclude: ["Claims"]),
    .testTarget(
      name: "ArticleQueryTests",
      dependencies: [
        "ArticleModel",
        "ArticleQuery",
        "Syntax",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["Questions"]
    ),
    .testTarget(name: "cstoTests", dependencies: ["csto", "ArticleModel", "ArticleQuery"]),
  ],
  swiftLanguageModes: [.v6]
)
