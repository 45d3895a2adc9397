import ArticleModel
import ArticleQuery
import Benchmark
import Foundation
import Syntax
import SyntheticModel

// The benchmarks of csto (`swift package --disable-sandbox benchmark` in Tests/Benchmarks):
//
// - lexing and parsing throughput, on the bundled model and a synthetic one;
// - loading and checking a model, per fact, with the memory it keeps per fact;
// - every query form of the SPEC's table, on the article and on synthetic models of 10
//   thousand and 100 thousand facts (set CSTO_BENCH_MILLION=1 to add the million-fact model:
//   it takes a minute to make and most of a gigabyte to hold).
//
// Synthetic models are made in memory by SyntheticCorpus, with seed 1: the same on every run.

/// A synthetic model's text files and the loaded engine, made once per run.
final class Synthetic: Sendable {
  let corpus: SyntheticCorpus
  let modelText: String
  let engine: QueryEngine

  init(facts: Int) {
    corpus = SyntheticCorpus(facts: facts, seed: 1)
    modelText = corpus.modelText
    engine = try! QueryEngine(model: Self.load(modelText, corpus))
  }

  static func load(_ text: String, _ corpus: SyntheticCorpus) throws -> Model {
    try ModelLoader.load(text: text, name: "synthetic.model") { _ in corpus.text }
  }

  nonisolated(unsafe) static var made: [Int: Synthetic] = [:]

  /// The model of `facts` facts, made on first use.
  static func of(_ facts: Int) -> Synthetic {
    if let made = made[facts] { return made }
    let synthetic = Synthetic(facts: facts)
    made[facts] = synthetic
    return synthetic
  }
}

/// Resident memory in bytes, from /proc/self/status (0 where there is none).
func residentBytes() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
    return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
  }
  return 0
}

let bytesPerFact = BenchmarkMetric.custom("resident bytes per fact", useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
    warmupIterations: 1,
    maxDuration: .seconds(2),
    maxIterations: 1000)

  var sizes = [10_000, 100_000]
  if ProcessInfo.processInfo.environment["CSTO_BENCH_MILLION"] != nil { sizes.append(1_000_000) }

  // MARK: lexing and parsing

  let article = Bundled.modelText
  Benchmark(
    "lex csto.model (\(article.utf8.count / 1024) KiB)",
    configuration: .init(scalingFactor: .one)
  ) { benchmark in
    for _ in benchmark.scaledIterations { blackHole(try Lexer.tokenize(article)) }
  }
  Benchmark("parse csto.model (\(article.utf8.count / 1024) KiB)") { benchmark in
    for _ in benchmark.scaledIterations { blackHole(ModelLoader.syntaxErrors(in: article)) }
  }
  for size in sizes {
    Benchmark("parse synthetic \(size / 1000)k facts") { benchmark in
      let text = Synthetic.of(size).modelText
      benchmark.startMeasurement()
      blackHole(ModelLoader.syntaxErrors(in: text))
    }
  }

  // MARK: loading and checking

  Benchmark("load and check csto.model") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(
        try ModelLoader.load(text: Bundled.modelText, name: "csto.model") { _ in
          Bundled.articleText
        })
    }
  }
  for size in sizes {
    Benchmark(
      "load and check synthetic \(size / 1000)k facts",
      configuration: .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, bytesPerFact],
        maxIterations: 5)
    ) { benchmark in
      let synthetic = Synthetic.of(size)
      let before = residentBytes()
      benchmark.startMeasurement()
      let model = try Synthetic.load(synthetic.modelText, synthetic.corpus)
      benchmark.stopMeasurement()
      benchmark.measurement(bytesPerFact, max(0, residentBytes() - before) / size)
      blackHole(model)
    }
    Benchmark(
      "query engine for synthetic \(size / 1000)k facts",
      configuration: .init(maxIterations: 5)
    ) { benchmark in
      let model = Synthetic.of(size).engine.model
      benchmark.startMeasurement()
      blackHole(try QueryEngine(model: model))
    }
  }

  // MARK: queries

  let engine = try! QueryEngine()
  for question in Workload.article {
    Benchmark("article: \(question.query)") { benchmark in
      for _ in benchmark.scaledIterations { blackHole(try engine.evaluate(question.query)) }
    }
  }
  for size in sizes {
    // The questions name entities of the model, which must be made to know them.
    for (index, template) in Workload.templates.enumerated() {
      Benchmark("synthetic \(size / 1000)k, \(template)") { benchmark in
        let synthetic = Synthetic.of(size)
        let question = Workload.synthetic(synthetic.engine.model)[index]
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
          blackHole(try synthetic.engine.evaluate(question.query))
        }
      }
    }
  }
}
