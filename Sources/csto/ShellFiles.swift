/// What the shell's dot-commands do outside the shell: read a script (`.read`) and draw a
/// graph into a file (`.graph`). `system` uses the file system and Graphviz; the fuzz target
/// keeps its files in memory, so that no input can touch the disk.
struct ShellFiles {
  /// The text of the script at a path, or why it cannot be read.
  var readScript: (String) -> Result<String, ScriptFile.Problem>
  /// Draws a DOT text into the file at a path, its format chosen by the path's extension.
  var drawGraph: (String, String) -> Result<Void, Graphviz.Problem>

  /// The real file system, and Graphviz's `dot` found on `PATH`.
  static var system: ShellFiles {
    ShellFiles(
      readScript: ScriptFile.read,
      drawGraph: { text, path in Graphviz.draw(text, to: path) })
  }
}
