import Foundation
import Hummingbird
import ReputaCore
import ReputaOutput
import ReputaPipeline
import ReputaStore

/// The queue: flags most urgent first (as `reputa flags` lists them), filtered by the query's
/// `status`, `level`, `location`, `portal`, `topic`, `assignee` ("-" for nobody), `mine` and
/// `q` (text), and always within the signed-in user's locations.
extension WebApp {
    /// The store query a request asks for, narrowed to `user`'s locations; nil when that leaves
    /// nothing (a scoped user asking only for other locations).
    func query(_ request: Request, user: WebUser, now: Timestamp) -> FlagQuery? {
        let p = request.uri.queryParameters
        func value(_ name: String) -> String? { p.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        var query = FlagQuery(level: value("level").flatMap(FlagLevel.init(rawValue:)))
        (value("status").flatMap(FlagStatusFilter.init(rawValue:)) ?? .unresolved).apply(to: &query, now: now)
        let asked = p.getAll("location").filter { !$0.isEmpty }
        if user.locations.isEmpty {
            query.locations = asked
        } else {
            query.locations = asked.isEmpty ? user.locations : asked.filter(user.locations.contains)
            if query.locations.isEmpty { return nil }
        }
        query.portals = p.getAll("portal").filter { !$0.isEmpty }
        query.topic = value("topic")
        query.category = value("category")
        query.assignee = p.get("mine") == "1" ? user.name : value("assignee").map { $0 == "-" ? "" : $0 }
        query.search = value("q")
        return query
    }

    func queueFlags(_ request: Request, _ context: WebContext) async throws -> (flags: [FlaggedReview], now: Timestamp) {
        let user = context.session!.user, now = Clock.now(), store = self.store
        guard let query = query(request, user: user, now: now) else { return ([], now) }
        return (try await blocking { try store.flags(query) }, now)
    }

    func queuePage(_ request: Request, _ context: WebContext) async throws -> Response {
        let (flags, now) = try await queueFlags(request, context)
        let lang = lang(context), user = context.session!.user, p = request.uri.queryParameters
        let status = p.get("status").flatMap(FlagStatusFilter.init(rawValue:)) ?? .unresolved
        func options(_ items: [(String, String)], selected: [String]) -> [[String: Any]] {
            items.map { ["value": $0.0, "label": $0.1, "selected": selected.contains($0.0)] }
        }
        let locations = config.locations.filter { user.covers(location: $0.id) }.map { ($0.id, $0.name) }
        let portals = Array(Set(config.sources.map(\.descriptor.portal))).sorted().map { ($0, $0) }
        let users = try await blocking { [store] in try store.users() }
        return page("queue", [
            "title": WebStrings.text("queue", lang),
            "rows": flags.map { row($0, now: now, lang: lang) },
            "count": WebStrings.text("count", lang, String(flags.count)),
            "empty": flags.isEmpty,
            "statuses": options(FlagStatusFilter.allCases.map { ($0.rawValue, WebStrings.text("status_" + $0.rawValue, lang)) },
                                selected: [status.rawValue]),
            "levels": options(FlagLevel.allCases.reversed().map { ($0.rawValue, WebStrings.text("level_" + $0.rawValue, lang)) },
                              selected: p.getAll("level")),
            "locations": options(locations, selected: p.getAll("location")),
            "portals": options(portals, selected: p.getAll("portal")),
            "topics": options(config.flags.topics.map { ($0.id, $0.name) }, selected: p.getAll("topic")),
            "assignees": options([("-", WebStrings.text("nobody", lang))] + users.map { ($0.name, $0.name) }, selected: p.getAll("assignee")),
            "mine": p.get("mine") == "1",
            "q": p.get("q") ?? "",
        ], context)
    }

    /// `/api/flags`: the same list as JSON, with the keys of `reputa flags --format json`.
    func queueJSON(_ request: Request, _ context: WebContext) async throws -> Response {
        let (flags, now) = try await queueFlags(request, context)
        return json(Renderer.render(FlagTable.make(flags, now: now, zone: config.timezone), as: .json))
    }
}
