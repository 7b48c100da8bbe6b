import ArgumentParser
import Foundation
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ReputaOutput
import ReputaStore

struct FlagsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one flag: the review, why it was flagged, its deadline, channels and history.",
        discussion: "JSON is one object with the keys of `reputa flags --format json` plus `events` (at, action, by, note).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The flag's number (the id column of `reputa flags`).")
    var id: Int64

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else { throw ValidationError("flags show prints table or json") }
    }

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            let store = try global.openStore(config)
            let flag = try global.existingFlag(id, in: store)
            let events = try store.flagEvents(id: id)
            let now = Clock.now()
            Console.out(FlagCard.render(flag, events: events, now: now, zone: config?.timezone ?? "UTC", json: format == .json,
                                       configured: config.map { Set($0.notifications.channels.map(\.name)) }))
            return .ok
        }
    }
}
