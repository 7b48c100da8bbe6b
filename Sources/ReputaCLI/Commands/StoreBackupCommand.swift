import ArgumentParser
import Foundation
import ReputaStore

/// `reputa store backup --to FILE`.
struct StoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up a SQLite store to a new file, safely while it is in use.",
        discussion: """
        Uses SQLite's online backup API on the store opened read-only (never migrated): the copy \
        is the store as of one commit, even while \
        `reputa watch` or an import writes to it (a plain `cp` of a live store can miss what is \
        still in its WAL file). The copy is a single file, integrity- and foreign-key-checked \
        before it takes its name; an existing file is never overwritten. To restore, stop every \
        reputa process that uses the store and put the backup in its place (or point --store at \
        it). A PostgreSQL store is backed up with pg_dump, or copied into a SQLite file with \
        `reputa store copy --from URL --to FILE`.
        Exit codes: 0 backed up, 1 store error (nothing left at the target), 64 usage.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The new backup file.", valueName: "file"))
    var to: String

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            guard !FileManager.default.fileExists(atPath: to) else {
                throw ValidationError("--to \(to): a file is already there; a backup never overwrites (choose another name)")
            }
            let path = global.storePath(config)
            guard !path.contains("://") else {
                throw ValidationError("store backup is for a SQLite store; back up PostgreSQL with pg_dump, "
                                      + "or copy it into a SQLite file with `reputa store copy --from URL --to FILE`")
            }
            Console.progress("backing up \(path)…")
            let backup = try SQLiteBackup.run(store: path, to: to)
            Console.endProgress()
            Console.out("backed up \(path) to \(backup.path): \(backup.reviews) reviews, schema v\(backup.schemaVersion), "
                        + String(format: "%.1f MiB", Double(backup.bytes) / 1_048_576) + ", integrity ok\n")
            return .ok
        }
    }
}
