import ArgumentParser

/// `reputa store`: work on whole stores.
struct Store: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work on whole stores: copy one into another (SQLite ⇄ PostgreSQL), back a SQLite store up.",
        subcommands: [StoreCopyCommand.self, StoreBackupCommand.self])
}
