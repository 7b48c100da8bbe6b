import Foundation
import Testing

/// The documentation cannot drift from the binary: every command and every option `reputa`
/// accepts (read from its own `--experimental-dump-help`) is in docs/commands.md, and every
/// example marked runnable in README.md and docs/ runs on the demo.
@Suite struct DocsDriftTests {
    static let commandsPage = packageRoot.appendingPathComponent("docs/commands.md")

    /// Command paths ("flags assign") and their long options, from the binary.
    static func commandTree() throws -> [(path: String, options: [String])] {
        let dump = try reputa(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var out: [(String, [String])] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let options = (command["arguments"] as? [[String: Any]] ?? []).flatMap { argument in
                (argument["names"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
            }.filter { !["help", "version", "experimental-dump-help"].contains($0) }.map { "--" + $0 }
            if !path.isEmpty, path != ["help"] { out.append((path.joined(separator: " "), options)) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return out
    }

    /// The options every command takes (`GlobalOptions`): documented once, not in each row.
    static let global: Set<String> = ["--config", "--store", "--verbose"]

    /// The page's table rows that document `path`: for a top-level command, the rows that name
    /// "reputa PATH"; for a subcommand, the rows that name "PARENT SUB" (or "PARENT [SUB]", a
    /// default subcommand written optional).
    static func rows(of path: String, in page: String) -> [String] {
        let words = path.split(separator: " ")
        let forms = words.count > 1
            ? [path, words.dropLast().joined(separator: " ") + " [\(words.last!)]"]
            : ["reputa \(path) ", "reputa \(path)`", "reputa \(path)]"]
        return page.split(separator: "\n").map(String.init).filter { row in row.hasPrefix("|") && forms.contains { row.contains($0) } }
    }

    /// What the page lacks: a command without a row of its own, or an option missing from its
    /// command's rows (global options: from the whole page).
    static func missing(_ tree: [(path: String, options: [String])], in page: String) -> [String] {
        tree.flatMap { command -> [String] in
            let rows = Self.rows(of: command.path, in: page)
            guard !rows.isEmpty else { return ["command \(command.path)"] }
            let text = rows.joined(separator: "\n")
            return command.options.filter { option in
                // An option is a whole word: --store must not be found inside --store-x.
                (global.contains(option) ? page : text).range(of: option + "(?![a-z-])", options: .regularExpression) == nil
            }.map { "option \($0) of \(command.path)" }
        }
    }

    /// Options the page writes that no command takes (an option removed from the code).
    static func invented(_ tree: [(path: String, options: [String])], in page: String) -> [String] {
        let known = Set(tree.flatMap(\.options) + ["--help", "--version"])
        // "--name" not inside a longer word: preceded by neither a letter, a digit nor '-'.
        let written = page.matches(of: /(^|[^\w-])(--[a-z][a-z0-9-]*)/.anchorsMatchLineEndings()).map { String($0.output.2) }
        return Set(written).subtracting(known).sorted().map { "option \($0) is documented but no command takes it" }
    }

    @Test func everyCommandAndOptionIsInTheCommandsPage() throws {
        let tree = try Self.commandTree()
        #expect(tree.count > 30 && tree.contains { $0.path == "store backup" } && tree.contains { $0.path == "forget" })
        let page = try String(contentsOf: Self.commandsPage, encoding: .utf8)
        let missing = Self.missing(tree, in: page)
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
        // The check sees a command or an option that disappears from the page.
        let withoutBackup = page.replacingOccurrences(of: "reputa store backup", with: "reputa store b-a-c-k-u-p")
        #expect(Self.missing(tree, in: withoutBackup).contains("command store backup"))
        let withoutTimezone = page.replacingOccurrences(of: "--timezone", with: "--time-zone")
        #expect(Self.missing(tree, in: withoutTimezone).contains("option --timezone of import"))
        // And the other way: the page names no option the binary does not take.
        #expect(Self.invented(tree, in: page).isEmpty, "\(Self.invented(tree, in: page))")
        #expect(Self.invented(tree, in: withoutTimezone) == ["option --time-zone is documented but no command takes it"])
    }

    /// The lines of every ```sh runnable block in README.md and docs/*.md.
    static func runnableExamples() throws -> [(page: String, line: String)] {
        var pages = ["README.md"]
        pages += try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var out: [(String, String)] = []
        for page in pages {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(page), encoding: .utf8)
            var inBlock = false
            for line in text.components(separatedBy: "\n") {
                if line.hasPrefix("```") {
                    inBlock = !inBlock && line.hasPrefix("```sh runnable")
                    continue
                }
                if inBlock, !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix("#") { out.append((page, line)) }
            }
        }
        return out
    }

    @Test func everyRunnableExampleRunsOnTheDemo() throws {
        let examples = try Self.runnableExamples()
        #expect(examples.count >= 6, "\(examples)")
        let temp = try TempFolder()
        let store = temp.path("demo.sqlite")
        let run = try reputa(["run", "--config", packageRoot.appendingPathComponent("sources.yml").path, "--store", store])
        try #require(run.status == 0, "\(run.stderr)")
        let binary = URL(fileURLWithPath: reputaBinary).deletingLastPathComponent().path
        for (page, line) in examples {
            // As a reader runs it from the repository, with this build as `reputa` and
            // `.build/debug/reputa`, the demo store, and files it writes under var/ kept in temp.
            let command = line.replacingOccurrences(of: ".build/debug/reputa", with: "reputa")
                .replacingOccurrences(of: " var/", with: " \(temp.url.path)/")
            let out = try execute("/bin/sh", ["-c", "PATH=\(binary):$PATH REPUTA_STORE=\(store) " + command], cwd: packageRoot)
            #expect(out.status == 0, "\(page): \(line)\n\(out.stderr)")
        }
    }
}
