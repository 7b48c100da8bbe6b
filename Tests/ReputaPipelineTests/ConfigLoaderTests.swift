import Foundation
@testable import ReputaConfig
@testable import ReputaPipeline
import ReputaAnalysis
import ReputaCore
import Testing

/// Writes `yaml` to a temporary sources.yml and loads it.
func load(_ yaml: String, env: [String: String] = [:]) throws -> Configuration {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-cfg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("sources.yml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return try ConfigLoader.load(file: file.path, environment: env)
}

func configError(_ yaml: String, env: [String: String] = [:]) -> ConfigError? {
    do {
        _ = try load(yaml, env: env)
        return nil
    } catch let e as ConfigError {
        return e
    } catch {
        return nil
    }
}

/// `review_url` and `reply_url`: https templates with only the known placeholders.
@Suite struct ReviewLinkKeysTests {
    func yaml(_ extra: String) -> String {
        """
        version: 1
        store: r.sqlite
        sources:
          - {name: tp, kind: trustpilot-api, path: tp.json\(extra)}
        """
    }

    @Test func linkTemplatesAreReadAndChecked() throws {
        let config = try load(yaml(", review_url: \"https://www.trustpilot.com/reviews/{id}\", reply_url: \"https://example.com/r/{id_last}\""))
        #expect(config.sources[0].reviewURL == "https://www.trustpilot.com/reviews/{id}")
        #expect(config.sources[0].replyURL == "https://example.com/r/{id_last}")
        #expect(try load(yaml("")).sources[0].reviewURL == nil)
        for bad in ["http://example.com/{id}", "https://example.com/{author}", "javascript:alert(1)", "https://example.com/{id"] {
            let error = configError(yaml(", reply_url: \"\(bad)\""))
            #expect(error?.description.contains("sources[0].reply_url: must be an https:// URL") == true, "\(bad): \(String(describing: error))")
        }
    }
}

/// `replies:` and `serve:`: read strictly, with the place of each mistake.
@Suite struct RepliesAndServeSectionTests {
    let base = """
        version: 1
        store: r.sqlite

        """

    @Test func replyTemplatesAndTheSignatureAreRead() throws {
        let config = try load(base + """
            replies:
              signature: {it: "Lo staff", en: "The staff"}
              templates:
                - {lang: it, category: food_safety, rating: 1-2, text: "Gentile {first_name}, {signature}"}
                - {lang: en, topic: waiting_time, rating: "3", text: "Dear {author}"}
            serve: {base_url: "https://inbox.example.com/", lang: it, session: 8h}
            """)
        #expect(config.replies.signature == ["it": "Lo staff", "en": "The staff"])
        #expect(config.replies.templates.count == 2)
        #expect(config.replies.templates[0].category == "food_safety" && config.replies.templates[0].stars == 1...2)
        #expect(config.replies.templates[1].topic == "waiting_time" && config.replies.templates[1].stars == 3...3)
        #expect(config.serve.baseURL == "https://inbox.example.com" && config.serve.lang == "it" && config.serve.sessionSeconds == 8 * 3600)
    }

    @Test func mistakesAreNamedWithTheirPlace() {
        for (yaml, message) in [
            ("replies: {templates: [{lang: it, text: \"Ciao {nome}\"}]}", "replies.templates[0].text: unknown placeholder {nome}"),
            ("replies: {templates: [{lang: italiano, text: x}]}", "replies.templates[0].lang: \"italiano\" is not a two-letter"),
            ("replies: {templates: [{lang: it, category: food, text: x}]}", "replies.templates[0].category: unknown category \"food\""),
            ("replies: {templates: [{lang: it, rating: 0-9, text: x}]}", "replies.templates[0].rating: \"0-9\" is not stars"),
            ("replies: {templates: [{lang: it}]}", "replies.templates[0]"),
            ("serve: {base_url: \"ftp://x\"}", "serve.base_url: \"ftp://x\" is not an http(s) address"),
            ("serve: {lang: fr}", "serve.lang: \"fr\" is not a page language"),
            ("serve: {session: soon}", "serve.session: \"soon\" is not a duration"),
            ("serve: {port: 80}", "serve.port: unknown key"),
        ] {
            let error = configError(base + yaml)
            #expect(error?.description.contains(message) == true, "\(yaml): \(String(describing: error))")
        }
    }
}

@Suite struct ConfigLoaderTests {
    static let valid = """
    version: 1
    store: data/r.sqlite
    timezone: Europe/Rome
    locations:
      - id: milano
        name: Milano
        aliases: ["Aurora Milano"]
    sources:
      - name: play
        kind: csv
        path: exports/*.csv
        location: milano
        every: 6h
        scale: 1-5
        map: {rating: Star Rating, date: Review Submit Date and Time}
        credentials:
          Authorization: "Bearer ${PLAY_TOKEN}"
      - name: feed
        kind: appstore-rss
        url: https://itunes.apple.com/it/rss/customerreviews/id=1/xml
        competitor: Rival
    notifications:
      channels:
        - {name: oncall, slack: "https://hooks.slack.test/services/T/B/x"}
    """

    @Test func validConfigResolves() throws {
        let config = try load(Self.valid, env: ["PLAY_TOKEN": "s3cret"])
        #expect(config.version == 1)
        #expect(config.store.hasSuffix("/data/r.sqlite"))
        #expect(config.sources.map(\.descriptor.name) == ["play", "feed"])
        let play = try #require(config.source(named: "play"))
        #expect(play.every == 21_600)
        #expect(play.path?.hasSuffix("/exports/*.csv") == true)
        #expect(play.descriptor.mapping["rating"] == "Star Rating")
        #expect(play.descriptor.locationAliases["Aurora Milano"] == "milano")
        #expect(play.credentials.first?.name == "Authorization")
        #expect(play.credentials.first?.value.value == "Bearer s3cret")
        #expect("\(play.credentials[0].value)" == "<redacted>")
        #expect(config.source(named: "feed")?.descriptor.competitor == "Rival")
        #expect(config.source(named: "feed")?.descriptor.portal == "appstore")
        #expect(config.reservedSections.isEmpty)
        #expect(config.notifications.channel(named: "oncall")?.kind == .slack)
    }

    @Test func unknownKeyNamesLineKeyAndSuggestion() {
        let e = configError("version: 1\nsources:\n  - name: a\n    kind: csv\n    path: x.csv\n    locaton: milano\n")
        #expect(e?.line == 6)
        #expect(e?.column == 5)
        #expect(e?.key == "sources[0].locaton")
        #expect(e?.message.hasPrefix("unknown key (did you mean \"location\"?)") == true)
        #expect(e?.exitCode == .usage)
    }

    @Test func unknownKindSuggestsTheClosest() {
        let e = configError("version: 1\nsources:\n  - name: a\n    kind: cvs\n    path: x.csv\n")
        #expect(e?.description.contains("sources.yml:4:11: sources[0].kind: unknown kind \"cvs\" (did you mean \"csv\"?)") == true)
    }

    @Test func unsetVariableIsAnErrorNotAnEmptyString() {
        let e = configError("version: 1\nsources:\n  - name: a\n    kind: csv\n    path: x.csv\n    credentials: {key: \"${NOPE_TOKEN}\"}\n")
        #expect(e?.key == "sources[0].credentials.key")
        #expect(e?.message == "environment variable NOPE_TOKEN is not set")
    }

    @Test func environmentValuesCannotInjectStructure() throws {
        let config = try load("version: 1\nsources:\n  - name: a\n    kind: csv\n    path: x.csv\n    competitor: ${RIVAL}\n",
                              env: ["RIVAL": "Rival\n  extra: yaml"])
        #expect(config.sources[0].descriptor.competitor == "Rival\n  extra: yaml")
    }

    @Test func doubleDollarIsALiteralDollar() throws {
        let config = try load("version: 1\nsources:\n  - name: a\n    kind: csv\n    path: x.csv\n    competitor: \"Bar $$5\"\n")
        #expect(config.sources[0].descriptor.competitor == "Bar $5")
    }

    @Test func duplicateSourceNamesAndDuplicateKeys() {
        let dup = configError("version: 1\nsources:\n  - {name: a, kind: csv, path: x}\n  - {name: a, kind: csv, path: y}\n")
        #expect(dup?.message == "duplicate source name \"a\"")
        #expect(dup?.line == 4)
        let key = configError("version: 1\nversion: 1\n")
        #expect(key?.message == "duplicate key")
        #expect(key?.key == "version")
    }

    @Test func wrongTypesAndMissingKeys() {
        #expect(configError("version: one\n")?.message == "must be an integer")
        #expect(configError("version: 2\n")?.message == "is 2; this build reads version 1")
        #expect(configError("version: 1\nsources: {a: 1}\n")?.message == "must be a list")
        #expect(configError("version: 1\nsources:\n  - {kind: csv, path: x}\n")?.key == "sources[0].name")
        #expect(configError("version: 1\nsources:\n  - {name: a, kind: csv}\n")?.message == "needs a url or a path")
        #expect(configError("version: 1\nsources:\n  - {name: a, kind: csv, url: file:///etc/passwd}\n")?.message == "must be an http:// or https:// URL")
        #expect(configError("version: 1\nsources:\n  - {name: a, kind: csv, path: x, every: soon}\n")?.key == "sources[0].every")
        #expect(configError("version: 1\nsources:\n  - {name: a, kind: csv, path: x, full_export: maybe}\n")?.message == "must be true or false")
        #expect(configError("version: 1\nsources:\n  - {name: ../x, kind: csv, path: x}\n")?.key == "sources[0].name")
        #expect(configError("version: 1\ntimezone: Mars/Olympus\n")?.key == "timezone")
        #expect(configError("version: 1\nlocations: [{id: roma}]\nsources:\n  - {name: a, kind: csv, path: x, location: rome}\n")?
            .message.contains("did you mean \"roma\"") == true)
        #expect(configError("version: 1\nsources:\n  - {name: a, kind: csv, path: x, map: {ratng: Stars}}\n")?.key == "sources[0].map.ratng")
    }

    @Test func aliasBombIsRefusedQuickly() {
        var yaml = "version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let start = Date()
        let e = configError(yaml)
        #expect(e?.message.contains("alias bomb") == true)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func missingFileAndBrokenYAML() {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: "/nonexistent/sources.yml") }
        let e = configError("version: 1\nsources: [\n")
        #expect(e?.message.hasPrefix("YAML: ") == true)
        #expect((e?.line ?? 0) > 0)
    }
}

@Suite struct FlagSectionTests {
    let head = "version: 1\nlocations:\n  - {id: milano, timezone: Europe/Rome}\n  - {id: roma}\n"

    /// Each (yaml after `head`, line, key, message part) is refused with that line, key and message.
    func expectErrors(_ cases: [(String, Int, String, String)]) {
        for (yaml, line, key, message) in cases {
            let e = error(head + yaml)
            #expect(e?.line == line, "\(yaml): \(e?.line ?? 0)")
            #expect(e?.key == key, "\(yaml): \(e?.key ?? "nil")")
            #expect(e?.message.contains(message) == true, "\(yaml): \(e?.message ?? "nil")")
        }
    }

    func error(_ yaml: String) -> ConfigError? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID().uuidString).yml").path
        try? yaml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            _ = try ConfigLoader.load(file: file, environment: [:])
            return nil
        } catch let e as ConfigError {
            return e
        } catch {
            return nil
        }
    }

    func load(_ yaml: String) throws -> Configuration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flags-\(UUID().uuidString).yml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try ConfigLoader.load(file: file, environment: [:])
    }

    @Test func flagsSectionResolves() throws {
        let config = try load(head + """
            flags:
              rating_at_most: {"0-10": 4}
              sla: {urgent: 2h}
              business_hours: {default: "mon-fri 09:00-18:00", milano: "tue-sun 12:00-15:00,19:00-23:30"}
              spike: {count: 4, within: 2d}
              categories:
                - {id: food_safety, terms: [intossicazione]}
                - {id: inspection, name: health inspection, priority: 88, terms: ["asl", "ispettor*"]}
              topics:
                - {id: parking, terms: [parcheggio]}
              routes:
                - {channel: oncall, level: urgent}
                - {channel: parking-team, topics: [parking], locations: [milano]}
              default_channel: marketing
            """)
        let f = config.flags
        #expect(f.ratingAtMost["0-10"] == 4 && f.ratingAtMost["1-5"] == 2)
        #expect(f.sla[.urgent] == 7200 && f.sla[.high] == 86_400)
        #expect(f.businessHours["milano"]?.zone == "Europe/Rome" && f.businessHours["milano"]?.week[0].isEmpty == true)
        #expect(f.businessHours[""]?.week[0] == [540...1080])
        #expect(f.spikeCount == 4 && f.spikeWindow == 172_800)
        // A built-in category replaced by id keeps its name, level and priority; a new one is added.
        let food = try #require(f.categories.first { $0.id == "food_safety" })
        #expect(food.terms == ["intossicazione"] && food.priority == 95 && food.level == .urgent)
        #expect(f.categories.last?.id == "inspection" && f.categories.last?.priority == 88)
        #expect(f.topics.last?.id == "parking")
        #expect(f.routes == [FlagRoute(channel: "oncall", minLevel: .urgent),
                             FlagRoute(channel: "parking-team", topics: ["parking"], locations: ["milano"])])
        #expect(f.defaultChannels == ["marketing"])
        #expect(f.routedChannels == ["oncall", "parking-team", "marketing"])
        #expect(f.alertMaxAge == 7 * 86_400) // the default
        #expect(try load(head + "flags:\n  alert_max_age: off\n").flags.alertMaxAge == nil)
        #expect(try load(head + "flags:\n  alert_max_age: 48h\n").flags.alertMaxAge == 172_800)
    }

    @Test func badFlagSettingsNameTheKeyAndLine() {
        let cases: [(String, Int, String, String)] = [
            ("flags:\n  routes:\n    - {channel: x, topics: [parkin]}\n", 7, "flags.routes[0].topics", "unknown topic \"parkin\""),
            ("flags:\n  routes:\n    - {channel: x, level: critical}\n", 7, "flags.routes[0].level", "\"critical\" is not a level"),
            ("flags:\n  routes:\n    - {channel: x, locations: [torino]}\n", 7, "flags.routes[0].locations", "unknown location \"torino\""),
            ("flags:\n  business_hours: {milano: \"mon-fri 9-18\"}\n", 6, "flags.business_hours.milano", "\"9-18\" is not a time range"),
            ("flags:\n  business_hours: {napoli: \"mon 09:00-10:00\"}\n", 6, "flags.business_hours.napoli", "unknown key"),
            ("flags:\n  sla: {urgent: soon}\n", 6, "flags.sla.urgent", "\"soon\" is not a duration"),
            ("flags:\n  categories:\n    - {id: x, terms: [\"ab*\"]}\n", 7, "flags.categories[0].terms[0]", "needs at least 3 letters"),
            ("flags:\n  routes:\n    - {channel: oncal}\nnotifications:\n  channels:\n    - {name: oncall, slack: \"https://hooks.slack.test/x\"}\n",
             6, "flags.routes[0].channel", "no channel \"oncal\" in notifications.channels (did you mean \"oncall\"?)"),
            ("flags:\n  high_from: 90\n", 6, "flags", "needs min_priority ≤ high_from ≤ urgent_from"),
            ("flags:\n  alert_max_age: 30m\n", 6, "flags.alert_max_age", "must be a duration of at least 1h"),
        ]
        expectErrors(cases)
    }

    /// `report.recipients`: a list, or `{to, lang}`, per known location, through report.mail.
    @Test func reportRecipientsPerLocation() throws {
        let mail = "report:\n  mail: {url: \"smtp://m.example.com:587\", from: r@example.com, to: [boss@example.com]}\n"
        let config = try load(head + mail + "  recipients:\n    milano: [\"M <m@example.com>\"]\n    roma: {to: r@example.com, lang: en}\n")
        #expect(config.report.recipients == [.init(location: "milano", to: ["M <m@example.com>"], lang: nil),
                                             .init(location: "roma", to: ["r@example.com"], lang: "en")])
        let cases: [(String, Int, String, String)] = [
            (mail + "  recipients: {torino: [t@example.com]}\n", 7, "report.recipients.torino", "unknown location \"torino\""),
            (mail + "  recipients: {milano: {to: [x], lang: en}}\n", 7, "report.recipients.milano.to", "\"x\" is not a mail address"),
            (mail + "  recipients: {milano: {to: [m@example.com], lang: fr}}\n", 7, "report.recipients.milano.lang", "\"fr\" is not a report language"),
            (mail + "  recipients: {milano: {cc: [m@example.com]}}\n", 7, "report.recipients.milano.cc", "unknown key"),
            ("report:\n  recipients: {milano: [m@example.com]}\n", 6, "report.recipients", "needs report.mail"),
        ]
        expectErrors(cases)
    }

    /// A mapping on a kind that reads its portal's fixed fields is refused, not ignored.
    @Test func aMappingOnAFixedKindIsRefused() throws {
        expectErrors([("sources:\n  - {name: y, kind: yelp-dataset, path: y.json, map: {location: business_id}}\n", 6, "sources[0].map",
                       "kind yelp-dataset reads its portal's own fields; a mapping is for")])
        let config = try load(head + "sources:\n  - {name: b, kind: booking-csv, path: b.csv, map: {location: Hotel_Name}}\n")
        #expect(config.sources.first?.descriptor.mapping == ["location": "Hotel_Name"])
    }

    /// A channel writes in its own `lang`, else in `report.lang`.
    @Test func channelsTakeALanguage() throws {
        let channels = "notifications:\n  channels:\n    - {name: a, slack: \"https://hooks.slack.test/x\"}\n"
            + "    - {name: b, slack: \"https://hooks.slack.test/y\", lang: en}\n"
        let config = try load(head + "report:\n  lang: it\n" + channels)
        #expect(config.notifications.channel(named: "a")?.lang == "it" && config.notifications.channel(named: "b")?.lang == "en")
        #expect(try load(head + channels).notifications.channel(named: "a")?.lang == "en")
        expectErrors([("notifications:\n  channels:\n    - {name: a, slack: \"https://hooks.slack.test/x\", lang: de}\n", 7,
                       "notifications.channels[0].lang", "\"de\" is not a report language"),
                      (channels + "  quiet_sources: [ops]\n", 9, "notifications.quiet_sources", "no channel \"ops\" in notifications.channels")])
        #expect(try load(head + channels + "  quiet_sources: b\n").notifications.quietSourceChannels == ["b"])
    }

    @Test func notificationChannelsResolve() throws {
        let config = try load(head + """
            report:
              mail: {url: "smtp://mail.example.com:587", from: "Reputa <r@example.com>", to: [boss@example.com], password: pw}
            notifications:
              channels:
                - {name: oncall, email: oncall@example.com, quiet_hours: "22:00-07:00", throttle: {max: 5, per: 15m}}
                - {name: team, email: ["A <a@example.com>", b@example.com]}
            """)
        let n = config.notifications
        // E-mail channels use report.mail's server and sender when notifications.mail is not set.
        #expect(n.mail?.url == "smtp://mail.example.com:587" && n.mail?.from == "Reputa <r@example.com>")
        let oncall = try #require(n.channel(named: "oncall"))
        #expect(oncall.kind == .email && oncall.recipients == ["oncall@example.com"])
        #expect(oncall.throttle == .init(max: 5, per: 900))
        #expect(oncall.quietHours?.text == "22:00-07:00" && oncall.quietHours?.hours.zone == "Europe/Rome")
        #expect(oncall.destination == "oncall@example.com")
        #expect(n.channel(named: "team")?.recipients == ["A <a@example.com>", "b@example.com"])
        let own = try load(head + """
            report:
              mail: {url: "smtp://mail.example.com", from: r@example.com, to: [boss@example.com]}
            notifications:
              mail: {url: "smtps://alerts.example.com", from: alerts@example.com}
              channels: [{name: oncall, email: oncall@example.com}]
            """)
        #expect(own.notifications.mail?.url == "smtps://alerts.example.com" && own.notifications.mail?.to == [])
        let teams = try load(head + """
            notifications:
              channels:
                - {name: workflows, teams: "https://prod.example.logic.azure.com/workflows/abc?sig=SECRET"}
                - {name: legacy, teams: "https://example.webhook.office.com/webhookb2/SECRET", teams_format: messagecard}
                - {name: intranet, webhook: "http://10.0.0.5/hooks/reputa", allow_private_network: true}
            """).notifications
        #expect(teams.channel(named: "workflows")?.kind == .teams && teams.channel(named: "legacy")?.kind == .teamsMessageCard)
        #expect(teams.channel(named: "workflows")?.destination == "https://prod.example.logic.azure.com/…")
        #expect(teams.channel(named: "intranet")?.allowPrivateNetwork == true && teams.channel(named: "legacy")?.allowPrivateNetwork == nil)
    }

    @Test func badNotificationSettingsNameTheKeyAndLine() {
        let cases: [(String, Int, String, String)] = [
            ("notifications:\n  channels:\n    - {name: m, email: a@example.com}\n", 7, "notifications.channels[0].email",
             "needs an SMTP server: notifications.mail or report.mail"),
            ("notifications:\n  mail: {url: \"smtp://h.example.com\", from: a@example.com}\n  channels:\n    - {name: m, email: [nobody]}\n",
             8, "notifications.channels[0].email", "\"nobody\" is not a mail address"),
            ("notifications:\n  mail: {url: \"smtp://h.example.com\", from: a@example.com, to: [b@example.com]}\n", 6,
             "notifications.mail.to", "unknown key"),
            ("notifications:\n  channels:\n    - {name: s, slack: \"https://x.test/h\", quiet_hours: \"22-7\"}\n", 7,
             "notifications.channels[0].quiet_hours", "\"22-7\" is not a time range like 22:00-07:00"),
            ("notifications:\n  channels:\n    - {name: s, slack: \"https://x.test/h\", throttle: {max: 5}}\n", 7,
             "notifications.channels[0].throttle.per", "missing"),
            ("notifications:\n  channels:\n    - {name: s, slack: \"https://x.test/h\", throttle: {max: 0, per: 1h}}\n", 7,
             "notifications.channels[0].throttle.max", "must be a whole number from 1 to 1000"),
            ("notifications:\n  channels:\n    - {name: s, slack: \"https://x.test/h\", throttle: {max: 3, per: 10s}}\n", 7,
             "notifications.channels[0].throttle.per", "must be a duration from 1m to 24h"),
            ("notifications:\n  channels:\n    - {name: s, slack: \"https://x.test/h\", email: a@example.com}\n", 7,
             "notifications.channels[0]", "needs exactly one of slack, teams, webhook"),
            ("notifications:\n  channels:\n    - {name: s, slack: \"https://x.test/h\", teams_format: messagecard}\n", 7,
             "notifications.channels[0].teams_format", "only a teams channel has a format"),
            ("notifications:\n  channels:\n    - {name: t, teams: \"https://x.test/h\", teams_format: card}\n", 7,
             "notifications.channels[0].teams_format", "\"card\" is not adaptive"),
            ("report:\n  mail: {url: \"smtp://h.example.com\", from: a@example.com, to: [b@example.com]}\nnotifications:\n  channels:\n    - {name: m, email: c@example.com, allow_private_network: true}\n",
             9, "notifications.channels[0].allow_private_network", "an e-mail channel goes through the SMTP server"),
        ]
        expectErrors(cases)
    }
}
