import Foundation

/// Tasks run by the calling thread and `helpers` threads started at once, so
/// a second core is busy from the first task (Dispatch starts its workers
/// lazily, milliseconds late for a run that lasts a few). A task may add
/// follow-up tasks, which start as soon as a thread is free: no group of
/// tasks waits for its slowest member. Tasks report their results themselves,
/// keyed so that the caller can order them independently of scheduling.
final class WorkQueue {
    private var pending: [() -> Void] = []
    private var running = 0
    private var open = true
    private let condition = NSCondition()
    private var helpers: [pthread_t] = []

    init(helpers count: Int) {
        for _ in 0..<max(0, count) {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(self).toOpaque()
            let started = pthread_create(&thread, nil, { context in
                Unmanaged<WorkQueue>.fromOpaque(context!).takeRetainedValue().work()
                return nil
            }, context)
            if started == 0 {
                helpers.append(thread)
            } else {
                Unmanaged<WorkQueue>.fromOpaque(context).release()  // the caller's thread still does everything
            }
        }
    }

    /// Adds a task; safe from any thread, including from inside a task.
    func add(_ task: @escaping () -> Void) {
        condition.lock()
        pending.append(task)
        condition.signal()
        condition.unlock()
    }

    /// The caller adds no more tasks of its own: it works until every task,
    /// including those added meanwhile, has finished, then joins the helpers.
    func finish() {
        condition.lock()
        open = false
        condition.broadcast()
        condition.unlock()
        work()
        for thread in helpers { pthread_join(thread, nil) }
        helpers = []
    }

    private func work() {
        while let task = next() {
            task()
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next task in the order added, waiting while more may come; nil
    /// once nothing is pending or running and the caller has finished adding.
    private func next() -> (() -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && (running > 0 || open) { condition.wait() }
        guard !pending.isEmpty else { return nil }
        running += 1
        return pending.removeFirst()
    }
}
