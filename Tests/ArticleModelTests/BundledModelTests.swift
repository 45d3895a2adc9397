import ArticleModel
import Foundation
import Testing

@Suite struct BundledModelTests {
  let model = ModelLoader.bundled

  @Test func loadsWithNoProblems() throws {
    let loaded = try ModelLoader.load(text: Bundled.modelText, name: "csto.model") { name in
      #expect(name == "article.txt")
      return Bundled.articleText
    }
    #expect(loaded == model)
  }

  @Test func holdsAtLeastWhatTheIssueAsks() {
    #expect(model.entities.count >= 50)
    #expect(model.facts.count >= 120)
    #expect(model.documents.count == 1)
    #expect(model.documents[0].paragraphs.count == 15)
  }

  /// Every quote is found verbatim in the paragraph it cites, read independently of the
  /// loader: the paragraphs are split again here from the article file.
  @Test func everyQuoteIsVerbatimInItsParagraph() {
    let blocks = Bundled.articleText.components(separatedBy: "\n")
      .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
      .filter { !["By Anton Evstratov", "Anton Evstratov Anton Evstratov", "Share."].contains($0) }
    #expect(blocks.count == 15)
    #expect(blocks[4].hasPrefix("Similar was the reaction of Kyrgyzstan"))
    for fact in model.facts {
      #expect(!fact.evidence.isEmpty)
      for evidence in fact.evidence {
        #expect(
          blocks[evidence.paragraph - 1].contains(evidence.quote),
          "¶\(evidence.paragraph): \(evidence.quote)")
      }
    }
  }

  /// The compiled-in article is the one the repository vouches for: its SHA-256, kept beside
  /// it in `article.txt.sha256` (`sha256sum -c` checks the file by hand), is recomputed here
  /// from the bytes compiled into the binary, and the article has its 15 paragraphs.
  @Test func theBundledArticleIsTheOneItsChecksumNames() throws {
    let checksumFile = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/ArticleModel/Bundled/article.txt.sha256")
    let recorded = try String(contentsOf: checksumFile, encoding: .utf8)
    #expect(recorded.hasSuffix("  article.txt\n"))
    let sha256sum = Process()
    sha256sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    sha256sum.standardInput = input
    sha256sum.standardOutput = output
    try sha256sum.run()
    input.fileHandleForWriting.write(Data(Bundled.articleText.utf8))
    try input.fileHandleForWriting.close()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    sha256sum.waitUntilExit()
    let computed = try #require(printed.split(separator: " ").first)
    #expect(computed.count == 64)
    #expect(recorded.hasPrefix(computed + "  "))
    #expect(model.documents[0].paragraphs.count == 15)
  }

  @Test(arguments: 1...14) func everyParagraphHasFacts(paragraph: Int) {
    #expect(model.facts.contains { $0.evidence.contains { $0.paragraph == paragraph } })
  }

  /// Every name a reader may type (display name, id, alias, metonym), folded to lowercase,
  /// names one entity: counted here from the entities, apart from the checker's own check.
  @Test func noNameNamesTwoEntities() {
    var owners: [String: Set<String>] = [:]
    for entity in model.entities {
      for name in entity.allNames { owners[name.lowercased(), default: []].insert(entity.id) }
    }
    let clashes = owners.filter { $0.value.count > 1 }
    #expect(clashes.isEmpty, "\(clashes)")
  }

  @Test func membersIsDefinedInTheModel() {
    #expect(
      model.sets.contains { $0.id == "members" && $0.query == "countries where member of csto" })
  }

  @Test func eventRelationsCarryKnownCAMEOCodes() {
    for name in ["criticized", "visited", "invited", "supported", "occupied", "in_conflict_with"] {
      let relation = model.relations.first { $0.id == name }
      #expect(relation?.cameo.flatMap { CAMEO.codes[$0] } != nil, "\(name)")
    }
    for name in ["member_of", "president_of", "part_of"] {
      #expect(model.relations.first { $0.id == name }?.cameo == nil)
    }
  }

  @Test func backgroundIsNeverEvidence() {
    for entity in model.entities {
      for note in entity.background {
        #expect(!model.facts.contains { $0.evidence.contains { $0.quote == note } })
      }
    }
  }

  @Test func theDenialsTheSpecNamesAreDenied() throws {
    let named = try #require(model.relation(id: "named_the_aggressor"))
    let promised = try #require(model.relation(id: "promised_military_assistance_to"))
    #expect(model.facts.contains { $0.relation == named && $0.polarity == .denied })
    #expect(
      model.facts.contains {
        $0.relation == promised && $0.polarity == .denied
          && model.entities[$0.object].id == "armenia"
      })
  }

  @Test func printingAndParsingGivesTheSameModel() throws {
    let text = ModelPrinter.print(model)
    let again = try ModelLoader.load(text: text, name: "printed.model") { _ in Bundled.articleText }
    #expect(again == model)
    #expect(ModelPrinter.print(again) == text)
  }

  @Test func coverageListsFactsPerParagraph() {
    let coverage = Coverage(of: model)
    #expect(coverage.paragraphs.count == 15)
    for paragraph in coverage.paragraphs.prefix(14) {
      #expect(!paragraph.facts.isEmpty)
      #expect(paragraph.sentenceCount >= 1)
    }
  }

  @Test func theCAMEOTableHasEveryLineOfItsFile() throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/ArticleModel/Bundled/cameo.tsv").standardized
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
    #expect(CAMEO.codes.count == lines.count)
    let criticize = try #require(CAMEO.codes["111"])
    #expect(criticize.root == "11")
    #expect(criticize.quadClass == "3 verbal conflict")
    #expect(criticize.label == "Criticize or denounce")
  }
}
