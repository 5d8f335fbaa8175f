import Analysis
import Foundation

/// One self-overwriting stderr line for long SAE stages ("pair graph 12/78"),
/// at most ~10 redraws a second; `callback` is nil unless stderr is a terminal,
/// so redirected runs and CI logs stay quiet.
final class SAEProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var lastStage = ""
    private var shown = false

    /// The callback to hand to Analysis, or nil when stderr is not a TTY.
    static func callback() -> AnalysisProgress? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        let printer = SAEProgress()
        return { stage, done, total in printer.update(stage, done, total) }
    }

    /// Clears the line (call before printing results).
    static func clear(_ callback: AnalysisProgress?) {
        callback?("", 0, 0)
    }

    private func update(_ stage: String, _ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if stage.isEmpty {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
            return
        }
        let now = Date()
        // Redraw on a new stage, on completion, or every 0.1 s.
        guard stage != lastStage || done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        lastStage = stage
        shown = true
        let percent = total > 0 ? 100 * done / total : 100
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage) \(done)/\(total) (\(percent)%)".utf8))
    }
}
