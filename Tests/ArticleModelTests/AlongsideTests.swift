import Foundation
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

  /// Work whose value is never asked for still runs, and letting it go neither waits for it
  /// for ever nor stops it.
  @Test func workWhoseValueIsNeverAskedForStillRuns() async throws {
    final class Done: @unchecked Sendable {
      private let lock = NSLock()
      private var value = false
      var isDone: Bool { lock.withLock { value } }
      func set() { lock.withLock { value = true } }
    }
    let done = Done()
    for _ in 0..<20 { _ = Alongside { Self.sum(0..<1000) } }
    _ = Alongside {
      _ = Self.sum(0..<100_000)
      done.set()
    }
    for _ in 0..<5000 where !done.isDone { try await Task.sleep(nanoseconds: 1_000_000) }
    #expect(done.isDone)
  }

  @Test func theProcessorsAreCounted() {
    #expect(Alongside<Int>.processors >= 1)
  }
}
