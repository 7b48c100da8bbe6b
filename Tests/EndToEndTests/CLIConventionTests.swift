import Foundation
import Testing

@Suite struct CLIConventionTests {
    @Test(arguments: [[], ["check"], ["import"], ["inspect"], ["reviews"], ["fetch"], ["run"], ["reparse"]])
    func everyCommandHasHelp(command: [String]) throws {
        let outcome = try reputa(command + ["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("USAGE:"))
        #expect(outcome.stdout.contains("--config"))
    }

    @Test func topLevelHelpDocumentsExitCodes() throws {
        let help = try reputa(["--help"]).stdout
        for line in ["0   success", "1   runtime failure", "2   partial", "64  usage or configuration error"] {
            #expect(help.contains(line))
        }
    }

    @Test func checkRedactsSecrets() throws {
        let temp = try TempFolder()
        let config = try temp.write("sources.yml", """
        version: 1
        sources:
          - name: api
            kind: appstore-rss
            url: https://user:hunter2@example.com/feed?token=TOPSECRET&page=1
            credentials: {api_key: "${API_KEY}"}
        """)
        let outcome = try reputa(["check", "--config", config], environment: ["API_KEY": "sk-live-123456"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("credentials.api_key: <redacted>"))
        #expect(outcome.stdout.contains("url: https://example.com/feed?token=…&page=…"))
        for secret in ["sk-live-123456", "hunter2", "TOPSECRET"] {
            #expect(!(outcome.stdout + outcome.stderr).contains(secret))
        }
    }

    @Test func dataGoesToStdoutAndLogsToStderr() throws {
        let temp = try TempFolder()
        let out = try reputa(["inspect", "--kind", "csv", "--format", "json", fixturePath("bad-rows.csv")], cwd: temp.url)
        #expect(try jsonArray(out.stdout).count == 2)
        #expect(out.stderr.contains("2 reviews read, 4 rows skipped"))
        #expect(!out.stderr.contains("\u{1B}["))   // stderr is a pipe: no colour, no progress
    }
}
