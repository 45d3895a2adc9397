import ArticleModel
import ArticleQuery

/// Snapshot bytes through the snapshot reader: as given, and again with their length and
/// checksums made right (`ModelSnapshot.resigned`), so that mutations reach the reading of the
/// parts and not only the checksums. Any input must give an error, or a model that writes back to the same bytes and
/// that an engine answers on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  var bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
  check(bytes)
  if bytes.count >= 32 {
    withUnsafeBytes(of: UInt64(bytes.count - 32).littleEndian) {
      bytes.replaceSubrange(16..<24, with: $0)
    }
    if let resigned = ModelSnapshot.resigned(bytes) { check(resigned) }
  }
  return 0
}

private func check(_ bytes: [UInt8]) {
  guard let model = try? bytes.withUnsafeBytes({ try ModelSnapshot.model(from: $0) }) else {
    return
  }
  let header = try! bytes.withUnsafeBytes { try ModelSnapshot.header(of: $0) }
  let again = header.encode(model, sections: model.snapshotSections)
  let decoded = try! again.withUnsafeBytes { try ModelSnapshot.model(from: $0) }
  precondition(
    decoded == model && decoded.snapshotSections == model.snapshotSections,
    "writing and reading changed the model")
  if let engine = try? QueryEngine(model: model) {
    _ = engine.run("everything; facts; count everything")
  }
}
