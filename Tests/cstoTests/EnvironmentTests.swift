import Glibc
import Testing

@testable import csto

/// The environment read by bytes: each name up to its first `=`, as `getenv` reads it.
@Suite(.serialized) struct EnvironmentTests {
  @Test func everyVariableIsWhatGetenvGives() throws {
    setenv("CSTO_ENVIRONMENT_TEST", "a=b==c é “q”", 1)
    setenv("CSTO_ENVIRONMENT_EMPTY", "", 1)
    defer {
      unsetenv("CSTO_ENVIRONMENT_TEST")
      unsetenv("CSTO_ENVIRONMENT_EMPTY")
    }
    let variables = Environment.current()
    #expect(variables["CSTO_ENVIRONMENT_TEST"] == "a=b==c é “q”")
    #expect(variables["CSTO_ENVIRONMENT_EMPTY"] == "")
    #expect(!variables.isEmpty)
    for (name, value) in variables {
      let read = try #require(getenv(name), "\(name) is in the environment")
      #expect(String(cString: read) == value, "\(name)")
    }
    var count = 0
    var entry = environ
    while entry.pointee != nil {
      count += 1
      entry += 1
    }
    #expect(variables.count <= count)
  }
}
