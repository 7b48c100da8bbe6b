import Foundation
import ReputaCore
import ReputaOutput
import Yams

/// The `serve:` section: the inbox's public address (alerts link flags there), its language
/// and how long a sign-in lasts.
///
///     serve:
///       base_url: https://inbox.example.com
///       lang: it
///       session: 12h
extension ConfigLoader {
    static let serveKeys = ["base_url", "lang", "session"]

    func serveSection(_ node: Node?) throws -> Configuration.ServeSection {
        var section = Configuration.ServeSection()
        guard let node else { return section }
        let m = try mapping(node, "serve")
        try checkKeys(m, allowed: Self.serveKeys, path: "serve")
        for (key, value) in m.pairs {
            let path = "serve.\(key)"
            switch key {
            case "base_url":
                var url = try string(value, path)
                while url.hasSuffix("/") { url.removeLast() }
                guard url.hasPrefix("https://") || url.hasPrefix("http://"), let parsed = URL(string: url), parsed.host != nil,
                      parsed.query == nil, parsed.fragment == nil else {
                    throw error(value, path, "\"\(url)\" is not an http(s) address like https://inbox.example.com")
                }
                section.baseURL = url
            case "lang":
                let lang = try string(value, path)
                // The inbox speaks the report's languages.
                guard ReportLanguage.named(lang) != nil else { throw error(value, path, "\"\(lang)\" is not a page language (en, it)") }
                section.lang = lang
            default:
                let text = try string(value, path)
                guard let seconds = Self.duration(text), seconds >= 60 else {
                    throw error(value, path, "\"\(text)\" is not a duration like 8h or 1d")
                }
                section.sessionSeconds = seconds
            }
        }
        return section
    }
}
