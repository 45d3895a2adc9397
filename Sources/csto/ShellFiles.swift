/// What the shell's dot-commands do outside the shell: read a script (`.read`), draw a graph
/// into a file (`.graph`) and write what `.output` and `.once` collected. `system` uses the
/// file system and Graphviz; the fuzz target keeps its files in memory, so that no input can
/// touch the disk.
struct ShellFiles {
  /// The text of the script at a path, or why it cannot be read.
  var readScript: (String) -> Result<String, ScriptFile.Problem>
  /// Draws a DOT text into the file at a path, its format chosen by the path's extension.
  var drawGraph: (String, String) -> Result<Void, Graphviz.Problem>
  /// Writes bytes into the file at a path, whole or not at all.
  var writeOutput: ([UInt8], String) -> Result<Void, OutputFile.Problem> = OutputFile.write

  /// The real file system, and Graphviz's `dot` found on `PATH`.
  static var system: ShellFiles {
    ShellFiles(
      readScript: ScriptFile.read,
      drawGraph: { text, path in Graphviz.draw(text, to: path) })
  }
}
