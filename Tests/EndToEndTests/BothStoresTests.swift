import Foundation
import ReputaStoreTesting
import Testing

/// Every command on the demo data answers the same on a SQLite file and on PostgreSQL: the
/// SQLite answers are checked against the generator's truth elsewhere (DemoTests, FlagsTests,
/// CompareTests…), so equality here carries those checks over to the PostgreSQL store.
/// Only what differs by nature is set aside: flag numbers (assigned in the order the
/// concurrent fetch workers finish; listings never sort by them), the store's name and the
/// wall-clock time of a run.
@Suite(.serialized) struct BothStoresTests {
    let config = packageRoot.appendingPathComponent("sources.yml").path

    /// A new database on the test server, as a URL without the password, and the environment
    /// that supplies the password.
    static func postgresStore(_ name: String = #function) throws -> (url: String, environment: [String: String]) {
        let server = try TestPostgres.shared.get()
        let location = try server.freshDatabase(name)
        return ("\(server.url)/\(location.database)", ["PGPASSWORD": TestPostgres.password])
    }

    /// One command on one store; it must succeed.
    func run(_ arguments: [String], store: String, _ environment: [String: String]) throws -> String {
        let outcome = try reputa(arguments + ["--config", config, "--store", store], environment: environment)
        #expect(outcome.status == 0, "\(arguments) on \(store): \(outcome.stderr)")
        return outcome.stdout
    }

    /// A JSON document with the keys in `dropping` removed at any depth, rewritten with sorted keys.
    static func canonical(_ json: String, dropping: Set<String>) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !dropping.contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        let data = try JSONSerialization.data(withJSONObject: strip(parsed), options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// Where two answers part: the offset and 200 characters of each from a little before it.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        let at = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
        func excerpt(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 120)], as: UTF8.self)
        }
        return "at byte \(at) of \(x.count) and \(y.count): SQLite …\(excerpt(x))… PostgreSQL …\(excerpt(y))…"
    }

    /// The `Fetch` table of `reputa run --format json`.
    static func fetchTable(_ out: String) throws -> String {
        String(try #require(out.components(separatedBy: "\n\n").first { $0.hasPrefix("Fetch\n") }).dropFirst("Fetch\n".count))
    }

    @Test func everyCommandAnswersTheSameOnBothStores() throws {
        let temp = try TempFolder()
        let (pg, env) = try Self.postgresStore()
        let stores = [temp.path("demo.sqlite"), pg]
        var answers: [String: [String]] = [:]
        func record(_ label: String, _ text: String) { answers[label, default: []].append(text) }

        for store in stores {
            let first = try run(["run", "--format", "json"], store: store, env)
            record("run: fetch counts", try Self.canonical(try Self.fetchTable(first), dropping: []))
            let again = try run(["run", "--format", "json"], store: store, env)
            record("second run: fetch counts", try Self.canonical(try Self.fetchTable(again), dropping: []))
            record("reviews", try run(["reviews", "--format", "json"], store: store, env))
            record("reviews of a source, deleted included", try run(["reviews", "--format", "json", "--source", "aurora-trustpilot",
                                                                    "--include-deleted"], store: store, env))
            // The newest review's age is counted from the wall clock when each store is asked:
            // minutes apart on a loaded machine, so it may round differently (21.2 and 21.3 days).
            record("sources", try Self.canonical(try run(["sources", "--format", "json"], store: store, env),
                                                 dropping: ["last_success", "newest_age_days"]))
            record("compare", try Self.canonical(try run(["compare", "--week", "2026-W46", "--format", "json"], store: store, env),
                                                 dropping: ["generated_at"]))
            record("metrics", try run(["metrics", "--format", "json"], store: store, env))
            let open = try run(["flags", "--format", "json", "--status", "all"], store: store, env)
            record("open flags", try Self.canonical(open, dropping: ["id"]))
            record("resolved flags", try Self.canonical(try run(["flags", "--status", "resolved", "--format", "json"], store: store, env),
                                                        dropping: ["id"]))

            // The on-call steps on the urgent food-safety complaint, found by its review.
            let flags = try #require(try JSONSerialization.jsonObject(with: Data(open.utf8)) as? [[String: Any]])
            let glass = try #require(flags.first { ($0["categories"] as? [String])?.contains("food_safety") == true })
            let id = "\(try #require(glass["id"] as? Int))"
            _ = try run(["flags", "ack", id, "--by", "anna"], store: store, env)
            _ = try run(["flags", "assign", id, "--to", "marco", "--by", "anna"], store: store, env)
            _ = try run(["flags", "resolve", id, "--note", "called the customer", "--by", "marco"], store: store, env)
            record("flag after the on-call steps", try Self.canonical(
                try run(["flags", "show", id, "--format", "json"], store: store, env), dropping: ["id", "at"]))

            // Parsing every stored payload again changes nothing.
            _ = try run(["reparse"], store: store, env)
            record("reviews after reparse", try run(["reviews", "--format", "json"], store: store, env))
        }
        for (label, pair) in answers.sorted(by: { $0.key < $1.key }) {
            #expect(pair.count == 2, "\(label)")
            // Compared first, so a failure shows where the answers part, not two whole documents.
            let same = pair.first == pair.last
            #expect(same, "\(label) differs between SQLite and PostgreSQL: \(Self.firstDifference(pair.first ?? "", pair.last ?? ""))")
            #expect(pair.first.map { $0.count > 20 } == true, "\(label) is empty: \(pair.first ?? "")")
        }
    }
}
