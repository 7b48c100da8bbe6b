import ArgumentParser
import ReputaOutput
import ReputaStore

/// `reputa store copy --from A --to B`.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy everything one store holds into another, and verify the counts.",
        discussion: """
        Each store is a SQLite file or postgres://user@host:port/db (password from $PGPASSWORD or \
        ~/.pgpass, never printed). Reviews with their revisions, tombstones and routes, snapshots \
        index and ledger, source state, surveys, helpdesk and customer data, flags with their history, \
        and the alert outbox are copied with their ids, in one transaction on the target, and every \
        table is counted on both sides before it commits. Safe to re-run: an empty target is filled, \
        a target that already holds the same counts is verified and left alone, anything else is \
        refused and left untouched. Two copies into one PostgreSQL store at once run one after the \
        other. Worker leases (reputa watch) are not copied. Snapshot files stay in snapshots/: \
        point the config's `snapshots` at the same folder.
        Exit codes: 0 copied or already there, 1 store error (nothing written), 64 usage error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The store to copy: a SQLite file or a postgres:// URL.", valueName: "path|url"))
    var from: String

    @Option(help: ArgumentHelp("The store to fill: a SQLite file or a postgres:// URL.", valueName: "path|url"))
    var to: String

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let source = try global.openStore(named: from)
            let target = try global.openStore(named: to, create: true)
            Console.progress("copying \(source.place) into \(target.place)…")
            let outcome = try StoreCopy.copy(from: source, to: target)
            Console.endProgress()
            let table = DataTable(columns: ["table", "rows", "verified"],
                                  rows: outcome.counts.map { [.text($0.table), .integer($0.rows), .bool(true)] })
            Console.out(Renderer.render(table, as: format))
            Console.err(outcome.copied
                        ? "reputa: copied \(source.place) into \(target.place); every table's count matches"
                        : "reputa: \(target.place) already holds this copy; every table's count matches, nothing written")
            return .ok
        }
    }
}
