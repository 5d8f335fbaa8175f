import ArgumentParser
import Foundation
import IR

/// The `polygramc` command: compile dictionaries to Q-Orca machines, verify machines.
struct Polygramc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polygramc",
        abstract: "Compile polygram dictionaries to Q-Orca machines and verify machines by simulation.",
        discussion: "Exit codes: 0 success, 1 a verification failed, 2 unusable input or usage.",
        subcommands: [CompileCommand.self, VerifyCommand.self, RunCommand.self, AnalyzeCommand.self, SAEImportCommand.self])
}

/// Runs the command line with polygramc's exit-code contract: usage errors and
/// unusable input exit 2 (not ArgumentParser's 64), failed verification 1.
@main
enum Entry {
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let job = VerifyJob.fastPath(arguments) {
                try job.run()
                return
            }
            if let job = RunJob.fastPath(arguments) {
                try job.run()
                return
            }
            if let job = CompileJob.fastPath(arguments) {
                try job.run()
                return
            }
            var command = try Polygramc.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            Console.error(error.description)
            exit(2)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Polygramc.exitCode(for: error)
            let message = Polygramc.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            Console.error(message)
            exit(2)
        }
    }
}

/// stderr output.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}
