import Foundation
import Testing

/// The on-call inbox in headless Chromium (Support/inbox_browser.py, Debian's chromium-driver and
/// python3-selenium), at a phone's 390×844 and at desktop width: sign in, the queue in the order
/// `reputa flags` gives, a filter, every on-call step by clicking, each in `reputa flags show`
/// under the user's name; no sideways scrolling on the phone, no console error (a CSP violation
/// would log one), screenshots that are not blank.
@Suite struct ServeBrowserTests {
    @Test func onCallStaffWorkAFlagFromAPhoneAndFromADesktop() throws {
        let temp = try TempFolder()
        let store = try ServeTests.demoStore(temp)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        func cli(_ extra: [String]) throws -> [Int] { try ServeTests.cliIDs(store, extra) }
        let roma = try cli(["--location", "roma"])
        try #require(roma.count >= 2)
        // One flag per portal, for the links each flag page shows (expected addresses by hand).
        let all = try jsonArray(try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json",
                                           "--status", "all"]).stdout)
        var byPortal: [String: [String: Any]] = [:]
        for f in all { if let portal = f["portal"] as? String, byPortal[portal] == nil { byPortal[portal] = f } }
        let linkFlags = ["trustpilot", "amazon", "google-play", "appstore", "google"].compactMap { byPortal[$0]?["id"] as? Int }
        try #require(linkFlags.count == 5)
        for (n, (width, height, mobile, flag)) in [(390, 844, true, roma[0]), (1280, 900, false, roma[1])].enumerated() {
            let queue = try cli([]), filtered = try cli(["--location", "roma", "--level", "high"])
            let folder = temp.path("browser\(n)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let run = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/inbox_browser.py").path,
                                                       server.base, "anna", ServeTests.password, folder, String(width), String(height),
                                                       String(flag)] + (mobile ? ["mobile"] : [])
                                                      + (mobile ? [] : ["--links", linkFlags.map(String.init).joined(separator: ",")]))
            try #require(run.status == 0, "\(run.stderr)")
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect((seen["login_url"] as? String)?.hasPrefix(server.base + "/login") == true)
            #expect(seen["queue"] as? [Int] == Array(queue.prefix(50)), "width \(width)")
            #expect(seen["filtered"] as? [Int] == filtered && !filtered.isEmpty, "width \(width)")
            #expect(seen["done"] as? [String] == ["Acknowledged.", "Assigned.", "Comment added.", "Resolved.", "Reopened."])
            #expect(seen["console"] as? [String] == [], "\(seen["console"] ?? "")")
            #expect(seen["copy_visible"] as? Bool == true && seen["draft_lang"] as? String == "it")
            for (page, sizes) in seen["overflow"] as? [String: [Int]] ?? [:] {
                #expect(sizes.count == 2 && sizes[0] <= sizes[1], "\(page) scrolls sideways at \(width): \(sizes)")
            }
            #expect((seen["history"] as? [String])?.last?.contains("reopened by anna") == true)

            let card = try ServeTests.flagCard(store, flag)
            let steps = (card["events"] as? [[String: Any]] ?? []).filter { $0["by"] as? String == "anna" }
            #expect(steps.map { $0["action"] as? String ?? "" } == ["acked", "assigned", "commented", "resolved", "reopened"])
            #expect(steps.map { $0["note"] as? String ?? "" }.contains("Chiamato il cliente"))

            if !mobile {
                let links = seen["portal_links"] as? [String: [String: Any]] ?? [:]
                func link(_ portal: String, _ kind: String) -> [String] { links[String(byPortal[portal]?["id"] as? Int ?? 0)]?[kind] as? [String] ?? [] }
                let id = { (portal: String) in byPortal[portal]?["review_id"] as? String ?? "?" }
                #expect(link("trustpilot", "review") == ["https://www.trustpilot.com/reviews/\(id("trustpilot"))"])
                #expect(link("amazon", "review") == ["https://www.amazon.it/gp/customer-reviews/\(id("amazon"))"])
                #expect(link("google-play", "reply") == [byPortal["google-play"]?["url"] as? String ?? "?"])
                #expect(link("appstore", "review").first?.hasPrefix("https://itunes.apple.com/") == true)
                #expect(link("google", "review").isEmpty && links[String(byPortal["google"]?["id"] as? Int ?? 0)]?["none"] as? Bool == true)
            }

            for shot in ["queue.png", "flag.png"] {
                let stats = try python("png_stats.py", [folder + "/" + shot])
                let info = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], "\(stats.stderr)")
                #expect((info["colours"] as? Int ?? 0) > 20 && (info["nonwhite"] as? Double ?? 0) > 0.05, "\(shot) at \(width): \(info)")
            }
        }
    }
}
