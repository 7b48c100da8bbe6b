import ArgumentParser
import Foundation
import ReputaAnalysis
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput

/// The options `compare` and `report weekly` share: which week, how long a window, which
/// location, which language.
struct WeekOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ISO week, e.g. 2026-W47 (default: the last complete week).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("Weeks in the trailing window, the week itself included (default 12).", valueName: "n"))
    var weeks: Int?

    @Option(help: ArgumentHelp("Only this location id.", valueName: "id"))
    var location: String?

    @Option(help: ArgumentHelp("Labels and numbers: en or it (default: report.lang).", valueName: "lang"))
    var lang: String?

    func validate() throws {
        if let weeks, !(2...104).contains(weeks) { throw ValidationError("--weeks must be 2 to 104") }
    }

    func request(config: Configuration?, now: Timestamp) throws -> CompareRequest {
        try ComparisonLoader.request(week: week, weeks: weeks, location: location, config: config, now: now)
    }

    func language(config: Configuration?) throws -> ReportLanguage { try ReportLanguage.option(lang, config: config) }
}
