import Foundation
import Testing

/// The on-call list and steps on a copy of the demo store, through the real binary: the default
/// list holds only what still needs someone, the filters agree with the full list filtered here,
/// and comment and reopen go into the history with who did them.
@Suite struct FlagsWorkflowTests {
    func list(_ store: String, _ extra: [String], environment: [String: String] = [:]) throws -> [[String: Any]] {
        let out = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json"] + extra,
                             environment: environment)
        #expect(out.status == 0, "\(out.stderr)")
        return try jsonArray(out.stdout)
    }

    func ids(_ flags: [[String: Any]]) -> [Int] { flags.compactMap { $0["id"] as? Int } }

    @Test func theDefaultListIsUnresolvedAndFiltersCombine() throws {
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        let all = try list(store, ["--status", "all"])
        let unresolved = try list(store, [])
        #expect(!unresolved.isEmpty && all.count > unresolved.count)
        // The same order as the full list, without the resolved ones.
        #expect(ids(unresolved) == ids(all.filter { $0["status"] as? String != "resolved" }))

        let roma = try list(store, ["--location", "roma"])
        #expect(!roma.isEmpty && ids(roma) == ids(unresolved.filter { $0["location"] as? String == "roma" }))
        let both = try list(store, ["--location", "roma", "--location", "milano", "--status", "all"])
        #expect(ids(both) == ids(all.filter { ["roma", "milano"].contains($0["location"] as? String ?? "") }))

        let waiting = try list(store, ["--portal", "google", "--topic", "waiting_time", "--status", "all"])
        let expected = all.filter { $0["portal"] as? String == "google" && (($0["topics"] as? [String]) ?? []).contains("waiting_time") }
        #expect(!waiting.isEmpty && ids(waiting) == ids(expected))

        let food = try list(store, ["--category", "food_safety", "--status", "all"])
        #expect(!food.isEmpty && ids(food) == ids(all.filter { (($0["categories"] as? [String]) ?? []).contains("food_safety") }))

        // Search in title or text, any case; % and _ are taken literally.
        let word = "vongole"
        let found = try list(store, ["--search", word.uppercased(), "--status", "all"])
        let holding = all.filter { (($0["title"] as? String ?? "") + " " + ($0["text"] as? String ?? "")).lowercased().contains(word) }
        #expect(!found.isEmpty && ids(found) == ids(holding))
        #expect(try list(store, ["--search", "%", "--status", "all"]).count
                == all.filter { (($0["title"] as? String ?? "") + ($0["text"] as? String ?? "")).contains("%") }.count)

        let unknown = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--location", "nowhere"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--location \"nowhere\" is not a configured location; locations: milano, roma, napoli, app"), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("flags:"), "the pass ran before the check: \(unknown.stderr)")
    }

    @Test func assignCommentResolveReopenWithTheirAuthors() throws {
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        let open = try list(store, ["--status", "open"])
        let id = try #require(open.first?["id"] as? Int)
        func step(_ args: [String], _ environment: [String: String] = [:]) throws -> Outcome {
            let out = try reputa(["flags"] + args + ["--config", CompareTests.demoConfig, "--store", store], environment: environment)
            #expect(out.status == 0, "\(args): \(out.stderr)")
            return out
        }
        _ = try step(["assign", "\(id)", "--to", "giulia", "--by", "marco"])
        #expect(ids(try list(store, ["--assignee", "giulia"])) == [id])
        #expect(ids(try list(store, ["--mine"], environment: ["REPUTA_USER": "giulia"])) == [id])
        #expect(!ids(try list(store, ["--assignee", ""])).contains(id))
        _ = try step(["comment", "\(id)", "--note", "called the customer"], ["REPUTA_USER": "giulia"])
        _ = try step(["resolve", "\(id)", "--note", "refunded", "--by", "giulia"])
        #expect(!ids(try list(store, [])).contains(id))
        let reopened = try step(["reopen", "\(id)", "--note", "the customer wrote again", "--by", "marco"])
        #expect(reopened.stdout == "flag \(id) reopened\n")
        #expect(ids(try list(store, ["--status", "open"])).contains(id))
        let again = try step(["reopen", "\(id)", "--by", "marco"])
        #expect(again.stdout == "flag \(id) was not resolved (open); noted\n")

        let shown = try reputa(["flags", "show", "\(id)", "--config", CompareTests.demoConfig, "--store", store, "--format", "json"])
        let card = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(card["status"] as? String == "open" && card["resolution"] is NSNull)
        let events = try #require(card["events"] as? [[String: Any]]).map {
            "\($0["action"] as? String ?? "") by \($0["by"] as? String ?? ""): \($0["note"] as? String ?? "")"
        }
        #expect(Array(events.suffix(5)) == [
            "assigned by marco: to giulia", "commented by giulia: called the customer", "resolved by giulia: refunded",
            "reopened by marco: the customer wrote again", "reopened by marco: not resolved (open); ",
        ])

        // Nobody named: refused, nothing recorded.
        let anonymous = try reputa(["flags", "comment", "\(id)", "--note", "x", "--config", CompareTests.demoConfig, "--store", store],
                                   environment: ["USER": "", "REPUTA_USER": ""])
        #expect(anonymous.status == 64 && anonymous.stderr.contains("who is acting? give --by NAME, or set $REPUTA_USER"),
                "\(anonymous.stderr)")
        let after = try reputa(["flags", "show", "\(id)", "--config", CompareTests.demoConfig, "--store", store, "--format", "json"])
        let card2 = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect((card2["events"] as? [Any])?.count == events.count)
    }
}
