import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaNet
import ReputaOutput
import ReputaStore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports built from the store.",
        subcommands: [Weekly.self])

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The weekly benchmark report: the comparison of `reputa compare`, charts and notable reviews.",
            discussion: """
            html is one self-contained file (inline CSS and SVG charts, no JavaScript, a Content-Security-Policy \
            that forbids scripts and fetches); md is for email and chat; json is the versioned report document \
            (schema reputa.weekly-report/1, docs/report.md); csv has one row per figure and is safe to \
            open in Excel. The report goes to -o FILE, else stdout. --out-dir (or report.out_dir) keeps a dated \
            copy, weekly-<week>-<lang>-<yyyymmdd>.<ext>. --mail sends it (HTML with a plain-text alternative) to \
            report.mail.to over SMTP; the report is written to disk first, so a refused or timed-out server \
            loses nothing.
            Exit codes: 0 ok, 1 store or file error, 4 written but not delivered, 64 usage or configuration error.
            """)

        @OptionGroup var global: GlobalOptions

        @OptionGroup var options: WeekOptions

        @Option(help: "Output format: html, md, json or csv.")
        var format: OutputFormat = .html

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of stdout.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Keep a dated copy in this folder (default: report.out_dir).", valueName: "dir"))
        var outDir: String?

        @Flag(help: "Send the report by mail to report.mail.to, and each location of report.recipients its own.")
        var mail = false

        func validate() throws {
            if format == .table { throw ValidationError("--format table: use `reputa compare` for a terminal table") }
        }

        func run() throws {
            try guarded {
                let config = try global.optionalConfig()
                let language = try options.language(config: config)
                if mail, config?.report.mail == nil {
                    throw ValidationError("--mail needs report.mail (url, from, to) in the configuration")
                }
                let now = Clock.now() // $REPUTA_NOW in tests: the default week and staleness follow it
                let request = try options.request(config: config, now: now)
                let store = try global.openStore(config)
                if let config {
                    // The headline's complaints count the flags as `reputa flags` would show them now:
                    // the same reaction first, without delivery. A store that cannot be written (a
                    // read-only replica) still gets its report, with the flags as last evaluated.
                    do {
                        let reaction = try Reaction.run(try global.context(config, store: store), now: now, deliver: false)
                        Reaction.lines(reaction, config: config).forEach(Console.err)
                    } catch let error as StoreError {
                        Console.err("reputa: warning: flags not brought up to date (\(error)); the report's complaints are as last evaluated")
                    }
                }
                let report = try WeeklyReport.build(store: store, config: config, request: request, language: language, now: now)
                let body = try report.render(format)
                if let output { try WeeklyReport.write(body, to: output) } else if !mail && outDir == nil { Console.out(body) }
                var kept: [String] = output.map { [$0] } ?? []
                if let dir = outDir ?? config?.report.outDir {
                    kept.append(try report.keep(body, in: dir, format: format, now: now))
                }
                if mail, let config {
                    let dir = outDir ?? config.report.outDir ?? ReportSettings.defaultOutDir
                    if kept.isEmpty { kept.append(try report.keep(body, in: dir, format: format, now: now)) }
                    for path in kept { Console.err("reputa: report written to \(path)") }
                    let sent = WeeklyReport.mailAll(report, store: store, config: config, request: request, now: now, keepIn: dir, format: format)
                    sent.lines.forEach { Console.err("reputa: " + $0) }
                    sent.failures.dropFirst().forEach { Console.err("reputa: \($0)") }
                    if let first = sent.failures.first { throw first }
                } else {
                    for path in kept { Console.err("reputa: report written to \(path)") }
                }
                return .ok
            }
        }
    }
}
