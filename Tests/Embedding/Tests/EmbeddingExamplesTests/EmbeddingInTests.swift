import ArticleQuery
import Testing

// The snippets of the article "Embedding csto in your tests", word for word.

@Test func tajikistanCriticizedRussiaThroughItsPresident() throws {
  let engine = try QueryEngine()
  let answer = try engine.evaluate("members where criticized russia")
  #expect(answer.names == ["Tajikistan"])
  let evidence = try #require(answer.evidence(for: "Tajikistan").first)
  #expect(evidence.via == "Rakhmon")
  #expect(evidence.role == "president")
  #expect(evidence.paragraph == 5)
  #expect(evidence.quote.contains("criticized Russia"))
}

@Test func sixStatesAreMembers() throws {
  let engine = try QueryEngine()
  #expect(try engine.evaluate("count members").count == 6)
  let facts = try engine.evaluate("facts about belarus")
  #expect(facts.paragraphs.contains(9))
  #expect(facts.facts.allSatisfy { !$0.quote.isEmpty })
}

@Test func aTypoIsAnErrorWithAPosition() throws {
  let engine = try QueryEngine()
  do {
    _ = try engine.evaluate("members wher criticized russia")
    Issue.record("the typo was answered")
  } catch {
    #expect(error.location == SourceLocation(line: 1, column: 9))
    #expect(error.diagnostic.suggestions == ["where"])
    #expect(error.rendered().contains("did you mean 'where'?"))
  }
}

@Test func answersPrintInEveryFormat() throws {
  let engine = try QueryEngine()
  let results = engine.run("members; count members")
  #expect(results.count == 2)
  let members = try results[0].get()
  let json = Renderer.render(members, options: RenderOptions(format: .json))
  #expect(json.contains("\"kind\":\"entities\""))
  let table = Renderer.render(members, options: RenderOptions(format: .table, evidence: .off))
  #expect(table.hasPrefix("Armenia"))
}

@Test func kyrgyzstanCancelledTheExercise() throws {
  let engine = try QueryEngine()
  let answer = try engine.evaluate("did kyrgyzstan cancel unbreakable brotherhood")
  #expect(answer.verdict == .yes)
  #expect(answer.paragraphs == [5])
  #expect(try engine.evaluate("is iran a member of the csto").verdict == .notStated)
}
