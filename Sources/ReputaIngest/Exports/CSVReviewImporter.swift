import Foundation
import ReputaCore

/// A generic CSV review export read through a column mapping (`field=Column`). Without a
/// mapping, columns are matched by common names (`rating`, `Star Rating`, `Valutazione`, …).
/// A row that cannot be read is reported with its line and skipped; the rest is imported.
public struct CSVReviewImporter: StreamingImporter {
    /// Review fields a column can be mapped to.
    public static let fields = ["id", "rating", "title", "text", "author", "date", "updated", "reply",
                                "reply_date", "location", "url", "language", "helpful", "version", "author_reviews"]
    static let required = ["rating", "date"]

    /// Header names recognized without a mapping (lower-cased).
    static let aliases: [String: [String]] = [
        "id": ["id", "review id", "review_id", "reviewid"],
        "rating": ["rating", "stars", "star rating", "review stars", "review_stars", "score", "valutazione", "voto"],
        "title": ["title", "review title", "review_title", "titolo"],
        "text": ["text", "review", "review text", "review content", "review_text", "content", "comment", "body", "recensione"],
        "author": ["author", "review username", "username", "reviewer", "review_author", "autore"],
        "date": ["date", "created", "created_at", "review created (utc)", "review submit date and time", "review_date", "data"],
        "updated": ["updated", "updated_at", "review last update date and time"],
        "reply": ["reply", "reply content", "business reply content", "developer reply text", "company response", "risposta"],
        "reply_date": ["reply_date", "reply date", "company reply date (utc)", "business reply date (utc)", "developer reply date and time", "data risposta"],
        "location": ["location", "location name", "sede"],
        "url": ["url", "link", "review link"],
        "language": ["language", "review language", "reviewer language", "lingua"],
        "helpful": ["helpful", "helpful_votes", "helpful votes"],
        "version": ["version", "app version name"],
        "author_reviews": ["author_reviews", "author reviews", "author review count", "reviewer review count",
                           "contributions", "number of reviews", "recensioni autore", "contributi"],
    ]

    /// How a portal's own export maps onto review fields; several presets cover the variants of
    /// one export (the first whose required columns are all in the header wins). A mapping in
    /// sources.yml or on the command line overrides them field by field: a mapped field reads
    /// its column, every other field keeps the export's own (and its scale, zone and touches).
    public struct Preset: Sendable {
        /// field → column; `Column?` may be missing. Empty: match columns by common names.
        public var mapping: [String: String]
        /// The portal's fixed scale (Booking's 0–10), else the source's.
        public var scale: RatingScale?
        /// The zone the export writes times in (Trustpilot's "(UTC)" columns), else the source's.
        public var zone: String?
        /// A row without a rating is skipped rather than kept unrated.
        public var requireRating: Bool
        /// Numeric dates are month first (`8/3/2017` is 3 August), as US-made exports write them.
        public var monthFirst = false
        /// Portal-specific touches on a read review, with the row's cells by column name.
        public var adjust: (@Sendable (inout Review, (String) -> String) -> Void)?

        public init(mapping: [String: String] = [:], scale: RatingScale? = nil, zone: String? = nil,
                    requireRating: Bool = false, adjust: (@Sendable (inout Review, (String) -> String) -> Void)? = nil) {
            self.mapping = mapping
            self.scale = scale
            self.zone = zone
            self.requireRating = requireRating
            self.adjust = adjust
        }
    }

    public var presets: [Preset]

    public init(presets: [Preset] = []) { self.presets = presets }

    /// A delimiter as written in sources.yml or on the command line: `,` `;` `tab` (or `\t`).
    public static func delimiter(named name: String) -> String? {
        let resolved = name == "tab" || name == "\\t" ? "\t" : name
        return [",", ";", "\t"].contains(resolved) ? resolved : nil
    }

    public func stream(_ input: ByteInput, origin: String, charset: String?, source descriptor: SourceDescriptor,
                       into sink: any ReviewSink) throws -> PageInfo {
        var source = descriptor
        func fail(_ place: String, _ message: String) -> ParseError {
            ParseError(source: source.name, place: place, message: message)
        }
        do {
            var reader = try CSVReader(UTF8Stream(input), delimiter: source.delimiter?.utf8.first,
                                       maxFieldBytes: source.maxFieldBytes ?? CSVReader.defaultMaxFieldBytes)
            guard let header = try reader.next() else { throw fail(origin, "empty file") }
            if let refusal = header.refusal {
                throw fail("\(origin):\(refusal.line):\(refusal.column)", "header: " + refusal.message(columns: []))
            }
            let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if header.fields.count == 1, columns[0].isEmpty { throw fail(origin, "empty file") }
            let preset = choosePreset(columns, mapped: Set(descriptor.mapping.keys))
            var byName = descriptor.mapping.isEmpty
            if let preset {
                // The export's own columns, with the user's mapping laid over them field by field.
                source.mapping = preset.mapping.merging(descriptor.mapping) { _, mine in mine }
                byName = preset.mapping.isEmpty
                if let scale = preset.scale { source.scale = scale }
                if let zone = preset.zone { source.timezone = zone }
            }
            let index = try columnIndex(columns: columns, source: source, origin: origin, byName: byName)
            let slots = Slots(index)
            let monthFirst = preset?.monthFirst ?? false
            var rows = 0
            let zone = TimeZone(identifier: source.timezone) ?? .gmt
            while let record = try reader.next() {
                rows += 1
                if let refusal = record.refusal {
                    sink.skip(RowProblem(place: "\(origin):\(refusal.line):\(refusal.column)", message: refusal.message(columns: columns)))
                    continue
                }
                guard record.fields.count == columns.count else {
                    sink.skip(RowProblem(place: "\(origin):\(record.line)",
                        message: "row has \(record.fields.count) fields, the header has \(columns.count)"))
                    continue
                }
                do {
                    var r = try review(record.fields, slots: slots, source: source, zone: zone, monthFirst: monthFirst)
                    if preset?.requireRating == true, r.rating == nil {
                        let column = index["rating"].map { columns[$0] } ?? "rating"
                        throw RowFailure(message: "column \"\(column)\" is empty; this export always has a rating")
                    }
                    if let adjust = preset?.adjust {
                        let fields = record.fields
                        adjust(&r) { name in
                            columns.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }.map { CellText.clean(fields[$0]) } ?? ""
                        }
                    }
                    try sink.add(r)
                } catch let problem as RowFailure {
                    sink.skip(RowProblem(place: "\(origin):\(record.line)", message: problem.message))
                }
            }
            if rows == 0 { throw fail("\(origin):\(header.line)", "no reviews: the file has a header only") }
            return PageInfo()
        } catch let failure as CSVReader.Failure {
            throw fail("\(origin):\(failure.line):\(failure.column)", failure.message)
        } catch let failure as TextDecoder.Failure {
            switch failure {
            case let .invalidUTF8(line, column):
                throw fail("\(origin):\(line):\(column)", "not valid UTF-8 and no byte-order mark says otherwise")
            case .invalidUTF16:
                throw fail(origin, failure.description)
            }
        } catch let failure as InputError {
            throw fail(failure.place, failure.message)
        }
    }

    struct RowFailure: Error { var message: String }

    /// The first preset whose required columns are all present (fields the user mapped need not
    /// be); the first preset otherwise, so the missing-column error names what that export
    /// should have had.
    func choosePreset(_ columns: [String], mapped: Set<String> = []) -> Preset? {
        guard let first = presets.first else { return nil }
        return presets.first { preset in
            preset.mapping.allSatisfy { field, spec in
                mapped.contains(field) || spec.hasSuffix("?") || columns.contains { $0.caseInsensitiveCompare(spec) == .orderedSame }
            }
        } ?? first
    }

    /// field → column position, validated against the header. `byName`: columns are first
    /// matched by their common names, then the mapping (if any) points fields elsewhere.
    func columnIndex(columns: [String], source: SourceDescriptor, origin: String, byName: Bool? = nil) throws -> [String: Int] {
        let found = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        var index: [String: Int] = [:]
        if byName ?? source.mapping.isEmpty {
            let lower = columns.map { $0.lowercased() }
            for (field, names) in Self.aliases {
                if let i = lower.firstIndex(where: { names.contains($0) }) { index[field] = i }
            }
        }
        if !source.mapping.isEmpty {
            for (field, spec) in source.mapping.sorted(by: { $0.key < $1.key }) {
                // `Column?` marks a column that older variants of an export lack (Google Play's
                // 14-column files have no "Reviewer Language").
                let optional = spec.hasSuffix("?")
                let column = optional ? String(spec.dropLast()) : spec
                guard Self.fields.contains(field) else {
                    throw ParseError(source: source.name, place: origin,
                                     message: "mapping names unknown field \"\(field)\" (fields: \(Self.fields.joined(separator: ", ")))")
                }
                guard let i = columns.firstIndex(of: column) ?? columns.firstIndex(where: {
                    $0.caseInsensitiveCompare(column) == .orderedSame
                }) else {
                    if optional { continue }
                    throw ParseError(source: source.name, place: "\(origin):1",
                                     message: "column \"\(column)\" (mapped to \(field)) not found; columns found: \(found)")
                }
                index[field] = i
            }
        }
        for field in Self.required where index[field] == nil {
            throw ParseError(source: source.name, place: "\(origin):1",
                             message: "no column for \(field) (map one with --map \(field)=Column); columns found: \(found)")
        }
        return index
    }

    /// Column positions by field, in `fields` order (-1: not mapped), so a row's cells are
    /// found by array index rather than by hashing a field name per cell.
    struct Slots {
        let positions: [Int]

        init(_ index: [String: Int]) {
            positions = CSVReviewImporter.fields.map { index[$0] ?? -1 }
        }

        static let id = 0, rating = 1, title = 2, text = 3, author = 4, date = 5, updated = 6, reply = 7,
                   replyDate = 8, location = 9, url = 10, language = 11, helpful = 12, version = 13,
                   authorReviews = 14
    }

    func review(_ row: [String], slots: Slots, source: SourceDescriptor, zone: TimeZone,
                monthFirst: Bool = false) throws -> Review {
        func value(_ slot: Int) -> String {
            let i = slots.positions[slot]
            // Line breaks inside quoted text are stored as "\n" whatever the file used.
            return i < 0 ? "" : CellText.clean(row[i])
        }
        func date(_ slot: Int) throws -> Timestamp? {
            let raw = value(slot)
            if raw.isEmpty { return nil }
            guard let t = DateText.parse(raw, zone: zone, monthFirst: monthFirst) else {
                throw RowFailure(message: "\(Self.fields[slot]) is \"\(raw)\", not a date")
            }
            return t
        }
        let ratingRaw = value(Slots.rating)
        var rating: Rating? = nil
        if !ratingRaw.isEmpty {
            guard let r = RatingText.parse(ratingRaw, defaultScale: source.scale) else {
                throw RowFailure(message: "rating is \"\(ratingRaw)\", not a rating on \(source.scale)")
            }
            rating = r
        }
        guard let created = try date(Slots.date) else { throw RowFailure(message: "date is empty") }
        let title = value(Slots.title), text = value(Slots.text), author = value(Slots.author)
        var id = value(Slots.id)
        if id.isEmpty {
            id = "h:" + StableHash.hex([created.utcISO, author, title, text])
        }
        let rawLocation = value(Slots.location)
        let location = rawLocation.isEmpty ? source.location : (source.locationAliases[rawLocation] ?? rawLocation)
        var language = value(Slots.language)
        if !language.isEmpty {
            language = language.lowercased()
            if let cut = language.firstIndex(where: { $0 == "_" || $0 == "-" }) { language = String(language[..<cut]) }
        } else {
            language = LanguageDetector.detect(title, text)
        }
        return Review(
            source: source.name, portal: source.portal, externalID: id, location: location,
            competitor: source.competitor, rating: rating, title: title, text: text, language: language,
            author: author, createdAt: created, updatedAt: try date(Slots.updated) ?? created,
            replyText: value(Slots.reply), replyAt: try date(Slots.replyDate), url: value(Slots.url),
            helpfulVotes: Self.count(value(Slots.helpful)), appVersion: value(Slots.version),
            authorReviews: Self.count(value(Slots.authorReviews)))
    }

    /// A counter as people write it: the first number in the cell, thousands separated by
    /// `.`, `,` or a space ("1.234 contributi", "1,234 reviews", "12 people found this
    /// helpful"); nil when there is none.
    static func count(_ raw: String) -> Int? {
        guard let start = raw.firstIndex(where: Self.isDigit) else { return nil }
        var digits = ""
        var index = start
        while index < raw.endIndex {
            let c = raw[index]
            let next = raw.index(after: index)
            if Self.isDigit(c) {
                digits.append(c)
            } else if [".", ",", " ", "\u{00A0}", "\u{202F}"].contains(c), next < raw.endIndex, Self.isDigit(raw[next]) {
                // a separator only between digits
            } else {
                break
            }
            index = next
        }
        return Int(digits)
    }

    static func isDigit(_ c: Character) -> Bool {
        ("0"..."9").contains(c)
    }
}
