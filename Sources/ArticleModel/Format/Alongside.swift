#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work done on a thread of its own while the caller goes on, its result taken with
/// `result()`: the first load of a large model parses its second half on the machine's second
/// core (issue 14). A thread that cannot be started does the work in `result()` instead, so
/// that the caller gets the same value either way, later.
///
/// The work's closure and what it captures are handed to the thread whole: the caller must
/// not touch what the closure changes until `result()` returns, and the closure must read
/// nothing the caller changes meanwhile. That is why the type is `@unchecked Sendable`, and
/// why it is internal: each use says in its own comment what the two threads share (bytes
/// read by both, never written) and what each owns.
final class Alongside<Value>: @unchecked Sendable {
  private var work: (() -> Value)?
  private var value: Value?
  private var thread: pthread_t?

  /// Starts `work` on a new thread.
  init(_ work: @escaping () -> Value) {
    self.work = work
    let start = Unmanaged.passRetained(ThreadStart { [self] in runWork() })
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    // The stack a process's first thread has by default, which a thread of its own gets on
    // Linux but not on Darwin (512 KiB there).
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 8 << 20)
    if pthread_create(&thread, &attributes, startThread, start.toOpaque()) == 0 {
      self.thread = thread
    } else {
      start.release()
    }
    pthread_attr_destroy(&attributes)
  }

  /// A thread whose value was never asked for is joined, so that none is left behind; it is
  /// let go instead when this is its own last hold on the work (it is ending).
  deinit {
    guard let thread else { return }
    if pthread_equal(thread, pthread_self()) != 0 {
      pthread_detach(thread)
    } else {
      pthread_join(thread, nil)
    }
  }

  /// How many threads the machine runs at once: how many pieces work is worth splitting into.
  static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// The work's value, once the thread has ended (or, if it never started, once the work
  /// has been done here).
  func result() -> Value {
    if let thread {
      pthread_join(thread, nil)
      self.thread = nil
    }
    if let work {
      value = work()
      self.work = nil
    }
    return value!
  }

  private func runWork() {
    guard let work else { return }
    value = work()
    self.work = nil
  }
}

/// What a new thread runs: `Alongside`'s work, without its generic type, which a C function
/// cannot name.
private final class ThreadStart {
  let body: () -> Void
  init(_ body: @escaping () -> Void) { self.body = body }
}

#if canImport(Glibc)
  private func startThread(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let pointer else { return nil }
    Unmanaged<ThreadStart>.fromOpaque(pointer).takeRetainedValue().body()
    return nil
  }
#else
  private func startThread(_ pointer: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<ThreadStart>.fromOpaque(pointer).takeRetainedValue().body()
    return nil
  }
#endif
