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
        func cli(_ extra: [String]) throws -> [Int] {
            let out = try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store, "--format", "json"] + extra)
            return try jsonArray(out.stdout).compactMap { $0["id"] as? Int }
        }
        let roma = try cli(["--location", "roma"])
        try #require(roma.count >= 2)
        for (n, (width, height, mobile, flag)) in [(390, 844, true, roma[0]), (1280, 900, false, roma[1])].enumerated() {
            let queue = try cli([]), filtered = try cli(["--location", "roma", "--level", "high"])
            let folder = temp.path("browser\(n)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let run = try execute("/usr/bin/python3", [packageRoot.appendingPathComponent("Tests/EndToEndTests/Support/inbox_browser.py").path,
                                                       server.base, "anna", ServeTests.password, folder, String(width), String(height),
                                                       String(flag)] + (mobile ? ["mobile"] : []))
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

            let show = try reputa(["flags", "show", String(flag), "--config", CompareTests.demoConfig, "--store", store, "--format", "json"])
            let card = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
            let steps = (card["events"] as? [[String: Any]] ?? []).filter { $0["by"] as? String == "anna" }
            #expect(steps.map { $0["action"] as? String ?? "" } == ["acked", "assigned", "commented", "resolved", "reopened"])
            #expect(steps.map { $0["note"] as? String ?? "" }.contains("Chiamato il cliente"))

            for shot in ["queue.png", "flag.png"] {
                let stats = try python("png_stats.py", [folder + "/" + shot])
                let info = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any], "\(stats.stderr)")
                #expect((info["colours"] as? Int ?? 0) > 20 && (info["nonwhite"] as? Double ?? 0) > 0.05, "\(shot) at \(width): \(info)")
            }
        }
    }
}
