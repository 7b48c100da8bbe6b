import Foundation
import Testing

/// `make install-files` (what `make install` runs after its release build) into a temporary
/// prefix, from the debug build: the binary, a man page `man -l` renders, and completions; bash
/// completes `reputa fl` to `flags`; `make uninstall` removes every file again.
@Suite struct InstallTests {
    @Test func installPutsBinaryManPageAndCompletionsUnderThePrefix() throws {
        let temp = try TempFolder()
        let prefix = temp.path("prefix")
        let debug = URL(fileURLWithPath: reputaBinary).deletingLastPathComponent().path
        try #require(FileManager.default.isExecutableFile(atPath: "\(debug)/generate-manual"),
                     "build generate-manual first: swift build --product generate-manual (make test does)")
        let make = try execute("/usr/bin/make", ["-s", "install-files", "PREFIX=\(prefix)", "BINARY=\(reputaBinary)",
                                                 "GENERATE_MANUAL=\(debug)/generate-manual"], cwd: packageRoot)
        #expect(make.status == 0, "\(make.stdout)\(make.stderr)")
        let installed = ["bin/reputa", "share/man/man1/reputa.1", "share/bash-completion/completions/reputa",
                         "share/zsh/site-functions/_reputa", "share/fish/vendor_completions.d/reputa.fish",
                         "share/reputa/negativity.model", "share/reputa/web/templates"]
        for file in installed {
            #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file)")
        }
        // What the binary ships beside it (found at ../share/reputa from bin/), byte for byte.
        for (shipped, source) in [("share/reputa/web", "Sources/ReputaWeb/web"),
                                  ("share/reputa/negativity.model", "Sources/ReputaAnalysis/Resources/negativity.model")] {
            let diff = try execute("/usr/bin/diff", ["-r", "\(prefix)/\(shipped)", packageRoot.appendingPathComponent(source).path])
            #expect(diff.status == 0, "\(shipped): \(diff.stdout)")
        }
        let version = try reputa(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try execute("\(prefix)/bin/reputa", ["--version"]).stdout == version + "\n")
        #expect(make.stdout.contains("installed reputa \(version) under \(prefix)"), "\(make.stdout)")

        // The page renders, and it documents the commands (generated from their definitions).
        let man = try execute("/usr/bin/man", ["-l", "\(prefix)/share/man/man1/reputa.1"], environment: ["MANPAGER": "cat", "PAGER": "cat", "COLUMNS": "100"])
        #expect(man.status == 0, "\(man.stderr)")
        for word in ["REPUTA(1)", "Review-portal reputation monitor", "forget", "backup", "--timezone"] {
            #expect(man.stdout.contains(word), "\(word) not in the rendered page")
        }

        // Bash completes a command from its first letters.
        let complete = try execute("/bin/bash", ["-c", """
            shopt -s extglob; source "$1"
            COMP_WORDS=(reputa fl); COMP_CWORD=1; COMP_LINE="reputa fl"; COMP_POINT=${#COMP_LINE}
            _reputa reputa fl reputa; echo "${COMPREPLY[*]}"
            """, "bash", "\(prefix)/share/bash-completion/completions/reputa"])
        #expect(complete.stdout == "flags\n", "\(complete.stdout)\(complete.stderr)")

        let uninstall = try execute("/usr/bin/make", ["-s", "uninstall", "PREFIX=\(prefix)"], cwd: packageRoot)
        #expect(uninstall.status == 0)
        for file in installed { #expect(!FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file) left behind") }
    }

    /// The service units: systemd's own checker finds nothing to say (and does on a broken
    /// copy), they keep the promises docs/service.md makes, and every option their ExecStart
    /// gives is one the command takes.
    @Test(arguments: ["reputa-watch", "reputa-serve"]) func theSystemdUnitsVerify(_ name: String) throws {
        let temp = try TempFolder()
        let unit = try String(contentsOf: packageRoot.appendingPathComponent("contrib/systemd/\(name).service"), encoding: .utf8)
        for directive in ["User=reputa", "ReadWritePaths=/var/lib/reputa", "ProtectSystem=strict", "Restart=on-failure",
                          "TimeoutStopSec=", "StandardError=journal", "EnvironmentFile=-/etc/reputa/secrets.env",
                          "ExecStart=/usr/local/bin/reputa "] {
            #expect(unit.contains("\n" + directive), "\(name): no \(directive)")
        }
        // systemd-analyze wants the ExecStart binary to exist: this build stands in for /usr/local/bin/reputa.
        let local = unit.replacingOccurrences(of: "/usr/local/bin/reputa", with: reputaBinary)
        let path = try temp.write("\(name).service", local)
        let verify = try execute("/usr/bin/systemd-analyze", ["verify", "--man=no", path])
        #expect(verify.status == 0 && verify.stderr.isEmpty && verify.stdout.isEmpty, "\(verify.stdout)\(verify.stderr)")
        let broken = try temp.write("broken-\(name).service", local.replacingOccurrences(of: "TimeoutStopSec=", with: "TimeoutStopSec=soon"))
        #expect(try execute("/usr/bin/systemd-analyze", ["verify", "--man=no", broken]).stderr.contains("Failed to parse"))

        let exec = try #require(unit.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let words = exec.dropFirst("ExecStart=/usr/local/bin/reputa ".count).split(separator: " ").map(String.init)
        let help = try reputa([words[0], "--help"]).stdout
        for option in words.dropFirst() where option.hasPrefix("--") {
            #expect(help.contains(option + " "), "\(name): \(words[0]) has no \(option)")
        }
    }
}
