import ArticleModel
import Foundation
import Testing

/// One broken model per checker rule, each compared with its whole rendered error. Every
/// snippet is added to the same small, valid model.
@Suite struct ModelCheckerTests {
  static let base = """
    document d
      paragraph "Rakhmon criticized Russia at the summit."
      paragraph "Russia’s hands are tied."
    kind country plural "countries"
    kind person plural "people"
    kind scenario plural "scenarios" hypothetical
    relation criticized "criticized" cameo "111"
    relation president_of "president of" office represents person subject person object country
    entity russia "Russia" country
    entity tajikistan "Tajikistan" country
    entity rakhmon "Rakhmon" person
    fact rakhmon criticized russia
      evidence 1 "Rakhmon criticized Russia"

    """

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var snippet: String
    var rendered: String
    init(_ name: String, _ snippet: String, _ rendered: String) {
      self.name = name
      self.snippet = snippet
      self.rendered = rendered
    }
    var testDescription: String { name }
  }

  struct Unreadable: Error, CustomStringConvertible {
    var description: String { "no such file" }
  }

  static func load(_ text: String) throws(ModelError) -> Model {
    try ModelLoader.load(text: text, name: "case.model") { _ in throw Unreadable() }
  }

  @Test func theBaseModelLoads() throws {
    let model = try Self.load(Self.base)
    #expect(model.facts.count == 1)
    #expect(model.entities.count == 3)
  }

  static let cases: [Case] = [
    Case(
      "unknownEntity",
      """
      fact rakhmon criticized rusia
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:25: error: unknown entity 'rusia'
      fact rakhmon criticized rusia
                              ^~~~~
      did you mean 'russia'?
      """),
    Case(
      "duplicateEntityID",
      """
      entity russia "Russia again" country
      """,
      """
      case.model:14:8: error: duplicate entity id 'russia'
      entity russia "Russia again" country
             ^~~~~~
      """),
    Case(
      "relationBetweenKindsItDoesNotJoin",
      """
      fact russia president_of tajikistan
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:6: error: 'president of' takes a subject of kind person, but 'russia' is a country
      fact russia president_of tajikistan
           ^~~~~~
      """),
    Case(
      "unknownCAMEOCode",
      """
      relation visited "visited" cameo "0042"
      """,
      """
      case.model:14:34: error: unknown CAMEO code '0042'
      relation visited "visited" cameo "0042"
                                       ^~~~~~
      did you mean '042' or '2042'?
      """),
    Case(
      "paragraphOutOfRange",
      """
      fact rakhmon criticized russia
        evidence 3 "Russia’s hands"
      """,
      """
      case.model:15:12: error: paragraph 3 is out of range: 'd' has paragraphs 1 to 2
        evidence 3 "Russia’s hands"
                 ^
      """),
    Case(
      "quoteNotVerbatim",
      """
      fact rakhmon criticized russia
        evidence 2 "Russia's hands are tied"
      """,
      """
      case.model:15:14: error: quote not found verbatim in paragraph 2
        evidence 2 "Russia's hands are tied"
                   ^~~~~~~~~~~~~~~~~~~~~~~~~
      note: the paragraph has: "Russia’s hands are tied"
      note: the paragraph has U+2019 RIGHT SINGLE QUOTATION MARK at column 21, where the quote has U+0027 APOSTROPHE
      """),
    Case(
      "unknownKind",
      """
      entity sco "SCO" organisation
      """,
      """
      case.model:14:18: error: unknown kind 'organisation'
      entity sco "SCO" organisation
                       ^~~~~~~~~~~~
      """),
    Case(
      "unknownRelation",
      """
      fact rakhmon critized russia
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:14: error: unknown relation 'critized'
      fact rakhmon critized russia
                   ^~~~~~~~
      did you mean 'criticized'?
      """),
    Case(
      "factWithoutEvidence",
      """
      fact rakhmon criticized russia
      """,
      """
      case.model:14:6: error: the fact 'rakhmon criticized russia' has no evidence
      fact rakhmon criticized russia
           ^~~~~~~
      note: add: evidence PARAGRAPH "quote from that paragraph"
      """),
    Case(
      "scenarioThatIsNotAScenario",
      """
      fact rakhmon criticized russia
        scenario tajikistan
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:15:12: error: 'tajikistan' cannot be a fact's scenario: its kind, country, is not hypothetical
        scenario tajikistan
                 ^~~~~~~~~~
      note: a scenario is an entity of a kind declared 'hypothetical' (kind scenario plural "scenarios" hypothetical)
      """),
    Case(
      "nameOfTwoEntities",
      """
      entity rahmon "Rahmon" person
        alias "rakhmon"
      """,
      """
      case.model:15:9: error: the name 'rakhmon' of entity 'rahmon' already names entity 'rakhmon'
        alias "rakhmon"
              ^~~~~~~~~
      """),
    Case(
      "nameOfTwoEntitiesSpeltOtherwise",
      """
      entity zoe "Zoe\u{301}" person
        alias "ZOÉ"
      entity zoe2 "Zoé" person
      """,
      """
      case.model:16:13: error: the name 'zoé' of entity 'zoe2' already names entity 'zoe'
      entity zoe2 "Zoé" person
                  ^~~~~
      """),
    Case(
      "documentToCiteAndUnreadableText",
      """
      document e
        text "missing.txt"
      """,
      """
      case.model:13:12: error: the model has 2 documents: name the one this evidence cites
        evidence 1 "Rakhmon criticized Russia"
                 ^
      case.model:15:8: error: cannot read the document's text 'missing.txt': no such file
        text "missing.txt"
             ^~~~~~~~~~~~~
      """),
    Case(
      "missingString",
      """
      entity iran "Iran" country
        alias
      """,
      """
      case.model:15:8: error: expected a quoted string, found end of input
        alias
             ^
      """),
    Case(
      "missingID",
      """
      fact rakhmon criticized russia at
      """,
      """
      case.model:14:34: error: expected an id, found end of input
      fact rakhmon criticized russia at
                                       ^
      """),
    Case(
      "unknownClause",
      """
      entity iran "Iran" country
        flag "x"
      """,
      """
      case.model:15:3: error: expected a clause of 'entity' or a new statement, found 'flag'
        flag "x"
        ^~~~
      """),
    Case(
      "phraseOfTwoRelations",
      """
      relation scolded "scolded"
        also "criticized"
      """,
      """
      case.model:15:8: error: the phrase 'criticized' already names relation 'criticized'
        also "criticized"
             ^~~~~~~~~~~~
      """),
    Case(
      "duplicateSetName",
      """
      set members "countries where member of csto"
      set countries "people"
      """,
      """
      case.model:15:5: error: duplicate set name 'countries'
      set countries "people"
          ^~~~~~~~~
      """),
    Case(
      "duplicateKind",
      """
      kind person plural "persons"
      """,
      """
      case.model:14:6: error: duplicate kind id 'person'
      kind person plural "persons"
           ^~~~~~
      """),
    Case(
      "assessmentAndScenario",
      """
      fact rakhmon criticized russia
        evidence 1 "Rakhmon criticized Russia"
        assessment
        scenario tajikistan
      """,
      """
      case.model:16:3: error: a fact is an assessment or a scenario's, not both
        assessment
        ^~~~~~~~~~
      case.model:17:12: error: 'tajikistan' cannot be a fact's scenario: its kind, country, is not hypothetical
        scenario tajikistan
                 ^~~~~~~~~~
      note: a scenario is an entity of a kind declared 'hypothetical' (kind scenario plural "scenarios" hypothetical)
      """),
    Case(
      "emptyQuote",
      """
      fact rakhmon criticized russia
        evidence 1 ""
      """,
      """
      case.model:15:14: error: the quote is empty
        evidence 1 ""
                   ^~
      """),
    Case(
      "everyProblemOfAFile",
      """
      fact tajik criticized rusia
        evidence 9 "x"
      """,
      """
      case.model:14:6: error: unknown entity 'tajik'
      fact tajik criticized rusia
           ^~~~~
      case.model:14:23: error: unknown entity 'rusia'
      fact tajik criticized rusia
                            ^~~~~
      did you mean 'russia'?
      case.model:15:12: error: paragraph 9 is out of range: 'd' has paragraphs 1 to 2
        evidence 9 "x"
                 ^
      """),
    Case(
      "quoteLeftOpenEndsAtItsLine",
      """
      fact rakhmon criticized russia
        evidence 1 "Rakhmon criticized Russia
      fact tajikistan criticized russia
      """,
      """
      case.model:15:14: error: unterminated quoted name
        evidence 1 "Rakhmon criticized Russia
                   ^~~~~~~~~~~~~~~~~~~~~~~~~~
      note: a quoted name ends with " on the same line
      case.model:16:6: error: the fact 'tajikistan criticized russia' has no evidence
      fact tajikistan criticized russia
           ^~~~~~~~~~
      note: add: evidence PARAGRAPH "quote from that paragraph"
      """),
    Case(
      "everyNameOfTwoEntitiesListed",
      """
      entity rahmon "Rahmon" person
        alias "rakhmon"
        metonym "moscow"
      entity moscow_city "Moscow" country
      """,
      """
      case.model:15:9: error: the name 'rakhmon' of entity 'rahmon' already names entity 'rakhmon'
        alias "rakhmon"
              ^~~~~~~~~
      case.model:17:20: error: the name 'moscow' of entity 'moscow_city' already names entity 'rahmon'
      entity moscow_city "Moscow" country
                         ^~~~~~~~
      """),
    Case(
      "reflexiveOffice",
      """
      relation heads "heads" office reflexive
      """,
      """
      case.model:14:31: error: relation 'heads' cannot be reflexive: an office joins two different entities
      relation heads "heads" office reflexive
                                    ^~~~~~~~~
      """),
    Case(
      "reflexivePartOf",
      """
      relation part_of "part of"
        represents person
        reflexive
      """,
      """
      case.model:16:3: error: relation 'part_of' cannot be reflexive: a relation that speaks for its object ('represents') joins two different entities
        reflexive
        ^~~~~~~~~
      """),
    Case(
      "reflexiveBetweenKindsWithNoneInCommon",
      """
      relation visited "visited" reflexive subject person object country
      """,
      """
      case.model:14:28: error: relation 'visited' cannot be reflexive: its subject (person) and object (country) cannot be the same entity
      relation visited "visited" reflexive subject person object country
                                 ^~~~~~~~~
      """),
    Case(
      "factJoiningAnEntityToItself",
      """
      fact russia criticized russia
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:14:24: error: 'russia' is both the subject and the object, but 'criticized' is not reflexive
      fact russia criticized russia
                             ^~~~~~
      note: declare the relation 'reflexive' if an entity can be joined to itself by it
      """),
    Case(
      "undeclaredQualifier",
      """
      fact rakhmon criticized russia
        manner "openly"
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:15:3: error: expected a clause of 'fact' or a new statement, found 'manner'
        manner "openly"
        ^~~~~~
      """),
    Case(
      "declaredQualifierWithTheWrongValue",
      """
      qualifier manner string "how the subject acted"
      fact rakhmon criticized russia
        manner russia
        evidence 1 "Rakhmon criticized Russia"
      """,
      """
      case.model:16:10: error: the qualifier 'manner' takes a quoted string
        manner russia
               ^~~~~~
      """),
    Case(
      "builtInQualifierDeclaredAgain",
      """
      qualifier when string
      qualifier manner string
      qualifier manner id
      """,
      """
      case.model:14:11: error: 'when' is a keyword of the model format, not a qualifier's key
      qualifier when string
                ^~~~
      case.model:16:11: error: duplicate qualifier 'manner'
      qualifier manner id
                ^~~~~~
      """),
    Case(
      "qualifierNamedAfterAKeyword",
      """
      qualifier note string
      """,
      """
      case.model:14:11: error: 'note' is a keyword of the model format, not a qualifier's key
      qualifier note string
                ^~~~
      """),
    Case(
      "noClaimNotVerbatimAndWithoutAReason",
      """
      noclaim 2 "Russia's hands are tied."
        reason "a figure of speech"
      noclaim 2 "Russia’s hands"
      """,
      """
      case.model:14:11: error: quote not found verbatim in paragraph 2
      noclaim 2 "Russia's hands are tied."
                ^~~~~~~~~~~~~~~~~~~~~~~~~~
      note: the paragraph has: "Russia’s hands are tied."
      note: the paragraph has U+2019 RIGHT SINGLE QUOTATION MARK at column 18, where the quote has U+0027 APOSTROPHE
      case.model:16:27: error: expected 'reason', found end of input
      noclaim 2 "Russia’s hands"
                                ^
      """),
  ]

  @Test(arguments: cases) func rejectsWithEveryProblemRendered(_ testCase: Case) {
    do {
      _ = try Self.load(Self.base + testCase.snippet)
      Issue.record("\(testCase.name) loaded")
    } catch {
      #expect(error.rendered() == testCase.rendered)
    }
  }

  @Test func anUnreadableFileSaysSo() {
    do {
      _ = try ModelLoader.load(file: "/nonexistent/csto.model")
      Issue.record("loaded")
    } catch {
      #expect(error.isUnreadable)
      #expect(
        error.rendered() == "error: cannot read model file '/nonexistent/csto.model': no such file")
    }
  }

  @Test func aFileWithItsTextBesideItLoads() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-model-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "By Someone\n\n    First paragraph.\n\n    Second one, with ’quotes’.\n"
    try text.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let model = """
      document a
        text "a.txt"
        skip "By Someone"
      kind country plural "countries"
      relation r "r"
      entity x "X" country
      entity y "Y" country
      fact x r y
        evidence 2 "with ’quotes’"
      end
      """
    let path = folder.appendingPathComponent("a.model").path
    try model.write(toFile: path, atomically: true, encoding: .utf8)
    let loaded = try ModelLoader.load(file: path)
    #expect(loaded.documents[0].paragraphs == ["First paragraph.", "Second one, with ’quotes’."])
  }

  @Test func invalidUTF8IsRefusedNotCrashedOn() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csto-\(UUID().uuidString).model").path
    try Data([0x64, 0x6F, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try ModelLoader.load(file: path)
      Issue.record("loaded")
    } catch {
      #expect(error.rendered().contains("is not valid UTF-8"))
    }
  }
}

/// Found by the model fuzzer: a backslash followed by a combining mark is one Character but
/// two scalars, and printing must escape the backslash so that the text parses back.
@Test(arguments: ["a\\\u{064B}b", "\"\u{301}", "\\\\", "plain ’typographic’ – text"])
func printedStringsParseBackToThemselves(_ plural: String) throws {
  let model = Model(
    documents: [Document(id: "d", paragraphs: ["p"])], kinds: [Kind(id: "k", plural: plural)],
    relations: [], entities: [], sets: [], facts: [])
  let printed = ModelPrinter.print(model)
  let again = try ModelLoader.load(text: printed, name: "printed.model") { _ in "" }
  #expect(again == model)
}
