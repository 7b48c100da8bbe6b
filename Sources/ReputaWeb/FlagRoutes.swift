import Foundation
import Hummingbird
import ReputaCore
import ReputaOutput
import ReputaPipeline
import ReputaStore

/// One flag: its page, its JSON, and the on-call steps posted from the page. Every one checks
/// on the server that the flag is at one of the user's locations (403 otherwise, for the page
/// and the JSON alike) and, for a step, that the role may act and the CSRF token is the session's.
extension WebApp {
    enum Lookup {
        case found(FlaggedReview)
        case refused(Response)
    }

    func lookup(_ context: WebContext, json asJSON: Bool) async throws -> Lookup {
        let user = context.session!.user, store = self.store
        guard let id = context.parameters.get("id", as: Int64.self),
              let flag = try await blocking({ try store.flag(id: id) }) else {
            return .refused(asJSON ? json(#"{"error":"no such flag"}"#, status: .notFound) : message("not_found", context, status: .notFound))
        }
        guard user.covers(location: flag.review.location) else {
            logger.warning("refused: \(user.name) asked for flag \(id) at \(flag.review.location), outside their locations")
            return .refused(asJSON ? json(#"{"error":"not in your locations"}"#, status: .forbidden)
                : message("forbidden", context, status: .forbidden))
        }
        return .found(flag)
    }

    func flagPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let flag: FlaggedReview
        switch try await lookup(context, json: false) {
        case let .refused(response): return response
        case let .found(found): flag = found
        }
        let store = self.store, lang = lang(context), user = context.session!.user
        let (events, users, saved) = try await blocking {
            (try store.flagEvents(id: flag.id), try store.users(), try store.replyDraft(flagID: flag.id))
        }
        var values = detail(flag, events: events, now: Clock.now(), lang: lang)
        // The reply: the saved draft, else one proposed from the templates in the review's language.
        let location = flag.review.location
        let proposed = ReplyDraft.propose(flag, settings: config.replies, locationName: location.isEmpty ? "" : locationName(location, lang: lang))
        values["draft_text"] = saved?.text ?? proposed.text
        values["draft_lang"] = saved?.lang ?? proposed.lang
        values["draft_note"] = saved.map {
            WebStrings.text("draft_saved_by", lang).replacingOccurrences(of: "%1", with: $0.by)
                .replacingOccurrences(of: "%2", with: PageFormat.date($0.at, zone: zone(of: flag.review.location), lang: lang))
        } ?? WebStrings.text("draft_proposed", lang, proposed.lang)
        values["may_act"] = user.mayAct
        values["assignees"] = users.filter { Self.mayWork($0, flag) }.map {
            ["name": $0.name, "selected": $0.name == flag.assignee]
        }
        if let done = FormFields(query: request)["done"], ["ack", "assign", "comment", "resolve", "reopen", "draft"].contains(done) {
            values["done"] = WebStrings.text("done_" + done, lang)
        }
        return page("flag", values, context)
    }

    /// `POST /flags/ID/draft`: keeps the edited reply with the flag (at most 5,000 characters).
    func saveDraft(_ flag: FlaggedReview, form: FormFields, user: WebUser, _ context: WebContext) async throws -> Response {
        // The text as written (leading spaces kept), not blank, at most 5,000 characters.
        guard let text = form["text"], form.text("text") != nil, text.count <= Self.longestNote else {
            return message("bad_request", context, status: .badRequest)
        }
        let lang = form.text("lang").flatMap { $0.count == 2 && $0.allSatisfy(\.isLowercase) ? $0 : nil } ?? flag.review.language
        let store = self.store, id = flag.id, name = user.name
        _ = try await blocking { try store.saveReplyDraft(flagID: id, text: text, lang: lang, by: name, at: Clock.now()) }
        return redirect("/flags/\(id)?done=draft")
    }

    /// The longest note or draft a form may carry, in characters.
    static let longestNote = 5000

    /// Whether `user` may be given `flag` to answer: a role that acts, at one of their locations.
    static func mayWork(_ user: WebUser, _ flag: FlaggedReview) -> Bool {
        user.mayAct && user.covers(location: flag.review.location)
    }

    /// `/api/flags/ID`: the keys of `reputa flags show ID --format json`.
    func flagJSON(_ request: Request, _ context: WebContext) async throws -> Response {
        switch try await lookup(context, json: true) {
        case let .refused(response): return response
        case let .found(flag):
            let store = self.store
            let events = try await blocking { try store.flagEvents(id: flag.id) }
            return json(FlagCard.render(flag, events: events, now: Clock.now(), zone: config.timezone, json: true,
                                        configured: Set(config.notifications.channels.map(\.name))))
        }
    }

    /// `POST /flags/ID/STEP` (ack, assign, comment, resolve, reopen): recorded by the store's
    /// `updateFlag` under the signed-in user's name, as `reputa flags STEP --by NAME` would.
    func flagStep(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let form = try await checkForm(request, context) else {
            logger.warning("refused: a form without its CSRF token (\(request.uri.path), from \(context.remote))")
            return message("bad_request", context, status: .forbidden)
        }
        let user = context.session!.user
        guard user.mayAct else { return message("not_allowed", context, status: .forbidden) }
        let flag: FlaggedReview
        switch try await lookup(context, json: false) {
        case let .refused(response): return response
        case let .found(found): flag = found
        }
        let step = context.parameters.get("step") ?? "", note = form.text("note") ?? ""
        guard note.count <= Self.longestNote else { return message("bad_request", context, status: .badRequest) }
        if step == "draft" { return try await saveDraft(flag, form: form, user: user, context) }
        let action: FlagAction
        switch step {
        case "ack": action = .ack
        case "assign":
            let store = self.store
            guard let to = form.text("to"),
                  let assignee = try await blocking({ try store.users() }).first(where: { $0.name == to }),
                  Self.mayWork(assignee, flag) else { return message("bad_request", context, status: .badRequest) }
            action = .assign(to: assignee.name)
        case "comment":
            guard !note.isEmpty else { return message("bad_request", context, status: .badRequest) }
            action = .comment(note: note)
        case "resolve": action = .resolve(note: note)
        case "reopen": action = .reopen(note: note)
        default: return message("not_found", context, status: .notFound)
        }
        let store = self.store, id = flag.id, name = user.name
        _ = try await blocking { try store.updateFlag(id: id, action: action, actor: name, at: Clock.now()) }
        logger.info("flag \(id): \(step) by \(name)")
        return redirect("/flags/\(id)?done=\(step)")
    }
}
