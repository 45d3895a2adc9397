// swift-tools-version: 6.1
import PackageDescription

#if os(Linux)
  import Foundation
#endif

/// Release builds on Linux link libstdc++ statically when GCC's archive of it is installed
/// (Debian's and Ubuntu's libstdc++-dev have it): Sources/csto/StaticCXX holds a linker script
/// named libstdc++.so that takes libstdc++.a instead. A one-shot run then spends 1.6M fewer
/// instructions in the dynamic loader (Tests/Benchmarks/README.md, Round 5). Without the
/// archive, libstdc++ stays a shared library.
let staticLibstdcxx: [LinkerSetting] = {
  #if os(Linux)
    let gcc = "/usr/lib/gcc"
    let files = FileManager.default
    let archives = ((try? files.contentsOfDirectory(atPath: gcc)) ?? []).flatMap { triple in
      ((try? files.contentsOfDirectory(atPath: "\(gcc)/\(triple)")) ?? []).map { version in
        "\(gcc)/\(triple)/\(version)/libstdc++.a"
      }
    }
    guard archives.contains(where: files.fileExists(atPath:)) else { return [] }
    let folder = Context.packageDirectory + "/Sources/csto/StaticCXX"
    return [.unsafeFlags(["-L", folder], .when(platforms: [.linux], configuration: .release))]
  #else
    return []
  #endif
}()

/// Release builds on Linux link csto as a fixed-address executable (`-no-pie`), the Swift code
/// still compiled position-independent. A position-independent csto is placed at a random
/// address, and before `main` the dynamic loader writes the 41,126 relative relocations of the
/// static standard library's and csto's tables of pointers (metadata, conformances, witness
/// tables) into 127 pages, a third of a one-shot query's page faults. A fixed-address csto has
/// none to write: a one-shot query takes 275 page faults instead of 415 and 0.67M fewer
/// instructions (Tests/Benchmarks/README.md, round 7, start). The trade-off: csto's own code
/// and data are no longer moved by address-space randomization (its libraries, heap and stack
/// still are).
let fixedAddress: [LinkerSetting] = [
  .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
]

/// Release builds of csto's own modules make each generic type they use (`[Int: [Support]]`,
/// `Set<Int>`, …) by calling its metadata function with the conformances the compiler already
/// knows, instead of handing the Swift runtime the type's mangled name: the runtime then looks
/// every conformance the type needs (`Int: Hashable`) up among all the binary's conformance
/// records, about 0.2M instructions for each one, before csto answers anything. A one-shot query
/// on the article spends a fifth fewer instructions (Tests/Benchmarks/README.md, round 6,
/// start). SwiftPM accepts such a flag in the root package and in packages depended on by path
/// or by branch or revision, and refuses it in a package depended on by version (`from:`,
/// `exact:`): csto is depended on by branch (README) or by path (Tests/Embedding).
let startUpSettings: [SwiftSetting] = [
  .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
    .when(configuration: .release))
]

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
    .target(name: "Syntax", swiftSettings: startUpSettings),
    .target(
      name: "ArticleModel",
      dependencies: ["Syntax"],
      exclude: ["Bundled/article.txt.sha256"],
      resources: [
        .embedInCode("Bundled/csto.model"),
        .embedInCode("Bundled/csto.snapshot"),
        .embedInCode("Bundled/article.txt"),
        .embedInCode("Bundled/cameo.tsv"),
      ],
      swiftSettings: startUpSettings
    ),
    .target(
      name: "ArticleQuery", dependencies: ["ArticleModel", "Syntax"], swiftSettings: startUpSettings
    ),
    // libedit's header only: csto opens the library itself at the prompt (LibEdit.swift).
    .systemLibrary(name: "CEditLine", providers: [.apt(["libedit-dev"])]),
    .executableTarget(
      name: "csto",
      dependencies: [
        "ArticleModel",
        "ArticleQuery",
        "Syntax",
        "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["StaticCXX"],
      swiftSettings: startUpSettings,
      linkerSettings: staticLibstdcxx + fixedAddress
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
