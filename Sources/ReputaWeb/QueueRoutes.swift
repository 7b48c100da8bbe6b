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
    func query(_ p: FormFields, user: WebUser, now: Timestamp) -> FlagQuery? {
        func value(_ name: String) -> String? { p.text(name) }
        var query = FlagQuery(level: value("level").flatMap(FlagLevel.init(rawValue:)))
        (value("status").flatMap(FlagStatusFilter.init(rawValue:)) ?? .unresolved).apply(to: &query, now: now)
        let asked = p.all("location")
        if user.locations.isEmpty {
            query.locations = asked
        } else {
            query.locations = asked.isEmpty ? user.locations : asked.filter(user.locations.contains)
            if query.locations.isEmpty { return nil }
        }
        query.portals = p.all("portal")
        query.topic = value("topic")
        query.category = value("category")
        query.assignee = p["mine"] == "1" ? user.name : value("assignee").map { $0 == "-" ? "" : $0 }
        query.search = p["q"].flatMap { $0.isEmpty ? nil : $0 }
        return query
    }

    /// Flags per queue page.
    static let pageSize = 50

    /// Past this many matching flags the queue says "more than …" instead of counting them all.
    static let countCap = 10_000

    /// One page of the flags a request asks for (`limit` after `offset`), how many match (counted
    /// up to `cap`), the users, and the instant they were read at: one read transaction.
    func queueFlags(_ p: FormFields, _ context: WebContext, limit: Int, offset: Int, cap: Int?)
        async throws -> (flags: [FlaggedReview], total: Int, users: [WebUser], now: Timestamp) {
        let user = context.session!.user, now = Clock.now(), store = self.store
        guard var query = query(p, user: user, now: now) else {
            return ([], 0, try await blocking { try store.users() }, now)
        }
        query.limit = limit
        query.offset = offset
        let page = query
        let read = try await blocking { try store.queuePage(page, countUpTo: cap) }
        return (read.flags, read.total, read.users, now)
    }

    func queuePage(_ request: Request, _ context: WebContext) async throws -> Response {
        let p = FormFields(query: request)
        let page = max(1, min(p["page"].flatMap { Int($0) } ?? 1, 1_000_000))
        // The same filters, another page.
        func pageLink(_ n: Int) -> String {
            var items = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("page=") }.map(String.init)
            items.append("page=\(n)")
            return "/?" + items.joined(separator: "&")
        }

        // One flag more than a page: whether there is a next page, without counting them all.
        let (read, total, users, now) = try await queueFlags(p, context, limit: Self.pageSize + 1, offset: (page - 1) * Self.pageSize,
                                                             cap: Self.countCap)
        let flags = Array(read.prefix(Self.pageSize)), more = read.count > Self.pageSize
        let lang = lang(context), user = context.session!.user
        let capped = total > Self.countCap
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        // Past the end (the queue shrank since the link was made, or a typed address): the last page.
        if !capped, total > 0, page > pages { return redirect(pageLink(pages)) }
        let status = p["status"].flatMap(FlagStatusFilter.init(rawValue:)) ?? .unresolved
        func options(_ items: [(String, String)], selected: [String]) -> [[String: Any]] {
            items.map { ["value": $0.0, "label": $0.1, "selected": selected.contains($0.0)] }
        }
        let locations = config.locations.filter { user.covers(location: $0.id) }.map { ($0.id, $0.name) }
        let portals = Array(Set(config.sources.map(\.descriptor.portal))).sorted().map { ($0, $0) }
        return self.page("queue", [
            "title": WebStrings.text("queue", lang),
            "rows": flags.map { row($0, now: now, lang: lang) },
            "count": capped ? WebStrings.text("count_over", lang, PageFormat.integer(Self.countCap, lang: lang))
                : total == 1 ? WebStrings.text("count_one", lang) : WebStrings.text("count", lang, PageFormat.integer(total, lang: lang)),
            "page": capped ? WebStrings.text("page", lang, String(page))
                : pages > 1 || page > 1 ? WebStrings.text("page_of", lang).replacingOccurrences(of: "%1", with: String(page))
                .replacingOccurrences(of: "%2", with: String(pages)) : "",
            "previous": page > 1 ? pageLink(page - 1) : "",
            "next": more ? pageLink(page + 1) : "",
            "empty": flags.isEmpty,
            "statuses": options(FlagStatusFilter.allCases.map { ($0.rawValue, WebStrings.text("status_" + $0.rawValue, lang)) },
                                selected: [status.rawValue]),
            "levels": options(FlagLevel.allCases.reversed().map { ($0.rawValue, WebStrings.text("level_" + $0.rawValue, lang)) },
                              selected: p.all("level")),
            "locations": options(locations, selected: p.all("location")),
            "portals": options(portals, selected: p.all("portal")),
            "topics": options(config.flags.topics.map { ($0.id, ReasonWords.name(id: $0.id, configured: $0.name, lang: lang)) },
                              selected: p.all("topic")),
            "assignees": options([("-", WebStrings.text("nobody", lang))] + colleagues(of: user, in: users).map { ($0.name, $0.name) },
                                 selected: p.all("assignee")),
            "mine": p["mine"] == "1",
            "q": p["q"] ?? "",
        ], context)
    }

    /// The users `user` may filter by: those who act and work one of `user`'s locations (a Roma
    /// manager is not shown Milano's staff).
    func colleagues(of user: WebUser, in users: [WebUser]) -> [WebUser] {
        users.filter { other in
            other.mayAct && (user.locations.isEmpty || other.locations.isEmpty || other.locations.contains(where: user.locations.contains))
        }
    }

    /// `/api/flags`: the same list as JSON, with the keys of `reputa flags --format json`; at
    /// most `limit` (default and most 1,000) after `offset`; `X-Total-Count` says how many match.
    func queueJSON(_ request: Request, _ context: WebContext) async throws -> Response {
        let p = FormFields(query: request)
        let limit = max(1, min(p["limit"].flatMap { Int($0) } ?? 1000, 1000)), offset = max(0, p["offset"].flatMap { Int($0) } ?? 0)
        let (flags, total, _, now) = try await queueFlags(p, context, limit: limit, offset: offset, cap: nil)
        var response = json(Renderer.render(FlagTable.make(flags, now: now, zone: config.timezone), as: .json))
        response.headers[.xTotalCount] = String(total)
        return response
    }
}
