import Foundation
import Testing

/// A tmpfs of a few pages mounted for one test, to have a disk that is full or read-only.
/// Mounting needs root and the right to mount (CI and this machine have both); where it is
/// refused, the test is cancelled with the reason rather than passing unchecked.
struct TinyDisk {
  /// Where the disk is mounted.
  let path: String

  /// Mounts a tmpfs of `kilobytes` at `folder/disk`.
  init(in folder: String, kilobytes: Int = 64) throws {
    path = folder + "/disk"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let mounted = try Self.run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
    if mounted != 0 {
      try Test.cancel("cannot mount a tmpfs at \(path) (status \(mounted)): needs root")
    }
  }

  /// Fills the disk: a file that takes every block left.
  func fill() {
    _ = FileManager.default.createFile(atPath: path + "/filler", contents: nil)
    guard let filler = FileHandle(forWritingAtPath: path + "/filler") else { return }
    defer { try? filler.close() }
    let block = Data(count: 4096)
    while (try? filler.write(contentsOf: block)) != nil {}
    let byte = Data(count: 1)
    while (try? filler.write(contentsOf: byte)) != nil {}
  }

  /// Mounts the disk again, read-only.
  func makeReadOnly() throws {
    #expect(try Self.run("mount", ["-o", "remount,ro", path]) == 0)
  }

  /// Unmounts the disk.
  func unmount() {
    _ = try? Self.run("umount", ["-l", path])
  }

  private static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
