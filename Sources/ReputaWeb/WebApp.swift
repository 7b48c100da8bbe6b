import Foundation
import Synchronization
import Hummingbird
import Logging
import ReputaConfig
import ReputaCore
import ReputaStore

/// `reputa serve`: the on-call inbox over one store, through the same store functions as the
/// CLI (`flags`, `updateFlag`): no second copy of the flag lifecycle. Nothing a second
/// instance needs lives in this process: sessions, users and failed sign-ins are in the store.
public final class WebApp: Sendable {
    /// The store's connections: one for SQLite (its own pool serves readers at once), several
    /// for PostgreSQL, whose client runs one transaction at a time per connection; each request
    /// takes the next in turn.
    let stores: [any SQLStore]
    private let turn = Atomic<UInt>(0)
    var store: any SQLStore { stores[Int(turn.add(1, ordering: .relaxed).oldValue % UInt(stores.count))] }
    let config: Configuration
    let settings: ServeSettings
    let files: WebFiles
    let logger: Logger
    /// What `/healthz` adds under `watch --serve`: the age of the last cycle, in seconds.
    let cycleAge: (@Sendable () -> Int?)?
    let metrics = InboxMetrics()

    public init(stores: [any SQLStore], config: Configuration, settings: ServeSettings, logger: Logger,
                cycleAge: (@Sendable () -> Int?)? = nil) throws {
        precondition(!stores.isEmpty)
        self.stores = stores
        self.config = config
        self.settings = settings
        self.files = try WebFiles.load()
        self.logger = logger
        self.cycleAge = cycleAge
    }

    /// The application, ready to run as a service (`runService()`, or in a `ServiceGroup`);
    /// `onRunning` gets the port it listens on (the one the system chose for port 0).
    public func application(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: LatencyMiddleware(metrics: metrics))
        router.get("healthz") { _, _ in try await self.health() }
        router.get("static/:name") { _, context in try self.staticFile(context.parameters.require("name")) }
        router.get("login") { request, context in try await self.signInPage(request, context) }
        router.post("login") { request, context in try await self.signIn(request, context) }
        router.get("metrics") { request, context in
            // A scraper with the token, else an admin over every location (the figures cover them all).
            if self.scraperToken(request) { return try await self.metricsPage(request, context) }
            return try await SessionGate(app: self).handle(request, context: context) { request, context in
                guard let user = context.session?.user, user.role == .admin, user.locations.isEmpty else {
                    return self.message("not_allowed", context, status: .forbidden)
                }
                return try await self.metricsPage(request, context)
            }
        }
        let gated = router.group().add(middleware: SessionGate(app: self))
        gated.post("logout") { request, context in try await self.signOut(request, context) }
        gated.get("/") { request, context in try await self.queuePage(request, context) }
        gated.get("api/flags") { request, context in try await self.queueJSON(request, context) }
        gated.get("flags/:id") { request, context in try await self.flagPage(request, context) }
        gated.get("api/flags/:id") { request, context in try await self.flagJSON(request, context) }
        gated.post("flags/:id/:step") { request, context in try await self.flagStep(request, context) }
        return Application(router: router,
                           configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
                           onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) },
                           logger: logger)
    }

    // MARK: Pieces every page uses

    /// The language of `context`'s user, else the server's.
    func lang(_ context: WebContext) -> String {
        if let own = context.session?.user.lang, WebStrings.languages.contains(own) { return own }
        return settings.lang
    }

    /// `template` rendered with `values` plus what every page shows (strings, user, CSRF token).
    func page(_ template: String, _ values: [String: Any], _ context: WebContext, status: HTTPResponse.Status = .ok) -> Response {
        let lang = lang(context)
        var all = values
        all["t"] = WebStrings.all(lang)
        all["lang"] = lang
        if let session = context.session {
            all["user"] = session.user.name
            all["csrf"] = session.csrf
        }
        let html = files.templates.render(Self.present(all), withTemplate: template) ?? "template \(template) is missing"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `values` without empty texts and nils, at every depth: a template's `{{#name}}` section
    /// then shows only when there is something to show (mustache counts "" as present).
    static func present(_ values: [String: Any]) -> [String: Any] {
        func clean(_ value: Any) -> Any? {
            switch value {
            case let text as String: return text.isEmpty ? nil : text
            case let map as [String: Any]: return present(map)
            case let list as [[String: Any]]: return list.map(present)
            case let list as [String]: return list.filter { !$0.isEmpty }
            case let optional as String?: return optional.flatMap { $0.isEmpty ? nil : $0 }
            default: return value
            }
        }
        return values.compactMapValues(clean)
    }

    /// A short page that says `key` (an error, a refusal).
    func message(_ key: String, _ context: WebContext, status: HTTPResponse.Status) -> Response {
        page("message", ["title": WebStrings.text(key, lang(context))], context, status: status)
    }

    func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    func staticFile(_ name: String) throws -> Response {
        guard let file = files.statics[name] else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "max-age=3600"],
                        body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// `/healthz`: 200 when the store answers (and, under `watch --serve`, the age of the last
    /// cycle), 503 when it does not. No session needed; says nothing about reviews.
    func health() async throws -> Response {
        let store = self.store
        do {
            try await blocking { try store.reading { db in _ = try db.fetch("SELECT 1 AS one", []) } }
        } catch {
            logger.error("healthz: the store does not answer: \(error)")
            return json(#"{"status":"store unreachable"}"#, status: .serviceUnavailable)
        }
        if let age = cycleAge?() { return json(#"{"status":"ok","last_cycle_age_seconds":\#(age)}"#) }
        return json(#"{"status":"ok"}"#)
    }

    /// The time zone flags at `location` are read in.
    func zone(of location: String) -> String {
        config.locations.first { $0.id == location }?.timezone ?? config.timezone
    }

    /// The location's name; reviews tied to no location (an Amazon product) say so.
    func locationName(_ id: String, lang: String) -> String {
        id.isEmpty ? WebStrings.text("no_location", lang) : config.locations.first { $0.id == id }?.name ?? id
    }
}
