import ArticleModel
import ArticleQuery
import Foundation
import Syntax
import SyntheticModel

// csto-timing: what the side-by-side script measures inside one csto process.
//
//   csto-timing load MODEL          load and check time, and resident memory, as key=value
//   csto-timing phases MODEL        the times of reading, lexing and parsing the file
//   csto-timing questions MODEL     the workload's questions: form, few, query, SQL or - (TSV)
//   csto-timing sql MODEL FILE      the model's SQL export (ModelExport), written to FILE
//   csto-timing errors SIZES [KIND] models of SIZES (comma-separated) bad facts each, of three
//                                   kinds (an unknown entity, a character the lexer refuses, a
//                                   quote with a plain space for a no-break space): the time
//                                   to load and check each, and to render its errors (issue 15)
//   csto-timing tab MODEL           Tab's candidates after `countries where visited by ` and a
//                                   prefix: the first Tab (which sorts the names once) and the
//                                   median of 20 more, in milliseconds, with the count found
//   csto-timing time MODEL [N]      each question evaluated N times (default 20; fewer past
//                                   three seconds): the median and the fastest time in
//                                   microseconds, and the answer size
//
// MODEL is a model file, a snapshot (a file named *.snapshot: `csto compile`, or a cache file),
// or `article` for the bundled article.

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("csto-timing: \(message)\n".utf8))
  exit(2)
}

/// A line of /proc/self/status in bytes (`VmRSS`, `VmHWM`).
func status(_ field: String) -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
    let number = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return number * 1024
  }
  return 0
}

func milliseconds(_ duration: Duration) -> String {
  let (seconds, attoseconds) = duration.components
  return String(format: "%.1f", Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
}

func microseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

func engine(for path: String) -> QueryEngine {
  do {
    if path.hasSuffix(".snapshot") {
      // A compiled snapshot (`csto compile`, or a cache file), read as csto reads its cache:
      // the facts are made when asked.
      guard let bytes = FileManager.default.contents(atPath: path) else {
        fail("cannot read \(path)")
      }
      return try QueryEngine(model: bytes.withUnsafeBytes { try ModelSnapshot.model(from: $0) })
    }
    return path == "article" ? try QueryEngine() : try QueryEngine(modelFile: path)
  } catch {
    fail("\(error)")
  }
}

func questions(for engine: QueryEngine, path: String) -> [Question] {
  path == "article" ? Workload.article : Workload.synthetic(engine.model)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
  fail("usage: csto-timing load|questions|time MODEL [REPEAT]")
}
let path = arguments[1]
let clock = ContinuousClock()

switch arguments[0] {
case "phases":
  var text = ""
  let read = clock.measure {
    text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }
  let lex = clock.measure { _ = try? Lexer.tokenize(text) }
  let parse = clock.measure { _ = ModelLoader.syntaxErrors(in: text) }
  print("read_ms=\(milliseconds(read)) lex_ms=\(milliseconds(lex)) parse_ms=\(milliseconds(parse))")
case "load":
  let before = status("VmRSS")
  var model: Model?
  let load = clock.measure {
    model = path == "article" ? ModelLoader.bundled : try? ModelLoader.load(file: path)
  }
  guard let model else { fail("\(path) does not load") }
  let modelResident = status("VmRSS") - before
  var engine: QueryEngine?
  let prepare = clock.measure { engine = try? QueryEngine(model: model) }
  guard engine != nil else { fail("\(path): the engine refused the model") }
  let resident = status("VmRSS") - before
  let facts = model.facts.count
  print("facts=\(facts) entities=\(model.entities.count)")
  print("load_and_check_ms=\(milliseconds(load)) engine_ms=\(milliseconds(prepare))")
  print("model_rss_bytes=\(modelResident) model_bytes_per_fact=\(modelResident / max(1, facts))")
  print("engine_rss_bytes=\(resident) engine_bytes_per_fact=\(resident / max(1, facts))")
  print("peak_rss_bytes=\(status("VmHWM"))")
case "sql":
  guard arguments.count > 2 else { fail("usage: csto-timing sql MODEL FILE") }
  let model = engine(for: path).model
  do {
    try Data(ModelExport.export(model, as: .sql).utf8).write(
      to: URL(fileURLWithPath: arguments[2]))
  } catch {
    fail("\(arguments[2]): \(error)")
  }
case "errors":
  let sizes = path.split(separator: ",").compactMap { Int($0) }
  guard !sizes.isEmpty else { fail("usage: csto-timing errors 1000,10000,100000") }
  print("kind\tbad_facts\terrors\tload_ms_median\tload_ms_fastest\trender_ms\tus_per_fact")
  let kinds =
    arguments.count > 2
    ? BadFacts.allCases.filter { $0.rawValue == arguments[2] } : BadFacts.allCases
  for kind in kinds {
    for size in sizes {
      let text = kind.model(size)
      var loads: [Duration] = []
      var failure: ModelError?
      // Five rounds: the machine is shared, and the fastest is the least disturbed.
      for _ in 0..<5 {
        loads.append(
          clock.measure {
            do {
              _ = try ModelLoader.load(text: text, name: "bad.model") { _ in "" }
            } catch {
              failure = error as? ModelError
            }
          })
      }
      guard let failure, failure.diagnostics.count == size else {
        fail("\(kind.rawValue) \(size): not \(size) errors")
      }
      var rendered = ""
      let render = clock.measure { rendered = failure.rendered() }
      guard size <= ModelError.maximumShown || rendered.hasSuffix("(\(size) in all)") else {
        fail("\(kind.rawValue) \(size): not rendered as \(ModelError.maximumShown) and a count")
      }
      loads.sort()
      let perFact = String(format: "%.2f", microseconds(loads[0] + render) / Double(size))
      print(
        [
          kind.rawValue, "\(size)", "\(failure.diagnostics.count)", milliseconds(loads[2]),
          milliseconds(loads[0]), milliseconds(render), perFact,
        ].joined(separator: "\t"))
    }
  }
case "questions":
  for question in questions(for: engine(for: path), path: path) {
    let sql = question.sql?.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
    print(
      [question.form, question.few ? "few" : "many", question.query, sql ?? "-"].joined(
        separator: "\t"))
  }
case "time":
  let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
  let engine = engine(for: path)
  for question in questions(for: engine, path: path) {
    var times: [Double] = []
    var size = 0
    // Slow questions are run fewer times: at least once, then until three seconds are spent.
    while times.count < repeats, times.isEmpty || times.reduce(0, +) < 3e6 {
      var answer: Answer?
      times.append(microseconds(clock.measure { answer = try? engine.evaluate(question.query) }))
      guard let answer else { fail("\(question.query): does not evaluate") }
      size = answer.resultCount
    }
    times.sort()
    let median = String(format: "%.1f", times[times.count / 2])
    let fastest = String(format: "%.1f", times[0])
    print([question.form, question.query, median, fastest, "\(size)"].joined(separator: "\t"))
  }
case "tab":
  let engine = engine(for: path)
  let line = "countries where visited by "
  let names = engine.model.entities.map { $0.name.lowercased() }.sorted()
  let prefix = String(names[names.count / 2].prefix(3))
  for typed in [prefix, ""] {
    var completions = Completions(start: 0, candidates: [])
    let first = clock.measure {
      completions = engine.completions(in: line + typed, cursor: (line + typed).count)
    }
    var times: [Duration] = []
    for _ in 0..<20 {
      times.append(
        clock.measure { _ = engine.completions(in: line + typed, cursor: (line + typed).count) })
    }
    times.sort()
    print(
      "typed='\(typed)' first_ms=\(milliseconds(first)) median_ms=\(milliseconds(times[10]))"
        + " total=\(completions.total) listed=\(completions.candidates.count)")
  }
default:
  fail("unknown command '\(arguments[0])'")
}
