import Foundation
import ReputaCore
import ReputaIngest

/// The commented sources.yml `reputa init` writes: the locations given, and one source per file
/// with the kind, delimiter and mapping `reputa inspect` proposes for it (KindGuess), each with
/// a comment saying what was seen. Every value is written as a JSON string, which YAML reads as
/// it is, whatever the file name holds.
package enum ConfigDraft {
    package struct File {
        package var path: String       // as written in `path:` (relative to the config when under its folder)
        package var name: String       // the source's name
        package var sniffed: KindGuess.Sniffed
        package init(path: String, name: String, sniffed: KindGuess.Sniffed) {
            self.path = path
            self.name = name
            self.sniffed = sniffed
        }
    }

    /// A source's name: its kind (`trustpilot-api`), then `-2`, `-3`… for more files of one kind.
    package static func sourceName(kind: String, taken: Set<String>) -> String {
        var candidate = kind, n = 2
        while taken.contains(candidate) { candidate = "\(kind)-\(n)"; n += 1 }
        return candidate
    }

    /// A YAML double-quoted scalar that reads back as `text` whatever it holds: letters, marks,
    /// digits, punctuation, symbols and the space as they are (so "Caffè" stays readable), `"` and
    /// the backslash escaped, everything else (control and format characters, line and paragraph
    /// separators, NEL, other spaces) as a `\u` or `\U` escape, so nothing can end the value or
    /// change it on the way back.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case _ where scalar == "\"": out += "\\\""
            case _ where scalar == "\\": out += "\\\\"
            case _ where scalar == " ": out += " "
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                 .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                out.unicodeScalars.append(scalar)
            default:
                out += scalar.value <= 0xFFFF ? String(format: "\\u%04X", scalar.value) : String(format: "\\U%08X", scalar.value)
            }
        }
        return out + "\""
    }

    /// The config's text. `locations`: ids, each named after itself; with exactly one, every
    /// source is filed under it.
    package static func render(files: [File], locations: [String], timezone: String, now: Date,
                               store: String = "var/reputa.sqlite", snapshots: String = "snapshots") -> String {
        let day = ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withFullDate])
        var out = """
            # Reputa configuration, version 1, written by `reputa init` on \(day).
            # Every key is explained in docs/configuration.md; check this file with `reputa check`.
            version: 1
            store: \(quoted(store))   # a SQLite file (relative to this file), or a postgres:// URL
            snapshots: \(quoted(snapshots))   # every payload kept byte for byte, one folder per source
            timezone: \(quoted(timezone))   # reporting weeks, and times a source writes without a zone

            """
        if locations.isEmpty {
            out += "locations: []                   # add {id: milano, name: Milano, aliases: [...]} per place\n"
        } else {
            out += "locations:\n"
            for id in locations { out += "  - id: \(quoted(id))\n    name: \(quoted(id.prefix(1).uppercased() + id.dropFirst()))\n" }
        }
        out += "\nsources:\n"
        if files.isEmpty { out += "  []\n" }
        for file in files {
            out += "\n"
            for fact in file.sniffed.facts { out += "  # \(fact.label): \(commentSafe(fact.value))\n" }
            guard let p = file.sniffed.proposal else {
                out += "  # no kind reads \(commentSafe(file.path)): \(commentSafe(file.sniffed.note ?? "")); fill in kind and map by hand\n"
                out += "  # - name: \(file.name)\n  #   kind: csv\n  #   path: \(commentSafe(quoted(file.path)))\n"
                continue
            }
            out += "  # reads \(p.reviews) reviews (\(p.skipped) rows skipped) as \(p.kind)\n"
            out += "  - name: \(file.name)\n    kind: \(p.kind)\n    path: \(quoted(file.path))\n"
            if locations.count == 1 { out += "    location: \(quoted(locations[0]))\n" }
            else { out += "    # location: one of the ids above (or a `location` column in the map)\n" }
            if let d = p.delimiter { out += "    delimiter: \(quoted(d))\n" }
            if p.kind == "google-play-scraper" {
                out += "    timezone: UTC                  # the zone of the machine that ran the scraper (see docs/sources.md)\n"
            }
            if !p.mapping.isEmpty {
                out += "    map:\n"
                for (field, column) in p.mapping.sorted(by: { $0.key < $1.key }) { out += "      \(field): \(quoted(column))\n" }
            }
            out += "    every: 1d                       # how often `reputa watch` reads it again\n"
        }
        return out
    }

    /// A comment line cannot be ended early: anything but printable characters (control and
    /// format characters, U+2028/U+2029, NEL, which YAML may take as line breaks) becomes a space.
    package static func commentSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: " "
            default: scalar
            }
        }))
    }
}
