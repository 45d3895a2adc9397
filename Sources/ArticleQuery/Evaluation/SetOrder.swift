/// Walks the graph of model sets (a set to the sets its query uses) without recursion: the
/// order to evaluate them in, and the cycles the model checker rejects. Each walk costs the
/// sets and uses it reaches, once.
enum SetOrder {
  /// The sets `name` depends on, directly or not, and `name` itself, each after those it
  /// uses, leaving out those `done` says are evaluated already.
  static func dependencies(
    of name: String, uses: [String: [String]], done: (String) -> Bool
  ) -> [String] {
    var order: [String] = []
    var seen: Set<String> = [name]
    var stack: [(name: String, next: Int)] = [(name, 0)]
    while let top = stack.last {
      let used = uses[top.name] ?? []
      if top.next < used.count {
        stack[stack.count - 1].next += 1
        let child = used[top.next]
        if !done(child), seen.insert(child).inserted { stack.append((child, 0)) }
      } else {
        order.append(top.name)
        stack.removeLast()
      }
    }
    return order
  }

  /// The first of `starts` from which a cycle is reachable, and the cycle as the names along
  /// it (the first repeated at the end); nil when there is none. Sets found free of cycles
  /// from one start are not walked again from the next.
  static func firstCycle(from starts: [String], uses: [String: [String]]) -> (
    start: String, cycle: [String]
  )? {
    var finished: Set<String> = []
    for start in starts where !finished.contains(start) {
      if let cycle = cycle(from: start, uses: uses, finished: &finished) {
        return (start, cycle)
      }
    }
    return nil
  }

  private static func cycle(
    from start: String, uses: [String: [String]], finished: inout Set<String>
  ) -> [String]? {
    var onPath: Set<String> = [start]
    var stack: [(name: String, next: Int)] = [(start, 0)]
    while let top = stack.last {
      let used = uses[top.name] ?? []
      if top.next < used.count {
        stack[stack.count - 1].next += 1
        let child = used[top.next]
        if onPath.contains(child) {
          let from = stack.firstIndex { $0.name == child } ?? 0
          return stack[from...].map(\.name) + [child]
        }
        if !finished.contains(child) {
          onPath.insert(child)
          stack.append((child, 0))
        }
      } else {
        finished.insert(top.name)
        onPath.remove(top.name)
        stack.removeLast()
      }
    }
    return nil
  }

  /// A cycle for a message: each name with an arrow, a long one cut in the middle.
  static func describe(_ cycle: [String]) -> String {
    guard cycle.count > 12 else { return cycle.joined(separator: " → ") }
    let head = cycle.prefix(5).joined(separator: " → ")
    let tail = cycle.suffix(5).joined(separator: " → ")
    return "\(head) → … (\(cycle.count - 10) more) … → \(tail)"
  }
}
