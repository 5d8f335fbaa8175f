import Foundation
import IR

/// `git -C DIR rev-parse --short HEAD`, started at once and read when needed,
/// so the provenance header's git call runs beside the work of `compile` or
/// `run` instead of before it. Plain posix_spawn and a pipe: Foundation's
/// Process added a monitoring thread and milliseconds of its own.
final class GitRevisionQuery {
    static let unversioned = "unversioned"

    private var pid: pid_t = 0
    private var output: Int32 = -1
    private var answer: String?

    init(directory: String) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            answer = Self.unversioned
            return
        }
        // Close-on-exec, so no other child of this process inherits them.
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)  // the copy loses close-on-exec
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = ["/usr/bin/env", "git", "-C", directory, "rev-parse", "--short", "HEAD"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        close(ends[1])
        if status == 0 {
            output = ends[0]
        } else {
            close(ends[0])
            answer = Self.unversioned
        }
    }

    deinit {
        if answer == nil { _ = revision(timeout: 0) }  // never asked: stop and reap git
    }

    /// The short revision, or `unversioned` when git is missing, the folder is
    /// not in a repository, or git has not answered within `timeout` seconds.
    func revision(timeout: Double = 2) -> String {
        if let answer { return answer }
        var text: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        var timedOut = false
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            let remaining = now >= deadline ? 0 : Int32(min(Double(deadline - now) / 1e6, 2_000_000).rounded(.up))
            var ready = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, remaining)
            if polled < 0 && errno == EINTR { continue }
            if polled <= 0 {
                timedOut = true
                break
            }
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }  // end of output
            text += chunk[..<n]
        }
        close(output)
        if timedOut { kill(pid, SIGTERM) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitedCleanly = !timedOut && status & 0x7F == 0 && (status >> 8) & 0xFF == 0
        let revision = String(decoding: text, as: UTF8.self).trimmingSpacesAndNewlines
        answer = exitedCleanly && !revision.isEmpty ? revision : Self.unversioned
        return answer!
    }
}
