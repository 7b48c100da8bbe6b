import ReputaCore

/// Review text made safe for chat messages. A review must not be able to mention everyone,
/// forge a link, or format itself as an instruction from Reputa.
public enum AlertText {
    /// Slack's mrkdwn: `&`, `<`, `>` become entities (so `<!channel>`, `<@U123>` and
    /// `<https://evil|bank>` cannot be formed), and a bare `@channel`, `@here`, `@everyone`
    /// gets a word joiner after the `@` so no client turns it into a mention.
    public static func slack(_ text: String) -> String { escaped(text, markdown: false) }

    /// Microsoft Teams message cards render Markdown and a little HTML: entities for `& < >`,
    /// a backslash before every Markdown character (`[text](url)` cannot become a link,
    /// `**` cannot shout), and mentions defused as for Slack.
    public static func teams(_ text: String) -> String { escaped(text, markdown: true) }

    /// Adaptive Card `TextRun`s are plain text: control and bidi characters out, mentions
    /// defused as for Slack, and `{{` broken with a word joiner so no text becomes one of the
    /// card's `{{DATE(…)}}` functions.
    public static func adaptive(_ text: String) -> String {
        defuseMentions(clean(text)).replacingOccurrences(of: "{{", with: "{\u{2060}{")
    }

    static func escaped(_ text: String, markdown: Bool) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case _ where markdown && "\\`*_{}[]()#+-!|~".contains(ch):
                out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return defuseMentions(clean(out))
    }

    static func defuseMentions(_ text: String) -> String {
        var out = text
        for word in ["channel", "here", "everyone", "all"] {
            out = out.replacingOccurrences(of: "@" + word, with: "@\u{2060}" + word, options: .caseInsensitive)
        }
        return out
    }

    /// Control characters and bidi overrides out; line breaks kept.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A: out.append(s)
            case 0x09, 0x0D: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// At most `limit` characters, cut at a word with "…".
    public static func excerpt(_ text: String, limit: Int = 500) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
}
