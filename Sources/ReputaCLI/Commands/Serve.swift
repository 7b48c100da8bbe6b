import ArgumentParser
import Foundation
import Hummingbird
import ReputaCore
import ReputaConfig
import ReputaPostgres
import ReputaStore
import ReputaWeb
import ServiceLifecycle

/// `reputa serve`: the on-call inbox in the browser.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the on-call inbox: flags, their reviews and the on-call steps, in a browser (phone or desktop).",
        discussion: """
        Listens on --listen (loopback by default: put a TLS reverse proxy in front to reach it from \
        phones, docs/inbox.md). Every page needs a signed-in user (`reputa users add`); \
        only /login and /healthz answer without one. Sessions, users and failed sign-ins live in the \
        store, so several `serve` processes on one PostgreSQL store can sit behind one balancer. \
        SIGINT or SIGTERM stops it. Logs go to stderr.
        Exit codes: 0 stopped; 1 store error or the pages' files missing; 64 usage or configuration error.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var inbox: InboxOptions

    func validate() throws { _ = try inbox.settings() }

    func run() async throws {
        try await guardedAsync {
            let config = try global.loadConfig()
            let store = try global.openStore(config, create: true)
            let web = try inbox.application(config: config, store: store, global: global)
            let group = ServiceGroup(configuration: .init(services: [.init(service: web)], gracefulShutdownSignals: [.sigterm, .sigint],
                                                          logger: Console.logger(verbose: global.verbose)))
            try await group.run()
            return .ok
        }
    }
}

/// How the inbox listens and greets: `reputa serve`'s options, and `watch --serve`'s.
struct InboxOptions: ParsableArguments {
    /// Connections to a PostgreSQL store (measured: `make bench`, docs/inbox.md).
    static let postgresConnections = 4

    /// A page language `--lang` may name (the server's, a user's).
    static func checkLang(_ lang: String?) throws {
        if let lang, !WebStrings.languages.contains(lang) {
            throw ValidationError("--lang must be one of \(WebStrings.languages.joined(separator: ", "))")
        }
    }

    @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(help: ArgumentHelp("Page language for users without their own: en or it (default: serve.lang, else en).", valueName: "lang"))
    var lang: String?

    @Option(help: ArgumentHelp("How long a sign-in lasts, 8h or 1d (default: serve.session, else 12h).", valueName: "duration"))
    var session: String?

    @Flag(help: "Mark cookies Secure even without X-Forwarded-Proto: https (implied by an https serve.base_url).")
    var secureCookies = false

    /// The settings: these options, else the config's `serve:` section, else the defaults.
    func settings(_ config: Configuration? = nil) throws -> ServeSettings {
        var settings = ServeSettings(config?.serve ?? .init())
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port),
              colon != listen.startIndex else {
            throw ValidationError("--listen \"\(listen)\" is not host:port (127.0.0.1:8080)")
        }
        settings.host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        settings.port = port
        if let lang {
            try InboxOptions.checkLang(lang)
            settings.lang = lang
        }
        if let session {
            guard let seconds = ConfigLoader.duration(session), seconds >= 60 else {
                throw ValidationError("--session \"\(session)\" is not a duration like 8h or 1d")
            }
            settings.sessionSeconds = seconds
        }
        settings.secureCookies = settings.secureCookies || secureCookies
        return settings
    }

    /// The inbox on `store`, ready to run; it logs where it listens once it does, and how to add
    /// a user when there is none.
    func application(config: Configuration, store: any SQLStore, global: GlobalOptions,
                     cycleAge: (@Sendable () -> Int?)? = nil) throws -> any Service {
        let settings = try settings(config)
        // PostgreSQL: a few connections, as its client runs one transaction at a time on each.
        let path = global.storePath(config)
        let extra = try PostgresLocation.isURL(path) ? (1..<InboxOptions.postgresConnections).map { _ in try global.openStore(named: path) } : []
        let web = try WebApp(stores: [store] + extra, config: config, settings: settings, logger: Console.logger(verbose: global.verbose),
                             cycleAge: cycleAge)
        if try store.users().isEmpty {
            Console.err("reputa: no user can sign in yet: add one with `reputa users add NAME --role admin`")
        }
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host, place = store.place
        return web.application(onRunning: { port in
            Console.err("reputa: serving the on-call inbox on http://\(host):\(port) (store \(place)); SIGINT or SIGTERM stops")
        })
    }
}
