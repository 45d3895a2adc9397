import ArticleModel
import Foundation
import SyntheticModel

// generate --facts N --seed S --out DIR [--check]
//
// Writes DIR/synthetic.model and DIR/synthetic.txt, a synthetic model of N facts with the
// proportions of the bundled article (see SyntheticCorpus). The same N and S give the same
// bytes. With --check, loads the model back and fails unless it has no problems.

func usage() -> Never {
  FileHandle.standardError.write(
    Data("usage: generate --facts N [--seed S] --out DIR [--check]\n".utf8))
  exit(2)
}

var facts: Int?
var seed: UInt64 = 1
var out: String?
var check = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--facts":
    guard let value = arguments.popFirst().flatMap({ Int($0) }) else { usage() }
    facts = value
  case "--seed":
    guard let value = arguments.popFirst().flatMap({ UInt64($0) }) else { usage() }
    seed = value
  case "--out":
    out = arguments.popFirst()
  case "--check": check = true
  default: usage()
  }
}
guard let facts, facts > 0, let out else { usage() }

let corpus = SyntheticCorpus(facts: facts, seed: seed)
let directory = URL(fileURLWithPath: out)
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let modelFile = directory.appendingPathComponent("synthetic.model")
try Data(corpus.modelText.utf8).write(to: modelFile)
try Data(corpus.text.utf8).write(to: directory.appendingPathComponent(SyntheticCorpus.textFile))
print(
  "\(modelFile.path): \(corpus.model.facts.count) facts, \(corpus.model.entities.count) entities")
if check {
  do {
    let loaded = try ModelLoader.load(file: modelFile.path)
    guard loaded == corpus.model else {
      FileHandle.standardError.write(Data("generate: the model read back differs\n".utf8))
      exit(1)
    }
    print("checked: no problems")
  } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
  }
}
