import ArgumentParser
import Foundation
import ReputaIngest
import ReputaCore
import ReputaConfig
import ReputaPipeline


/// The `reputa` command: subcommands, one per file.
public struct Reputa: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reputa",
        abstract: "Review-portal reputation monitor: import portal reviews into one store and compare them.",
        discussion: """
        Configuration comes from --config, else $REPUTA_CONFIG, else ./sources.yml. The store is the \
        config's `store`, overridden by --store or $REPUTA_STORE. Logs go to stderr, data to stdout. \
        NO_COLOR turns colour off.

        Exit codes:
          0   success (serve and watch: stopped by SIGINT or SIGTERM)
          1   runtime failure (nothing useful was done: unreadable store, every source failed, bad file)
          2   partial: some sources failed, the others were imported
          3   flags --fail-on LEVEL: unresolved flags of that level or above
          4   the weekly report (or an alert) could not be delivered; it is kept for a retry
          (watch stops on SIGINT or SIGTERM with 0, after the alert in flight)
          64  usage or configuration error
        """,
        version: ReputaVersion.current,
        subcommands: [Init.self, Check.self, Import.self, Inspect.self, Reviews.self, Metrics.self, Compare.self, Report.self, Flags.self, Alerts.self, Fetch.self, Run.self, Watch.self, Reparse.self, Forget.self, Sources.self, Store.self, ScoreText.self, Serve.self, Users.self]
    )

    public init() {}
}
