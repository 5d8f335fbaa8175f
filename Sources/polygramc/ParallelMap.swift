import Dispatch
import Foundation
import IR

/// Maps over items on up to `threads` worker threads; results keep the
/// items' order, so output built from them does not depend on scheduling.
enum ParallelMap {
    /// `threads` is only evaluated for two or more items (counting cores reads cgroup files).
    static func map<T, R>(_ items: [T], threads: @autoclosure () -> Int, _ body: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(body) }
        let workers = min(max(threads(), 1), items.count)
        guard workers > 1 else { return items.map(body) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let lock = NSLock()
        var next = 0
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                guard i < items.count else { return }
                results[i] = body(items[i])
            }
        }
        return results.map { $0! }
    }

    /// `POLYGRAMC_THREADS` when set to a positive integer, else every core
    /// (read once).
    static let defaultThreads: Int = {
        if let text = getenv("POLYGRAMC_THREADS").map({ String(cString: $0) }), let n = Int(text), n >= 1 { return n }
        return MachineResources.processors
    }()
}
