import Foundation

/// A small, fast random number generator whose sequence depends only on its seed, on every
/// platform and in every Swift version: what a reproducible benchmark needs (the standard
/// library's generator is seeded from the system).
public struct SplitMix: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  public mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < p
  }

  /// One element of a non-empty array, uniformly.
  public mutating func pick<T>(_ values: [T]) -> T {
    values[below(values.count)]
  }
}

/// Picks indices `0..<count` with a Zipf-like skew (weight `1 / (rank + 1)^exponent`): a few
/// entities are named often, as Russia is in the article, and most rarely.
struct SkewedPicker: Sendable {
  private let cumulative: [Double]

  init(count: Int, exponent: Double = 0.9) {
    var total = 0.0
    var cumulative: [Double] = []
    cumulative.reserveCapacity(count)
    for rank in 0..<count {
      total += 1 / pow(Double(rank + 1), exponent)
      cumulative.append(total)
    }
    self.cumulative = cumulative
  }

  func pick(_ random: inout SplitMix) -> Int {
    let target = Double(random.next() >> 11) / Double(1 << 53) * (cumulative.last ?? 0)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let mid = (low + high) / 2
      if cumulative[mid] < target { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
