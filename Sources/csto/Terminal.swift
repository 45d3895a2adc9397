#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the shell needs to know about the terminal, if any, behind a file descriptor.
enum Terminal {
  /// Whether `descriptor` is a terminal.
  static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }

  /// The terminal's width in columns, or nil when `descriptor` is not a terminal.
  static func width(of descriptor: Int32) -> Int? {
    size(of: descriptor).map(\.columns)
  }

  /// The terminal's size in columns and rows, or nil when `descriptor` is not a terminal.
  static func size(of descriptor: Int32) -> (columns: Int, rows: Int)? {
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// The widest `$COLUMNS` taken as it is; a larger one (up to `Int.max`) is cut to it, so
  /// that no width sum can overflow.
  static let maximumWidth = 10_000

  /// The width to lay output out in: the terminal's, else `$COLUMNS` (at most
  /// `maximumWidth`), else 80.
  static func outputWidth(of descriptor: Int32, environment: [String: String]) -> Int {
    if let width = width(of: descriptor) { return width }
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
      return min(columns, maximumWidth)
    }
    return 80
  }

  /// Colour only on a terminal, never with `NO_COLOR` set to anything, nor on a dumb
  /// terminal or one that `TERM` does not name.
  static func allowsColor(_ descriptor: Int32, environment: [String: String]) -> Bool {
    guard isTerminal(descriptor) else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    guard let term = environment["TERM"], !term.isEmpty else { return false }
    return term != "dumb"
  }
}
