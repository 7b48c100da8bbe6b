import Foundation
import ReputaStoreTesting
import Testing

/// `reputa flags` on the demo, checked against snapshots/truth.json (the generator's record of
/// which reviews are urgent complaints and of which category), the on-call workflow, and a
/// flag resolved by a reply that arrives with a later fetch.
@Suite struct FlagsTests {
    /// A copy of the fetched demo store, so each test's workflow steps are its own.
    func demoCopy(_ temp: TempFolder, _ engine: Engine = .sqlite) throws -> String {
        try testStore(engine, in: temp, copying: CompareTests.demoStore)
    }

    func flags(_ store: String, _ extra: [String] = []) throws -> [[String: Any]] {
        // The whole history unless the test asks for a status (the default lists unresolved flags only).
        let status = extra.contains("--status") ? [] : ["--status", "all"]
        let out = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json"] + status + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout)
    }

    static let competitorSources: Set<String> = ["vesuvio-tripadvisor", "lupa-tripadvisor"]

    @Test(arguments: Engine.allCases) func demoUrgentFlagsAreExactlyTheGeneratorsUrgentComplaints(_ engine: Engine) throws {
        let truth = try DemoTests.truth()
        let temp = try TempFolder()
        let list = try flags(try demoCopy(temp, engine))
        var byID: [String: [String: Any]] = [:]
        for flag in list { byID[try #require(flag["review_id"] as? String)] = flag }

        var expectedUrgent: [String: String] = [:]
        var praise: [String: Int] = [:]
        var lowRated = 0
        for (source, reviews) in truth.reviews where !Self.competitorSources.contains(source) {
            for r in reviews where (r["deleted"] as? Bool) != true {
                let id = try #require(r["id"] as? String)
                if r["urgent"] as? Bool == true {
                    expectedUrgent[id] = try #require(r["urgent_category"] as? String)
                    // Answered complaints are recorded as flagged and resolved by the reply.
                    #expect(byID[id]?["status"] as? String == ((r["replied"] as? Bool) == true ? "resolved" : "open"), "\(id)")
                }
                let rating = try #require(r["rating"] as? Int)
                if rating == 5 {
                    praise[r["language"] as? String ?? "", default: 0] += 1
                    #expect(byID[id] == nil, "five-star review \(id) was flagged: \(byID[id]?["reasons"] ?? "")")
                }
                if rating <= 2 {
                    lowRated += 1
                    #expect(byID[id] != nil, "\(rating)★ review \(id) was not flagged")
                }
            }
        }
        let urgent = list.filter { $0["level"] as? String == "urgent" }
        var foundUrgent: [String: String] = [:]
        for flag in urgent {
            foundUrgent[try #require(flag["review_id"] as? String)] = (flag["categories"] as? [String])?.first
        }
        #expect(expectedUrgent.count == 12)
        #expect(foundUrgent == expectedUrgent)
        #expect(praise["it", default: 0] >= 100 && praise["en", default: 0] >= 50, "\(praise)")
        #expect(lowRated > 200)
        // No competitor review is ours to answer.
        #expect(list.allSatisfy { !Self.competitorSources.contains($0["source"] as? String ?? "") })
        // Every flag says why, and when it is due.
        for flag in list {
            #expect((flag["reasons"] as? [String])?.isEmpty == false)
            #expect((flag["due_at"] as? String)?.hasSuffix("Z") == true)
        }
    }

    @Test(arguments: Engine.allCases) func failOnUrgentAndTheOnCallWorkflow(_ engine: Engine) throws {
        let temp = try TempFolder()
        let store = try demoCopy(temp, engine)
        let config = CompareTests.demoConfig
        let openUrgent = try flags(store, ["--level", "urgent", "--status", "open"])
        #expect(openUrgent.count == 3)
        let gate = try reputa(["flags", "--config", config, "--store", store, "--fail-on", "urgent"])
        #expect(gate.status == 3)
        #expect(gate.stderr.contains("3 unresolved flag(s) at urgent or above"), "\(gate.stderr)")
        // Overdue: unresolved and past the deadline (UTC ISO text sorts as time).
        let now = ISO8601DateFormatter().string(from: Date())
        let late = try flags(store).filter { $0["status"] as? String != "resolved" && ($0["due_at"] as? String ?? "") < now }
        let overdue = try flags(store, ["--status", "overdue"])
        #expect(overdue.count == late.count && late.count > 100)
        #expect(overdue.allSatisfy { $0["overdue"] as? Bool == true })

        let first = try #require(openUrgent.first?["id"] as? Int)
        #expect(try reputa(["flags", "ack", "\(first)", "--by", "anna", "--config", config, "--store", store]).status == 0)
        #expect(try reputa(["flags", "assign", "\(first)", "--to", "marco", "--by", "anna", "--config", config, "--store", store]).status == 0)
        let shown = try reputa(["flags", "show", "\(first)", "--format", "json", "--config", config, "--store", store])
        let card = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(card["status"] as? String == "acked" && card["assignee"] as? String == "marco")
        let events = try #require(card["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["action"] as? String } == ["flagged", "acked", "assigned"])
        #expect(events.compactMap { $0["by"] as? String } == ["reputa", "anna", "anna"])
        let text = try reputa(["flags", "show", "\(first)", "--config", config, "--store", store])
        #expect(text.stdout.contains("why") && text.stdout.contains("history"), "\(text.stdout)")

        // Acknowledged is not resolved: the gate stays shut until all three are resolved.
        #expect(try reputa(["flags", "--config", config, "--store", store, "--fail-on", "urgent"]).status == 3)
        for flag in openUrgent {
            let id = try #require(flag["id"] as? Int)
            let done = try reputa(["flags", "resolve", "\(id)", "--note", "called the customer", "--by", "anna",
                                   "--config", config, "--store", store])
            #expect(done.status == 0 && done.stdout == "flag \(id) resolved\n")
        }
        #expect(try reputa(["flags", "--config", config, "--store", store, "--fail-on", "urgent"]).status == 0)
        #expect(try flags(store, ["--status", "resolved", "--level", "urgent"]).count == 12)

        let missing = try reputa(["flags", "show", "999999", "--config", config, "--store", store])
        #expect(missing.status == 64 && missing.stderr.contains("no flag 999999"), "\(missing.stderr)")
        #expect(try reputa(["flags", "--status", "later", "--config", config, "--store", store]).status == 64)
    }

    @Test func aReplyInALaterFetchResolvesTheFlag() throws {
        let temp = try TempFolder()
        let header = "id,date,stars,title,text,reply,reply_date\n"
        let hostile = "\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\") Pessimo, \u{1B}[2J mai più\""
        try temp.write("exports/2026-11-01.csv", header + "r1,2026-11-01 12:00:00,1,Intossicazione,\(hostile),,\n"
                       + "r2,2026-11-01 13:00:00,5,Top,Cena perfetta,,\n")
        let config = try temp.write("sources.yml", """
            version: 1
            store: s.sqlite
            timezone: Europe/Rome
            sources:
              - name: shop
                kind: csv
                path: exports/*.csv
                timezone: UTC
                map: {id: id, date: date, rating: stars, title: title, text: text, reply: reply, reply_date: reply_date}
            flags:
              sla: {urgent: 2h}
              routes:
                - {channel: oncall, level: urgent}
            """)
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let open = try jsonArray(try reputa(["flags", "--config", config, "--format", "json"]).stdout)
        #expect(open.count == 1)
        let flag = try #require(open.first)
        #expect(flag["level"] as? String == "urgent" && flag["categories"] as? [String] == ["food_safety"])
        #expect(flag["channels"] as? [String] == ["oncall"])
        #expect(flag["due_at"] as? String == "2026-11-01T14:00:00Z") // created 12:00Z + 2 h, calendar time
        #expect(flag["text"] as? String == "=HYPERLINK(\"http://evil\",\"x\") Pessimo, \u{1B}[2J mai più")
        let csv = try reputa(["flags", "--config", config, "--format", "csv"]).stdout
        #expect(csv.contains("'=HYPERLINK") && !csv.contains(",=HYPERLINK"))
        let table = try reputa(["flags", "--config", config]).stdout
        #expect(!table.contains("\u{1B}") && table.contains("urgent"))

        // The next export carries the business's reply, three hours later.
        try temp.write("exports/2026-11-02.csv", header
                       + "r1,2026-11-01 12:00:00,1,Intossicazione,\(hostile),Ci dispiace molto,2026-11-01 15:00:00\n"
                       + "r2,2026-11-01 13:00:00,5,Top,Cena perfetta,,\n")
        #expect(try reputa(["fetch", "--config", config]).status == 0)
        let after = try reputa(["flags", "--config", config, "--format", "json", "--status", "resolved"])
        #expect(after.stderr.contains("1 resolved by a public reply"), "\(after.stderr)")
        let resolved = try #require(try jsonArray(after.stdout).first)
        #expect(resolved["resolution"] as? String == "reply")
        #expect(resolved["response_minutes"] as? Int == 180)
        #expect(try reputa(["flags", "--config", config, "--fail-on", "urgent"]).status == 0)
    }
}
