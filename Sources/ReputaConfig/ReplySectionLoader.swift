import Foundation
import ReputaCore
import ReputaOutput
import Yams

/// The `replies:` section: reply templates for the inbox's drafts, and the signature.
///
///     replies:
///       signature: "Lo staff di Aurora"          # or per language: {it: "…", en: "…"}
///       templates:
///         - {lang: it, category: food_safety, text: "Gentile {first_name}, …"}
///         - {lang: en, topic: waiting_time, rating: 1-2, text: "Dear {first_name}, …"}
extension ConfigLoader {
    static let replyKeys = ["signature", "templates"]
    static let replyTemplateKeys = ["lang", "category", "topic", "rating", "text"]

    func replySettings(_ node: Node?, flags: FlagRulesIDs) throws -> ReplySettings {
        var settings = ReplySettings()
        guard let node else { return settings }
        let m = try mapping(node, "replies")
        try checkKeys(m, allowed: Self.replyKeys, path: "replies")
        if let signature = m["signature"] {
            if signature.scalar != nil {
                settings.signature[""] = try string(signature, "replies.signature")
            } else {
                let byLang = try mapping(signature, "replies.signature")
                for (lang, value) in byLang.pairs { settings.signature[lang] = try string(value, "replies.signature.\(lang)") }
            }
        }
        let templates: [Node] = try m["templates"].map { try sequence($0, "replies.templates") } ?? []
        for (i, item) in templates.enumerated() {
            let path = "replies.templates[\(i)]"
            let t = try mapping(item, path)
            try checkKeys(t, allowed: Self.replyTemplateKeys, path: path)
            let lang = try required(t, "lang", in: item, path: path)
            guard lang.count == 2, lang.allSatisfy({ $0.isLowercase }) else {
                throw error(t["lang"], "\(path).lang", "\"\(lang)\" is not a two-letter language code (it, en, fr, de, es)")
            }
            let text = try required(t, "text", in: item, path: path)
            let rest = ReplyTemplate.placeholders.reduce(text) { $0.replacingOccurrences(of: $1, with: "") }
            if let start = rest.firstIndex(of: "{"), let end = rest[start...].firstIndex(of: "}") {
                throw error(t["text"], "\(path).text", "unknown placeholder \(rest[start...end]); placeholders: \(ReplyTemplate.placeholders.joined(separator: ", "))")
            }
            var template = ReplyTemplate(lang: lang, text: text)
            if let node = t["category"] {
                let id = try string(node, "\(path).category")
                guard flags.categories.contains(id) else {
                    throw error(node, "\(path).category", "unknown category \"\(id)\"\(Suggestion.hint(id, flags.categories)); categories: \(flags.categories.joined(separator: ", "))")
                }
                template.category = id
            }
            if let node = t["topic"] {
                let id = try string(node, "\(path).topic")
                guard flags.topics.contains(id) else {
                    throw error(node, "\(path).topic", "unknown topic \"\(id)\"\(Suggestion.hint(id, flags.topics)); topics: \(flags.topics.joined(separator: ", "))")
                }
                template.topic = id
            }
            if let node = t["rating"] {
                let text = try string(node, "\(path).rating")
                let ends: [Double?] = text.split(separator: "-").map { Double(String($0).trimmingCharacters(in: .whitespaces)) }
                guard (1...2).contains(ends.count), let low = ends.first ?? nil, let high = ends.last ?? nil, 1 <= low, low <= high, high <= 5 else {
                    throw error(node, "\(path).rating", "\"\(text)\" is not stars like 1-2 or 3 (on 1–5)")
                }
                template.stars = low...high
            }
            settings.templates.append(template)
        }
        return settings
    }
}

/// The category and topic ids a reply template may name.
struct FlagRulesIDs {
    var categories: [String]
    var topics: [String]
}
