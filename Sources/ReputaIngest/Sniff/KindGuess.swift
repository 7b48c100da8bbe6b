import Foundation
import ReputaCore

/// What a file looks like and which kind reads it (`reputa inspect FILE` without `--kind`):
/// the encoding, the CSV delimiter and header, the JSON shape or the XML root, then each
/// portal kind tried on the bytes. Importers are pure, so trying them stores nothing. The kind
/// that reads the most reviews wins (a review with a rating counts twice, so the App Store's
/// feed beats the generic feed that also reads the app's own entry); ties go to the order of
/// `Kinds.all`. When no portal kind reads it, the generic `csv` or `json` is proposed with a
/// mapping guessed from the column or key names.
public enum KindGuess {
    public struct Proposal: Equatable, Sendable {
        public var kind: String
        /// `--map` for the generic kinds (field → column or key); empty when the names are enough.
        public var mapping: [String: String] = [:]
        /// `--delimiter`, when the file's is not `,`.
        public var delimiter: String?
        public var reviews = 0
        public var skipped = 0
    }

    public struct Sniffed: Sendable {
        /// One line each: encoding, shape (delimiter, header, JSON shape, XML root).
        public var facts: [(label: String, value: String)] = []
        public var proposal: Proposal?
        /// Why nothing was proposed, or what to check.
        public var note: String?
    }

    /// What the sniffer needs of the sample, read once: its shape as raw bytes (what the
    /// importers see), its JSON document (or, when it is not one document, its JSON lines) with
    /// the nested list's path, and its first line as a CSV header.
    struct Sample {
        let bytes: [UInt8]
        let shape: PayloadShape
        let document: JSONNode?
        let lines: [(JSONNode, Int)]
        let listPath: String?
        let header: (delimiter: String, columns: [String])?

        init(_ bytes: [UInt8], json: Bool) {
            self.bytes = bytes
            shape = PayloadShape.sniff(bytes)
            document = json ? try? JSONNode.parse(bytes, source: "inspect", origin: "") : nil
            lines = json && document == nil ? JSONLines.objects(bytes, origin: "").objects : []
            listPath = document.flatMap(KindGuess.jsonListPath)
            header = CSVHeader.read(bytes)
        }
    }

    /// The most of a file tried: whole files up to this size, else its first part cut at a line
    /// end (CSV and JSON Lines read the same from a part; one JSON document does not).
    public static let sampleBytes = 8 << 20

    /// - Parameters:
    ///   - file: the file's first bytes (at most `sampleBytes`: the caller reads no more).
    ///   - size: the whole file's size, when it is larger than the sample.
    public static func sniff(_ file: [UInt8], fileName: String, size: Int? = nil) -> Sniffed {
        var s = Sniffed()
        var bytes = file
        let sampled = (size ?? file.count) > file.count || file.count > sampleBytes
        if sampled {
            // Cut at a line end (UTF-16: after its two-byte line feed, on an even offset).
            let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            var cut = min(bytes.count, sampleBytes)
            if let lf = bytes[..<cut].lastIndex(of: 10) { cut = lf + 1 }
            if utf16 {
                cut -= cut % 2
            }
            bytes = Array(bytes[..<cut])
            s.facts.append(("sample", "the first \(cut) bytes of \(size ?? file.count)"))
        }
        let encoding: String
        if bytes.starts(with: [0xFF, 0xFE]) { encoding = "UTF-16LE with byte-order mark" }
        else if bytes.starts(with: [0xFE, 0xFF]) { encoding = "UTF-16BE with byte-order mark" }
        else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { encoding = "UTF-8 with byte-order mark" }
        else if (try? TextDecoder.utf8Bytes(bytes)) != nil { encoding = "UTF-8" }
        else { encoding = "not UTF-8 (a feed declaring its encoding is read; CSV and JSON must be UTF-8 or UTF-16)" }
        s.facts.append(("encoding", encoding))
        // UTF-16 is looked at as UTF-8 for its shape (PayloadShape leaves it to libxml2).
        let text = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? (try? TextDecoder.utf8Bytes(bytes)) ?? bytes : bytes
        let textShape = PayloadShape.sniff(text)
        let sample = Sample(bytes, json: textShape == .json || PayloadShape.sniff(bytes) == .json)
        switch textShape {
        case .empty:
            s.note = "the file is empty"
            return s
        case .html:
            s.facts.append(("shape", "an HTML page"))
            s.note = "an HTML page is not an export: save the portal's export or API response instead"
            return s
        case .xml:
            s.facts.append(("shape", "XML, root " + xmlRoot(bytes)))
        case .json:
            s.facts.append(("shape", jsonShape(sample)))
            if sampled, sample.document == nil, sample.lines.isEmpty {
                s.note = "only the first \(bytes.count) bytes were read, and one JSON document cannot be read in part: give --kind"
                return s
            }
        case .other:
            if let header = sample.header {
                let d = header.delimiter == "\t" ? "tab" : "'\(header.delimiter)'"
                s.facts.append(("shape", "CSV, delimiter \(d), \(header.columns.count) columns: "
                                + header.columns.prefix(20).joined(separator: ", ") + (header.columns.count > 20 ? ", …" : "")))
            } else {
                s.facts.append(("shape", "neither CSV, JSON nor XML"))
                s.note = "no kind reads it"
                return s
            }
        }
        s.proposal = bestKind(sample, fileName: fileName) ?? generic(sample, fileName: fileName)
        if s.proposal == nil { s.note = whyNot(bytes, fileName: fileName) }
        return s
    }

    /// Why nothing reads the file: what the generic reader of its shape says of it.
    static func whyNot(_ bytes: [UInt8], fileName: String) -> String {
        let unread = "no kind reads it, and no rating or date column or key was recognized"
        let shape = PayloadShape.sniff(bytes)
        let kind = shape == .xml ? "feed" : shape == .json ? "json" : "csv"
        var source = SourceDescriptor(name: "inspect", kind: kind, portal: kind, timezone: "UTC")
        source.mapping = shape == .json ? ["date": "date", "rating": "rating"] : [:]
        do {
            let batch = try Kinds.named(kind)!.importer.parse(bytes, origin: fileName, source: source)
            return batch.reviews.isEmpty && shape == .xml ? "a feed without entries" : unread
        } catch let error as ParseError {
            return "no kind reads it; kind \(kind) says: \(error.place): \(error.message)"
        } catch {
            return unread
        }
    }

    // MARK: trying the portal kinds

    /// The CSV kinds whose reading is by common column names: tried only when their own header
    /// is there, else any CSV with a `rating` and a `date` column would pass for them.
    static let headerGuards: [String: @Sendable ([String]) -> Bool] = [
        "trustpilot-csv": { $0.contains { $0.hasPrefix("review ") && $0.hasSuffix("(utc)") } },
        "amazon-csv": { $0.contains("productid") || $0.contains("review_stars") },
    ]

    static func descriptor(_ kind: Kind) -> SourceDescriptor {
        SourceDescriptor(name: "inspect", kind: kind.name, portal: kind.portal, timezone: "UTC")
    }

    static func bestKind(_ sample: Sample, fileName: String) -> Proposal? {
        let bytes = sample.bytes
        let header = sample.header.map { $0.columns.map { $0.lowercased() } }
        // The names a scraper kind must recognize: a JSON file's first object's keys, else the header.
        let json = sample.shape == .json
        let names: Set<String> = json ? Set(firstObjectKeys(sample)) : Set(sample.header?.columns ?? [])
        var best: (score: Int, proposal: Proposal)? = nil
        for kind in Kinds.all where !["csv", "json", "rss", "atom"].contains(kind.name) {
            if let guardian = headerGuards[kind.name], json || !(header.map(guardian) ?? false) { continue }
            if let scraper = kind.importer as? ScraperImporter, !scraper.recognizes(names) { continue }
            guard let batch = try? kind.importer.parse(bytes, origin: fileName, source: descriptor(kind)),
                  !batch.reviews.isEmpty else { continue }
            let rated = batch.reviews.filter { $0.rating != nil }.count
            let score = 2 * rated + (batch.reviews.count - rated) - batch.skipped.count
            if score > (best?.score ?? 0) {
                best = (score, Proposal(kind: kind.name, reviews: batch.reviews.count, skipped: batch.skipped.count))
            }
        }
        return best?.proposal
    }

    // MARK: the generic kinds

    /// Names that say which field a column or key holds (lower case, matched as substrings);
    /// the earlier a name, the stronger.
    static let hints: [(field: String, names: [String])] = [
        ("id", ["review_id", "reviewid", "review id", "id", "ref", "uuid"]),
        ("rating", ["rating", "stars", "score", "star", "voto", "valutazione", "note", "bewertung", "puntuación", "puntuacion"]),
        ("date", ["date", "created", "time", "when", "submitted", "data", "datum", "fecha", "published", "at"]),
        ("title", ["title", "titolo", "headline", "summary", "titre", "titel"]),
        ("text", ["text", "review", "comment", "body", "content", "recensione", "commento", "message", "avis"]),
        ("author", ["author", "user", "reviewer", "name", "who", "autore", "nome"]),
        ("reply", ["reply", "response", "risposta", "answer"]),
    ]

    /// field → column for the fields the names suggest, each column used once: whole-name
    /// matches first (any name of the field), then a name inside the column's ("Review Date").
    /// A column whose name holds `,` or `=` cannot be written in `--map` and is left out; an
    /// edit's or a reply's date is not the review's.
    static func guessMapping(_ columns: [String]) -> [String: String] {
        var mapping: [String: String] = [:]
        var used = Set<Int>()
        let lower = columns.map { $0.lowercased() }
        func usable(_ i: Int, for field: String) -> Bool {
            guard !used.contains(i), !lower[i].contains(","), !lower[i].contains("=") else { return false }
            if field == "date" { return !["updat", "modif", "edit", "repl", "respon", "answer"].contains { lower[i].contains($0) } }
            return true
        }
        for (field, names) in hints {
            let pick = names.lazy.compactMap { name in lower.indices.first { lower[$0] == name && usable($0, for: field) } }.first
                ?? names.lazy.compactMap { name in
                    name.count > 2 ? lower.indices.first { lower[$0].contains(name) && usable($0, for: field) } : nil
                }.first
            if let i = pick {
                mapping[field] = columns[i]
                used.insert(i)
            }
        }
        return mapping
    }

    static func generic(_ sample: Sample, fileName: String) -> Proposal? {
        let bytes = sample.bytes
        if sample.shape == .json {
            var batch = ParsedBatch()
            let listPath = sample.listPath
            var source = SourceDescriptor(name: "inspect", kind: "json", portal: "json", timezone: "UTC")
            guard let items = try? GenericJSONImporter.items(bytes, origin: fileName, source: source, list: listPath,
                                                             parsed: sample.document, skipped: &batch.skipped),
                  let first = items.first?.item, let keys = first.keys else { return nil }
            var mapping = guessMapping(keys.sorted())
            guard mapping["date"] != nil, mapping["rating"] != nil || mapping["text"] != nil else { return nil }
            if let listPath { mapping["list"] = listPath }
            source.mapping = mapping
            // What `GenericJSONImporter.parse` does with this mapping, on the items read above.
            GenericJSONImporter.read(items, mapping: mapping, zone: ReviewFields.zone(source), source: source, into: &batch)
            return Proposal(kind: "json", mapping: mapping, reviews: batch.reviews.count, skipped: batch.skipped.count)
        }
        guard let header = sample.header else { return nil }
        var source = SourceDescriptor(name: "inspect", kind: "csv", portal: "csv", timezone: "UTC")
        source.delimiter = header.delimiter
        // The common names first: when they find a rating and a date, no mapping is needed.
        let byName = (try? CSVReviewImporter().columnIndex(columns: header.columns, source: source, origin: fileName)) ?? [:]
        if byName["rating"] == nil || byName["date"] == nil {
            let mapping = guessMapping(header.columns)
            guard mapping["date"] != nil, mapping["rating"] != nil || mapping["text"] != nil else { return nil }
            source.mapping = mapping
        }
        guard let batch = try? CSVReviewImporter().parse(bytes, origin: fileName, source: source), !batch.reviews.isEmpty else { return nil }
        return Proposal(kind: "csv", mapping: source.mapping, delimiter: header.delimiter == "," ? nil : header.delimiter,
                        reviews: batch.reviews.count, skipped: batch.skipped.count)
    }

    // MARK: shapes

    static func jsonShape(_ sample: Sample) -> String {
        if let root = sample.document {
            if let keys = root.keys {
                let list = sample.listPath.map { path in
                    let items = GenericJSONImporter.path(root, path).list
                    return "; the list \(path) holds \(items.count) objects with keys " + (items.first?.keys?.sorted().joined(separator: ", ") ?? "")
                } ?? ""
                return "JSON object with keys " + keys.sorted().joined(separator: ", ") + list
            }
            let items = root.list
            return "JSON list of \(items.count) items" + (items.first?.keys.map { " with keys " + $0.sorted().joined(separator: ", ") } ?? "")
        }
        guard let first = sample.lines.first?.0 else { return "not valid JSON" }
        return "JSON Lines, \(sample.lines.count) objects with keys " + (first.keys?.sorted().joined(separator: ", ") ?? "")
    }

    /// The keys of a JSON file's first review object (the root list's, the nested list's, the
    /// first JSON line's).
    static func firstObjectKeys(_ sample: Sample) -> [String] {
        if let root = sample.document {
            let list = sample.listPath.map { GenericJSONImporter.path(root, $0) } ?? root
            return list.array?.first?.keys ?? root["data"].array?.first?.keys ?? root["reviews"].array?.first?.keys ?? []
        }
        return sample.lines.first?.0.keys ?? []
    }

    /// The dotted path of the first list of objects inside a JSON object (breadth first, three
    /// levels at most); nil for a list at the root or JSON Lines.
    static func jsonListPath(_ root: JSONNode) -> String? {
        guard root.keys != nil else { return nil }
        var level: [(String, JSONNode)] = [("", root)]
        for _ in 0..<3 {
            var next: [(String, JSONNode)] = []
            for (path, node) in level {
                // The names reviews usually sit under first, then the rest in order.
                let preferred = ["reviews", "data", "items", "results", "entries", "records"]
                let keys = (node.keys ?? []).sorted { a, b in
                    let (i, j) = (preferred.firstIndex(of: a) ?? preferred.count, preferred.firstIndex(of: b) ?? preferred.count)
                    return i != j ? i < j : a < b
                }
                for key in keys {
                    let child = node[key], childPath = path.isEmpty ? key : path + "." + key
                    if child.array?.first?.keys != nil { return childPath }
                    if child.keys != nil { next.append((childPath, child)) }
                }
            }
            level = next
        }
        return nil
    }

    /// The root element's name, with its namespace when it has one.
    static func xmlRoot(_ bytes: [UInt8]) -> String {
        var root = "?"
        struct Found: Error {}
        let prepared = FeedText.prepare(bytes, httpCharset: nil)
        _ = try? XMLStreamReader.read(prepared.bytes, url: "", encoding: prepared.libxmlEncoding ?? "UTF-8") { event in
            if case let .start(e) = event {
                root = "<\(e.name)>" + (e.namespace.isEmpty ? "" : " (\(e.namespace))")
                throw Found()
            }
        }
        return root
    }
}
