import Foundation
@testable import ReputaPostgres
import ReputaStore
import ReputaStoreTesting
import Testing

@Suite struct PostgresLocationTests {
    @Test func urlPartsAndTheRedactedForm() throws {
        let location = try PostgresLocation(url: "postgres://ana:s%3Acret@db.example.com:6543/reputa?sslmode=require",
                                            environment: [:])
        #expect(location.host == "db.example.com" && location.port == 6543)
        #expect(location.user == "ana" && location.database == "reputa")
        #expect(location.password == "s:cret")
        #expect(location.tls == .require)
        #expect(location.description == "postgres://ana@db.example.com:6543/reputa")
        let plain = try PostgresLocation(url: "postgresql://ana@localhost/reputa", environment: [:])
        #expect(plain.port == 5432 && plain.tls == .prefer && plain.password == nil)
    }

    @Test func thePasswordComesFromTheEnvironmentOrAPassfile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passfile = folder.appendingPathComponent("pgpass").path
        try """
            # host:port:database:user:password
            other.example.com:5432:*:ana:wrong
            db.example.com:*:reputa:ana:with\\:colon
            *:*:*:*:fallback
            """.write(toFile: passfile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile)
        let url = "postgres://ana@db.example.com/reputa"
        #expect(try PostgresLocation(url: url, environment: ["PGPASSFILE": passfile]).password == "with:colon")
        #expect(try PostgresLocation(url: "postgres://bo@x/y", environment: ["PGPASSFILE": passfile]).password == "fallback")
        // $PGPASSWORD before the file; the URL's own password before both.
        #expect(try PostgresLocation(url: url, environment: ["PGPASSFILE": passfile, "PGPASSWORD": "env"]).password == "env")
        #expect(try PostgresLocation(url: "postgres://ana:mine@db.example.com/reputa",
                                     environment: ["PGPASSWORD": "env"]).password == "mine")
        // Like libpq, a passfile others can read is not used.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: passfile)
        #expect(try PostgresLocation(url: url, environment: ["PGPASSFILE": passfile]).password == nil)
    }

    @Test func aBadURLSaysWhatIsMissingWithoutThePassword() {
        func message(_ url: String) -> String {
            do {
                _ = try PostgresLocation(url: url, environment: [:])
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(message("postgres://ana:topsecret@db.example.com") == "store: postgres://db.example.com: the URL names no database (…/database)")
        #expect(message("postgres://db.example.com/reputa") == "store: postgres://db.example.com/reputa: the URL names no user (postgres://user@host/database)")
        #expect(message("postgres://ana:topsecret@db/r?sslmode=maybe").contains("sslmode \"maybe\" is not disable, prefer or require"))
        #expect(!message("postgres://ana:topsecret@db/r?sslmode=maybe").contains("topsecret"))
        #expect(message("postgres://ana@db/r?timeout=3").contains("unknown URL parameter \"timeout\""))
    }
}
