/// On or off, as `.timer` is spelt.
enum Switch: String, CaseIterable {
  case on
  case off
}
