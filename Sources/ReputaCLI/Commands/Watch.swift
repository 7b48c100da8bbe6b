import ArgumentParser
import Foundation
import Logging
import ReputaCore
import ReputaConfig
import ReputaPipeline
import ServiceLifecycle

/// `reputa watch`: the long-running loop, as a swift-service-lifecycle service.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep watching: poll each source at its `every` (with jitter), flag what is new, deliver alerts.",
        discussion: """
        Each cycle fetches the sources that are due, evaluates new and edited reviews, and delivers the \
        due alerts (retries, held and throttled ones included), then logs one line to stderr. A broken \
        source is logged and retried at its next turn; the others go on. Sources without `every` are \
        polled every --every. The loop wakes at least every --tick to deliver alerts that came due.
        Several watch processes (on one machine or many) can share one store: each cycle a worker \
        claims up to `concurrency` due sources, so each source is fetched by one worker per interval; \
        one worker at a time evaluates flags and delivers alerts. What a worker holds when it dies is \
        taken over after --lease (at once by a worker on the same machine).
        SIGINT or SIGTERM stops it cleanly: the alert being delivered is finished and recorded, \
        transfers in flight are abandoned within about a second (their sources stay due, with no \
        error recorded), nothing else is started, and the exit code is 0. An alert interrupted by a harder stop (kill -9, \
        power loss) is sent again on the next start with the same delivery id.
        With --serve the on-call inbox runs in the same process (`reputa serve`'s options). \
        Exit codes: 0 stopped cleanly; with --cycles, those of `run` for the last cycle (2 some sources \
        failed, 4 an alert undelivered); 1 store error; 64 configuration error.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Poll interval of sources whose config has no `every` (30m, 1h).", valueName: "duration"))
    var every = "1h"

    @Option(help: ArgumentHelp("The longest sleep between cycles (10s, 1m).", valueName: "duration"))
    var tick = "1m"

    @Option(help: ArgumentHelp("How long a claimed source (or the flag pass, or alert delivery) stays this worker's before another may take it over; longer than any one fetch (5m, 15m).", valueName: "duration"))
    var lease = "15m"

    @Option(help: ArgumentHelp("Stop after this many cycles (for cron and tests); default: until stopped.", valueName: "n"))
    var cycles: Int?

    @Flag(help: "Serve the on-call inbox in the same process (as `reputa serve`, with the options below); /healthz then gives the last cycle's age.")
    var serve = false

    @OptionGroup(title: "Inbox (with --serve)") var inbox: InboxOptions

    func validate() throws {
        guard ConfigLoader.duration(every) != nil else { throw ValidationError("--every \"\(every)\" is not a duration like 30m or 1h") }
        guard ConfigLoader.duration(tick) != nil else { throw ValidationError("--tick \"\(tick)\" is not a duration like 10s or 1m") }
        guard let seconds = ConfigLoader.duration(lease), seconds > 0 else {
            throw ValidationError("--lease \"\(lease)\" is not a duration like 5m or 15m")
        }
        if let cycles, cycles < 1 { throw ValidationError("--cycles must be at least 1") }
        if serve { _ = try inbox.settings() }
    }

    func run() async throws {
        try await guardedAsync {
            let config = try global.loadConfig()
            WorkLease.seconds = ConfigLoader.duration(lease)!
            let loop = try WatchLoop(try global.context(config, create: true), defaultEvery: ConfigLoader.duration(every)!,
                                     lease: WorkLease.seconds)
            let service = WatchService(loop: loop, tick: ConfigLoader.duration(tick)!, cycles: cycles)
            let logger = Console.logger(verbose: global.verbose)
            var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
                .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup),
            ]
            if serve {
                let ended = service.lastCycleEnd
                services.append(.init(service: try inbox.application(config: config, store: loop.store, global: global, cycleAge: {
                    ended.value.map { Int(Date().timeIntervalSince($0)) }
                })))
            }
            let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            Console.err("reputa: watching \(config.sources.count) sources (store \(loop.store.place)); SIGINT or SIGTERM stops")
            try await group.run()
            Console.err("reputa: watch stopped after \(loop.cycles) cycle\(loop.cycles == 1 ? "" : "s")")
            return service.lastStatus.value
        }
    }
}
