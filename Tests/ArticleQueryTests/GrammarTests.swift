import ArticleModel
import ArticleQuery
import Foundation
import Syntax
import Testing

/// Keeps `Grammar/query.ebnf` and the parser in agreement: sentences generated from the
/// grammar file, with names and phrases from the bundled model, must all parse, and every
/// syntax tree printed back must parse to itself.
@Suite struct GrammarTests {
  static let grammarURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Grammar/query.ebnf")

  @Test func theGrammarFileReadsAsEBNF() throws {
    let grammar = try EBNF(text: String(contentsOf: Self.grammarURL, encoding: .utf8))
    #expect(grammar.rules.keys.contains("script"))
    for name in grammar.referencedNames where !grammar.rules.keys.contains(name) {
      #expect(EBNF.terminals.contains(name), "undefined rule \(name)")
    }
  }

  @Test func everyGeneratedSentenceParsesAndPrintsBackToItsTree() throws {
    let engine = try QueryEngine()
    let grammar = try EBNF(text: String(contentsOf: Self.grammarURL, encoding: .utf8))
    var generator = SentenceGenerator(grammar: grammar, engine: engine, seed: 20_221_129)
    var parsed = 0
    var seeds: [String] = []
    for _ in 0..<1_500 {
      let sentence = generator.sentence()
      let statements: [Statement]
      do {
        statements = try engine.parseStatements(sentence)
      } catch {
        Issue.record("the grammar's sentence does not parse: \(sentence)\n\(error)")
        continue
      }
      parsed += 1
      seeds.append(sentence)
      for statement in statements {
        let printed = engine.print(statement)
        let again = try engine.parseStatements(printed)
        #expect(again == [statement], "\(sentence)\nprinted: \(printed)")
      }
    }
    #expect(parsed == 1_500)
    try FuzzSeeds.write(seeds.prefix(300), as: "query")
  }

  static let parserURL = grammarURL.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/ArticleQuery/Syntax/Parser.swift")

  /// Each rule of the grammar file, as written (whitespace made single spaces).
  static func writtenRules(_ text: String) -> [String: String] {
    var rules: [String: String] = [:]
    var current: String?
    let uncommented = text.replacingOccurrences(
      of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
    for line in uncommented.split(separator: "\n", omittingEmptySubsequences: false) {
      let parts = line.components(separatedBy: "::=")
      if parts.count == 2, !line.hasPrefix(" ") {
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        current = name
        rules[name] = parts[1]
      } else if let current, !line.trimmingCharacters(in: .whitespaces).isEmpty {
        rules[current, default: ""] += " " + line
      }
    }
    return rules.mapValues(normalized)
  }

  static func normalized(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// `entity-query` → `entityQuery`.
  static func functionName(of rule: String) -> String {
    let words = rule.split(separator: "-")
    return words.enumerated().map { $0 == 0 ? String($1) : $1.capitalized }.joined()
  }

  /// Every rule of the grammar is the doc comment of the parser function named after it,
  /// word for word, and no doc comment states a rule the grammar does not have.
  @Test func eachParserFunctionStatesItsRuleAsTheGrammarFileDoes() throws {
    let rules = Self.writtenRules(try String(contentsOf: Self.grammarURL, encoding: .utf8))
    #expect(rules.count >= 19, "the grammar file's rules are read")
    var documented: Set<String> = []
    for file in try Self.parserFiles() {
      try checkRuleComments(in: file, against: rules, documented: &documented)
    }
    #expect(documented == Set(rules.keys), "every rule has its parser function")
  }

  /// Parser.swift and the files of its extensions (`Parser+Questions.swift`, ...).
  static func parserFiles() throws -> [URL] {
    let folder = parserURL.deletingLastPathComponent()
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("Parser") && $0.hasSuffix(".swift") }.sorted()
    #expect(names.contains("Parser.swift"))
    return names.map { folder.appendingPathComponent($0) }
  }

  private func checkRuleComments(
    in file: URL, against rules: [String: String], documented: inout Set<String>
  ) throws {
    let lines = try String(contentsOf: file, encoding: .utf8)
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    for (number, line) in lines.enumerated() where line.hasPrefix("/// ") && line.contains("::=") {
      let parts = line.dropFirst(4).components(separatedBy: "::=")
      let name = parts[0].trimmingCharacters(in: .whitespaces)
      documented.insert(name)
      // A long rule goes on over doc lines indented past `/// ` (`///            | what-if`).
      let continued = lines[(number + 1)...].prefix { $0.hasPrefix("///   ") }
        .map { $0.dropFirst(3) }.joined(separator: " ")
      #expect(
        rules[name] == Self.normalized(parts[1] + " " + continued),
        "the rule \(name) as \(file.lastPathComponent) states it")
      let declaration = lines[(number + 1)...].first { !$0.hasPrefix("///") } ?? ""
      #expect(
        declaration.contains("func \(Self.functionName(of: name))("),
        "the rule \(name) sits on \(declaration)")
    }
  }

  static let modelGrammarURL = grammarURL.deletingLastPathComponent()
    .appendingPathComponent("model.ebnf")

  /// Model files generated from `Grammar/model.ebnf` have no syntax errors (names and quotes
  /// are the checker's business, tested in ModelCheckerTests).
  @Test func everyGeneratedModelFileParses() throws {
    let grammar = try EBNF(text: String(contentsOf: Self.modelGrammarURL, encoding: .utf8))
    #expect(grammar.rules.keys.contains("model"))
    var generator = ModelSentenceGenerator(grammar: grammar, seed: 7)
    var seeds: [String] = []
    for _ in 0..<500 {
      let text = generator.file()
      let errors = ModelLoader.syntaxErrors(in: text)
      #expect(errors.isEmpty, "\(text)\n\(errors.map(\.message))")
      seeds.append(text)
    }
    try FuzzSeeds.write(seeds.prefix(40) + [Bundled.modelText], as: "model")
  }

  @Test func aModelFileOutsideTheGrammarHasSyntaxErrors() {
    #expect(!ModelLoader.syntaxErrors(in: "entity x \"X\" country alias").isEmpty)
    #expect(!ModelLoader.syntaxErrors(in: "fact a b").isEmpty)
    #expect(!ModelLoader.syntaxErrors(in: "colour x").isEmpty)
  }
}

/// With `CSTO_FUZZ_SEEDS=DIR` set, tests write their inputs there as seeds for the fuzzers
/// (`Tests/Fuzz/run.sh`), one file each under DIR/TARGET.
enum FuzzSeeds {
  static func write(_ inputs: some Sequence<String>, as target: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["CSTO_FUZZ_SEEDS"] else { return }
    let directory = URL(fileURLWithPath: folder).appendingPathComponent(target)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (index, input) in inputs.enumerated() {
      try Data(input.utf8).write(to: directory.appendingPathComponent("\(target)-\(index)"))
    }
  }
}

/// Random model files from the model grammar: the lexical rules (id, number, string) are
/// filled with fresh values so that no generated id is also a keyword.
struct ModelSentenceGenerator {
  let grammar: EBNF
  private var random: SplitMix
  static let lexical: Set<String> = ["id", "number", "string", "letter", "digit"]
  static let declaredKey = "manner_y"

  init(grammar: EBNF, seed: UInt64) {
    self.grammar = grammar
    random = SplitMix(seed: seed)
  }

  /// A generated file starts by declaring the one qualifier its facts use, as a fact may use
  /// only a qualifier declared above it.
  mutating func file() -> String {
    var words = ["qualifier", Self.declaredKey, "id"]
    expand(.name("model"), into: &words)
    return words.joined(separator: " ")
  }

  private mutating func expand(_ expression: EBNF.Expression, into words: inout [String]) {
    switch expression {
    case .literal(let text): words.append(text)
    case .name(let name):
      switch name {
      case "id": words.append("x\(random.next(50))_y")
      case "declared-key": words.append(Self.declaredKey)
      case "number": words.append(String(random.next(30)))
      case "string":
        words.append(
          random.next(3) == 0 ? "\"a \\\"quoted\\\" ’one’\"" : "\"text \(random.next(9))\"")
      default:
        if let rule = grammar.rules[name] { expand(rule, into: &words) }
      }
    case .sequence(let parts):
      for part in parts { expand(part, into: &words) }
    case .choice(let options): expand(options[random.next(options.count)], into: &words)
    case .optional(let inner): if random.next(2) == 0 { expand(inner, into: &words) }
    case .many(let inner, let atLeastOne):
      for _ in 0..<(random.next(4) + (atLeastOne ? 1 : 0)) { expand(inner, into: &words) }
    }
  }
}

/// A W3C EBNF grammar as read from a file: rules of terminals, names, sequences,
/// alternatives, groups and the `? * +` suffixes. Comments `/* … */` are skipped.
struct EBNF {
  indirect enum Expression {
    case literal(String)
    case name(String)
    case sequence([Expression])
    case choice([Expression])
    case optional(Expression)
    case many(Expression, atLeastOne: Bool)
  }

  /// The terminals the model supplies.
  static let terminals: Set<String> = [
    "NAME", "SCENARIO", "RELATION", "SET", "NUMBER", "DOCUMENT", "ENTITY-KEY", "TEXT-KEY", "TEXT",
    "ADVERB", "MEASURE", "TIME",
    "KIND", "OFFICE", "OF-RELATION",
  ]

  var rules: [String: Expression] = [:]

  struct SyntaxError: Error, CustomStringConvertible {
    var description: String
  }

  init(text: String) throws {
    var cleaned = text
    while let open = cleaned.range(of: "/*") {
      guard let close = cleaned.range(of: "*/", range: open.upperBound..<cleaned.endIndex) else {
        throw SyntaxError(description: "unclosed comment")
      }
      cleaned.removeSubrange(open.lowerBound..<close.upperBound)
    }
    let tokens = EBNF.tokens(cleaned)
    var index = 0
    while index < tokens.count {
      guard index + 1 < tokens.count, tokens[index + 1] == "::=" else {
        throw SyntaxError(description: "expected 'name ::=' at \(tokens[index])")
      }
      let name = tokens[index]
      var end = index + 2
      while end < tokens.count, !(end + 1 < tokens.count && tokens[end + 1] == "::=") { end += 1 }
      var position = 0
      let body = Array(tokens[(index + 2)..<end])
      rules[name] = try EBNF.choice(body, &position)
      guard position == body.count else {
        throw SyntaxError(description: "unexpected \(body[position]) in \(name)")
      }
      index = end
    }
  }

  var referencedNames: Set<String> {
    var names: Set<String> = []
    func walk(_ expression: Expression) {
      switch expression {
      case .literal: break
      case .name(let name): names.insert(name)
      case .sequence(let parts), .choice(let parts): parts.forEach(walk)
      case .optional(let inner), .many(let inner, _): walk(inner)
      }
    }
    rules.values.forEach(walk)
    return names
  }

  private static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var characters = Array(text)[...]
    while let first = characters.first {
      if first.isWhitespace {
        characters.removeFirst()
      } else if first == "'" {
        let literal = characters.dropFirst().prefix { $0 != "'" }
        tokens.append("'" + String(literal) + "'")
        characters = characters.dropFirst(literal.count + 2)
      } else if first == "[" {
        let characterClass = characters.prefix { $0 != "]" }
        tokens.append("'" + String(characterClass.dropFirst()) + "'")
        characters = characters.dropFirst(characterClass.count + 1)
      } else if first == "\"" {
        let literal = characters.dropFirst().prefix { $0 != "\"" }
        tokens.append("'" + String(literal) + "'")
        characters = characters.dropFirst(literal.count + 2)
      } else if "()|?*+".contains(first) {
        tokens.append(String(first))
        characters.removeFirst()
      } else if characters.starts(with: "::=") {
        tokens.append("::=")
        characters = characters.dropFirst(3)
      } else {
        let word = characters.prefix { $0.isLetter || $0 == "-" || $0 == "_" }
        tokens.append(String(word.isEmpty ? String(first) : String(word)))
        characters = characters.dropFirst(max(1, word.count))
      }
    }
    return tokens
  }

  private static func choice(_ tokens: [String], _ position: inout Int) throws -> Expression {
    var options = [try sequence(tokens, &position)]
    while position < tokens.count, tokens[position] == "|" {
      position += 1
      options.append(try sequence(tokens, &position))
    }
    return options.count == 1 ? options[0] : .choice(options)
  }

  private static func sequence(_ tokens: [String], _ position: inout Int) throws -> Expression {
    var items: [Expression] = []
    while position < tokens.count, tokens[position] != "|", tokens[position] != ")" {
      var item: Expression
      let token = tokens[position]
      position += 1
      if token == "(" {
        item = try choice(tokens, &position)
        guard position < tokens.count, tokens[position] == ")" else {
          throw SyntaxError(description: "unclosed group")
        }
        position += 1
      } else if token.hasPrefix("'") {
        item = .literal(String(token.dropFirst().dropLast()))
      } else {
        item = .name(token)
      }
      if position < tokens.count {
        switch tokens[position] {
        case "?":
          item = .optional(item)
          position += 1
        case "*":
          item = .many(item, atLeastOne: false)
          position += 1
        case "+":
          item = .many(item, atLeastOne: true)
          position += 1
        default: break
        }
      }
      items.append(item)
    }
    return items.count == 1 ? items[0] : .sequence(items)
  }
}

/// Random sentences of a grammar, reproducible from a seed, deep ones cut short by taking
/// the alternative that ends soonest.
struct SentenceGenerator {
  let grammar: EBNF
  let names: [String]
  let scenarios: [String]
  let relations: [String]
  let sets: [String]
  let documents: [String]
  let entityKeys: [String]
  let textKeys: [String]
  let adverbs: [String]
  let kinds: [String]
  let offices: [String]
  private var random: SplitMix
  private var height: [String: Int] = [:]

  init(grammar: EBNF, engine: QueryEngine, seed: UInt64) {
    self.grammar = grammar
    let model = engine.model
    names = model.entities.flatMap { entity in
      entity.allNames.map { name in
        let plain =
          (try? Lexer.tokenize(name))?.allSatisfy { [.word, .number, .end].contains($0.kind) }
          ?? false
        return plain ? name : "\"\(name)\""
      }
    }
    scenarios = model.entities.indices.filter(model.isScenario).map { model.entities[$0].name }
    relations = Array(engine.vocabulary.relationPhrases)
    sets = engine.vocabulary.setNames
    documents = model.documents.map(\.id)
    let keys = engine.vocabulary.qualifierKeys
    entityKeys = keys.filter { engine.vocabulary.qualifierTakesEntity[$0] == true }
    textKeys = keys.filter { engine.vocabulary.qualifierTakesEntity[$0] == false }
    adverbs = engine.vocabulary.adverbs.keys.sorted()
    kinds = model.kinds.map(\.id).filter { !engine.vocabulary.setNames.contains($0) }
    offices = model.relations.filter(\.office).map(\.role)
    random = SplitMix(seed: seed)
    for _ in 0..<20 {
      for (name, expression) in grammar.rules {
        height[name] = minimumHeight(expression)
      }
    }
  }

  mutating func sentence() -> String {
    var words: [String] = []
    expand(.name("script"), depth: 0, into: &words)
    return words.joined(separator: " ")
  }

  private func minimumHeight(_ expression: EBNF.Expression) -> Int {
    switch expression {
    case .literal: 0
    case .name(let name): grammar.rules[name] == nil ? 0 : (height[name] ?? 1_000) + 1
    case .sequence(let parts): parts.map(minimumHeight).max() ?? 0
    case .choice(let options): options.map(minimumHeight).min() ?? 0
    case .optional, .many(_, atLeastOne: false): 0
    case .many(let inner, atLeastOne: true): minimumHeight(inner)
    }
  }

  private mutating func expand(
    _ expression: EBNF.Expression, depth: Int, into words: inout [String]
  ) {
    let deep = depth > 12
    switch expression {
    case .literal(let text):
      words.append(text)
    case .name(let name):
      if let rule = grammar.rules[name] {
        expand(rule, depth: depth + 1, into: &words)
      } else {
        words.append(terminal(name))
      }
    case .sequence(let parts):
      for part in parts { expand(part, depth: depth, into: &words) }
    case .choice(let options):
      let chosen =
        deep
        ? options.min { minimumHeight($0) < minimumHeight($1) }!
        : options[random.next(options.count)]
      expand(chosen, depth: depth, into: &words)
    case .optional(let inner):
      if !deep, random.next(2) == 0 { expand(inner, depth: depth, into: &words) }
    case .many(let inner, let atLeastOne):
      let count = deep ? (atLeastOne ? 1 : 0) : random.next(3) + (atLeastOne ? 1 : 0)
      for _ in 0..<count { expand(inner, depth: depth, into: &words) }
    }
  }

  private mutating func terminal(_ name: String) -> String {
    switch name {
    case "NAME":
      let chosen = names[random.next(names.count)]
      return random.next(4) == 0 && !chosen.hasPrefix("\"") && !chosen.hasPrefix("the ")
        ? "the " + chosen : chosen
    case "SCENARIO": return scenarios[random.next(scenarios.count)]
    case "RELATION": return relations[random.next(relations.count)]
    case "OF-RELATION":
      let phrases = relations.filter {
        $0.hasSuffix(" of")
          && !Vocabulary.keywords.contains(String($0.prefix { $0 != " " }))
      }
      return phrases[random.next(phrases.count)]
    case "SET": return sets[random.next(sets.count)]
    case "DOCUMENT": return documents[random.next(documents.count)]
    case "ENTITY-KEY": return entityKeys[random.next(entityKeys.count)]
    case "TEXT-KEY": return textKeys[random.next(textKeys.count)]
    case "ADVERB": return adverbs[random.next(adverbs.count)]
    case "KIND": return kinds[random.next(kinds.count)]
    case "OFFICE": return offices[random.next(offices.count)]
    case "TEXT":
      return ["september", "\"winter of 2022\"", "500 million", "openly"][random.next(4)]
    case "MEASURE": return ["money", "military assistance", "troops"][random.next(3)]
    case "TIME": return ["the winter of 2022", "mid-september", "this year"][random.next(3)]
    default: return String(random.next(15) + 1)
    }
  }
}

/// A small, fast, seedable random generator, so that failures reproduce.
struct SplitMix {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(bound))
  }
}
