import Foundation
import Testing

/// `reputa users` through the real binary: passwords only from stdin or the terminal, never
/// stored in clear, weak ones and taken names refused, and a new password or a removal ends the
/// user's sessions in a running `reputa serve`.
@Suite struct UsersTests {
    func users(_ store: String, _ args: [String], password: String? = nil) throws -> Outcome {
        let line = password.map { "printf '%s\\n' '\($0)' | " } ?? ""
        return try execute("/bin/sh", ["-c", line + "\"$0\" users \"$@\"", reputaBinary] + args + ["--config", CompareTests.demoConfig, "--store", store],
                           environment: ["REPUTA_BCRYPT_COST": "4"])
    }

    @Test func usersAreAddedListedChangedAndRemovedAndSessionsEndWithThem() async throws {
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        #expect(try users(store, ["add", "ada", "--password-stdin"], password: "short").status == 64)
        let add = try users(store, ["add", "ada", "--role", "oncall", "--location", "roma", "--password-stdin"], password: ServeTests.password)
        #expect(add.status == 0 && add.stdout.contains("user ada added (oncall, roma)"), "\(add.stderr)")
        let again = try users(store, ["add", "ada", "--password-stdin"], password: ServeTests.password)
        #expect(again.status == 64 && again.stderr.contains("already a user \"ada\""))
        #expect(try users(store, ["add", "bo", "--location", "atlantide", "--password-stdin"], password: ServeTests.password).status == 64)

        let list = try users(store, ["list", "--format", "json"])
        #expect(try jsonArray(list.stdout).map { $0["name"] as? String } == ["ada"])
        #expect(try jsonArray(list.stdout).first?["locations"] as? [String] == ["roma"])
        // The store holds a bcrypt hash, not the password.
        let row = try execute("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT password_hash FROM users').fetchone()[0])", store])
        #expect(row.stdout.hasPrefix("$2") && !row.stdout.contains(ServeTests.password))

        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        let web = WebClient(server.base)
        #expect(try await web.signIn("ada", ServeTests.password).status == 303)
        #expect(try await web.get("/").status == 200)
        // A change of locations and language shows on the next page, in the same session.
        let milano = try #require(try jsonArray(try reputa(["flags", "--config", CompareTests.demoConfig, "--store", store,
                                                             "--format", "json", "--location", "milano"]).stdout).first?["id"] as? Int)
        #expect(try await web.get("/flags/\(milano)").status == 403)
        #expect(try users(store, ["set", "ada", "--all-locations", "--lang", "it"]).status == 0)
        let page = try await web.get("/flags/\(milano)")
        #expect(page.status == 200 && page.body.contains("Torna alle segnalazioni"))
        #expect(try users(store, ["set", "ada"]).status == 64)
        #expect(try users(store, ["set", "nobody", "--role", "viewer"]).status == 64)
        #expect(try users(store, ["passwd", "ada", "--password-stdin"], password: "another long one").status == 0)
        #expect(try await web.get("/").status == 303, "a new password must end the old sessions")
        #expect(try await web.signIn("ada", ServeTests.password).status == 401)
        #expect(try await web.signIn("ada", "another long one").status == 303)
        #expect(try users(store, ["remove", "ada"]).status == 0)
        #expect(try await web.get("/").status == 303)
        #expect(try users(store, ["remove", "ada"]).status == 64)
        #expect(try users(store, ["passwd", "nobody", "--password-stdin"], password: ServeTests.password).status == 64)
    }

    @Test func serveStartsWithNoUserAndSaysHowToAddOne() async throws {
        let temp = try TempFolder()
        let store = try testStore(.sqlite, in: temp, copying: CompareTests.demoStore)
        let server = try ServeProcess(config: CompareTests.demoConfig, store: store)
        #expect(server.log.contains("no user can sign in yet: add one with `reputa users add NAME --role admin`"))
        let web = WebClient(server.base)
        let login = try await web.get("/login")
        #expect(login.status == 200 && login.body.contains("No user can sign in yet"))
        #expect(try await web.get("/").status == 303)
    }
}
