import Testing

@testable import ArticleModel

/// Work on a thread of its own gives the value the same work gives here, however many run at
/// once, and gives it again when asked again.
@Suite struct AlongsideTests {
  static func sum(_ range: Range<Int>) -> Int {
    var total = 0
    for value in range { total &+= value &* value }
    return total
  }

  @Test func aThreadsValueIsTheWorksValue() {
    let job = Alongside { Self.sum(0..<1_000_000) }
    let here = Self.sum(0..<1_000_000)
    #expect(job.result() == here)
    #expect(job.result() == here)
  }

  @Test func manyThreadsAtOnceEachGiveTheirOwn() {
    let jobs = (0..<64).map { index in
      Alongside {
        (
          index, Self.sum(index * 1000..<(index + 1) * 1000),
          [String](repeating: "\(index)", count: 100)
        )
      }
    }
    for (index, job) in jobs.enumerated().reversed() {
      let (number, sum, strings) = job.result()
      #expect(number == index)
      #expect(sum == Self.sum(index * 1000..<(index + 1) * 1000))
      #expect(strings == [String](repeating: "\(index)", count: 100))
    }
  }

  /// What the work captures is its own: a copy the caller changes afterwards is not seen.
  @Test func theWorkKeepsWhatItCaptured() {
    var values = Array(0..<10_000)
    let job = Alongside { [values] in values.reduce(0, +) }
    values.removeAll()
    #expect(job.result() == (0..<10_000).reduce(0, +))
    #expect(values.isEmpty)
  }

  @Test func theProcessorsAreCounted() {
    #expect(Alongside<Int>.processors >= 1)
  }
}
