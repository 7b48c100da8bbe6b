import Foundation
import ReputaCore
import ReputaIngest
import Testing

/// The survey, helpdesk and customers importers on fixtures in their tools' real shapes
/// (Fixtures/internal/). Every expected value was read off the fixture by hand.
@Suite struct InternalImporterTests {
    static let folder: URL = Bundle.module.url(forResource: "Fixtures/internal", withExtension: nil)!

    func parse(_ kind: String, _ file: String, records: RecordSpec = RecordSpec(), mapping: [String: String] = [:],
               timezone: String = "Europe/Rome") throws -> InternalBatch {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
        let d = SourceDescriptor(name: "t", kind: kind, mapping: mapping, timezone: timezone,
                                 locationAliases: ["Milano": "milano", "Roma": "roma"], records: records)
        return try InternalKinds.named(kind)!.importer.parse(bytes, origin: file, source: d)
    }

    static let npsAndCSAT = RecordSpec(questions: [QuestionSpec(column: "Q1", metric: .nps, scale: .nps),
                                                   QuestionSpec(column: "Q2", metric: .csat, scale: SurveyScale(parsing: "1-5")!)],
                                       segments: ["location": "Location"])

    @Test func qualtricsThreeHeaderRows() throws {
        let b = try parse("qualtrics", "qualtrics_3header.csv", records: Self.npsAndCSAT, mapping: ["comment": "Q3"])
        // 6 real responses × Q1, 5 of them with Q2 (R_5 left it empty); R_6 is a survey preview.
        #expect(b.answers.count == 11)
        #expect(b.skipped.count == 1 && b.skipped[0].place == "qualtrics_3header.csv:10")
        let r1 = try #require(b.answers.first { $0.responseID == "R_1aBcDeFgHiJkLmN" && $0.question == "Q1" })
        #expect(r1.score == 10 && r1.metric == .nps && r1.segments["location"] == "milano")
        #expect(r1.comment == "Ottimo, tornerò")
        // The ImportId row says Europe/Rome: 2026-11-16 09:10:00 is 08:10Z.
        #expect(r1.submittedAt.utcISO == "2026-11-16T08:10:00Z")
        let r3 = try #require(b.answers.first { $0.responseID == "R_3aBcDeFgHiJkLmN" && $0.question == "Q2" })
        #expect(r3.score == 3 && r3.comment == "Servizio lento\nma cortese")
    }

    @Test func qualtricsImportIDZoneOutranksTheSourceZone() throws {
        let b = try parse("qualtrics", "qualtrics_3header.csv", records: Self.npsAndCSAT, timezone: "UTC")
        let r7 = try #require(b.answers.first { $0.responseID == "R_7aBcDeFgHiJkLmN" })
        #expect(r7.submittedAt.utcISO == "2026-11-22T23:30:00Z")
    }

    @Test func qualtricsLegacyWithBOM() throws {
        let b = try parse("qualtrics", "qualtrics_legacy.csv", records: Self.npsAndCSAT)
        // V7 status 1 is a preview; the "ResponseID" row is the question-text header.
        #expect(b.answers.map(\.responseID) == ["R_0aaaaaaaaaaaaaa", "R_0aaaaaaaaaaaaaa", "R_0bbbbbbbbbbbbbb", "R_0bbbbbbbbbbbbbb"])
        #expect(b.answers.map(\.score) == [9, 5, 4, 1])
        #expect(b.skipped.count == 1)
        // V9 (EndDate) in the source zone: 10:05 Rome is 09:05Z.
        #expect(b.answers[0].submittedAt.utcISO == "2026-11-02T09:05:00Z")
    }

    @Test func typeformPartialResponsesAreLeftOut() throws {
        let spec = RecordSpec(questions: [
            QuestionSpec(column: "Come valuti la facilità di risolvere il tuo problema?", metric: .ces, scale: SurveyScale(parsing: "1-7")!),
            QuestionSpec(column: "Quanto è probabile che ci consiglieresti?", metric: .nps, scale: .nps)])
        let b = try parse("survey-wide", "typeform.csv", records: spec)
        #expect(b.answers.count == 6)
        #expect(b.answers.filter { $0.metric == .ces }.map(\.score) == [7, 5, 2])
        #expect(b.skipped.count == 1 && b.skipped[0].message.contains("partial"))
        // Submit Date (UTC) is UTC whatever the source's zone.
        #expect(b.answers.first { $0.responseID == "b1b2c3d4e5" }?.submittedAt.utcISO == "2026-11-17T23:30:00Z")
    }

    @Test func surveyMonkeyTwoHeaderRowsAndTwelveHourClock() throws {
        let spec = RecordSpec(questions: [QuestionSpec(column: "How satisfied are you with our support?", metric: .css,
                                                       scale: SurveyScale(parsing: "1-5")!)])
        let b = try parse("survey-wide", "surveymonkey.csv", records: spec, mapping: ["comment": "Any comments?"])
        #expect(b.answers.map(\.score) == [4, 1])
        #expect(b.answers.map(\.comment) == ["Quick and kind", "Never again"])
        // 03:02:00 PM Rome is 14:02Z.
        #expect(b.answers[1].submittedAt.utcISO == "2026-11-17T14:02:00Z")
        #expect(b.skipped.isEmpty)
    }

    @Test func zendeskSatisfactionRatings() throws {
        let b = try parse("zendesk-satisfaction", "zendesk_satisfaction.json")
        // unoffered is no survey at all; offered is kept without a score.
        #expect(b.answers.map(\.responseID) == ["35436", "35437", "35438", "35439", "35441"])
        #expect(b.answers.map(\.score) == [1, 1, 0, nil, 1])
        #expect(b.answers.allSatisfy { $0.scale == .goodBad && $0.metric == .csat })
        #expect(b.answers[2].segments["group"] == "360000002" && b.answers[2].comment == "Nessuna risposta per due giorni")
    }

    @Test func zendeskTicketMetrics() throws {
        let b = try parse("zendesk-tickets", "zendesk_ticket_metrics.json")
        #expect(b.tickets.map(\.id) == ["101", "102", "103", "104"])
        #expect(b.skipped.count == 1 && b.skipped[0].message.contains("before created_at"))  // ticket 105
        let t = Dictionary(uniqueKeysWithValues: b.tickets.map { ($0.id, $0) })
        #expect(t["101"]!.firstReply == Elapsed(calendar: 30, business: 30))
        #expect(t["101"]!.firstAssign == Elapsed(calendar: 10))
        #expect(t["101"]!.resolution == Elapsed(calendar: 120, business: 60) && t["101"]!.solved)
        #expect(t["101"]!.resolvedAtFirstContact == true && t["102"]!.resolvedAtFirstContact == false)
        // Reopened: first_resolution is set, full_resolution is null again: unresolved.
        #expect(!t["103"]!.solved && t["103"]!.resolution == .none && t["103"]!.reopens == 1)
        #expect(!t["104"]!.firstReply.happened && !t["104"]!.solved)
    }

    @Test func freshdeskCodesOnTheirSevenPoints() throws {
        let b = try parse("freshdesk-csat", "freshdesk_csat.json")
        #expect(b.answers.map(\.score) == [7, 4, 6, 1])
        #expect(b.answers.map(\.question) == ["default_question", "default_question", "question_1000057", "default_question"])
        #expect(b.skipped.count == 1 && b.skipped[0].message.contains("104"))
    }

    @Test func ticketsCSV() throws {
        let b = try parse("tickets-csv", "tickets.csv", records: RecordSpec(segments: ["location": "location"]))
        #expect(b.tickets.map(\.id) == ["T1", "T2", "T3", "T6"])
        #expect(b.skipped.map(\.place) == ["tickets.csv:5", "tickets.csv:6"])  // solved before created; no created
        let t = Dictionary(uniqueKeysWithValues: b.tickets.map { ($0.id, $0) })
        #expect(t["T1"]!.firstReply.calendar == 30 && t["T1"]!.firstAssign.calendar == 5 && t["T1"]!.resolution.calendar == 120)
        #expect(t["T2"]!.resolution.calendar == 1440 && t["T2"]!.resolvedAtFirstContact == false)
        #expect(!t["T3"]!.solved)
        #expect(t["T6"]!.segments == ["location": "roma", "channel": "web", "group": "Sala", "agent": "Giulia"])
    }

    @Test func customerCounts() throws {
        let b = try parse("customers-csv", "customers.csv", records: RecordSpec(segments: ["location": "location"]))
        #expect(b.periods.count == 4)
        #expect(b.skipped.count == 1 && b.skipped[0].message == "sales (400) above visits (300)")
        let oct = try #require(b.periods.last)
        #expect(oct.first.description == "2026-10-01" && oct.last.description == "2026-10-31")
        let w46 = b.periods[0]
        #expect(w46.first.description == "2026-11-09" && w46.last.description == "2026-11-15")
        #expect(b.warnings.isEmpty)
    }

    // MARK: Bad input

    func surveyCSV(_ text: String, metric: SurveyMetric = .csat, scale: String = "1-5") throws -> InternalBatch {
        let d = SourceDescriptor(name: "s", kind: "survey-csv",
                                 mapping: ["response_id": "id", "submitted_at": "date", "score": "score"],
                                 records: RecordSpec(metric: metric, scale: SurveyScale(parsing: scale)!))
        return try SurveyCSVImporter().parse(Array(text.utf8), origin: "s.csv", source: d)
    }

    @Test func offScaleScoresAreSkippedWithTheirLine() throws {
        let b = try surveyCSV("id,date,score\na,2026-11-16,5\nb,2026-11-16,6\nc,2026-11-16,4\nd,2026-11-16,4.5\n")
        #expect(b.answers.map(\.responseID) == ["a", "c"])
        #expect(b.skipped.map(\.description) == [
            "s.csv:3: response b: csat score 6 is not a point of the declared 1-5 scale",
            "s.csv:5: response d: csat score 4.5 is not a point of the declared 1-5 scale"])
    }

    @Test func anNPSColumnDeclaredAsCSATIsRefusedWhole() {
        #expect(throws: ParseError.self) {
            try surveyCSV("id,date,score\na,2026-11-16,9\nb,2026-11-16,10\nc,2026-11-16,3\nd,2026-11-16,0\n")
        }
        do {
            _ = try surveyCSV("id,date,score\na,2026-11-16,9\nb,2026-11-16,10\nc,2026-11-16,3\nd,2026-11-16,0\n")
        } catch {
            #expect("\(error)" == "parse s: s.csv: 3 of 4 csat scores are outside the declared 1-5 scale (first at s.csv:2 (9)); nothing imported: is the scale declared for this question right?")
        }
    }

    @Test func nonNumericDuplicateAndUndatedRows() throws {
        let b = try surveyCSV("id,date,score\na,2026-11-16,5\na,2026-11-17,4\nb,2026-11-16,very\nc,,3\nd,2026-11-16,\n")
        #expect(b.answers.map(\.responseID) == ["a"])
        #expect(b.skipped.map(\.description) == [
            "s.csv:3: duplicate response id a for csat (first at s.csv:2); the first is kept",
            "s.csv:4: response b: csat score \"very\" is not a number (export numeric values, not choice labels)",
            "s.csv:5: response c: no submitted_at time",
            "s.csv:6: response d: no score"])
    }

    @Test func npsIsOnlyDefinedOnZeroToTen() throws {
        let b = try surveyCSV("id,date,score\na,2026-11-16,5\n", metric: .nps, scale: "1-10")
        #expect(b.answers.isEmpty)
        #expect(b.skipped.first?.message == "response a: NPS is defined on the 0-10 question only, not on 1-10")
    }

    @Test func aScaleIsNeverGuessed() {
        let d = SourceDescriptor(name: "s", kind: "survey-csv", records: RecordSpec(metric: .csat))
        #expect {
            try SurveyCSVImporter().parse(Array("id,date,score\na,2026-11-16,5\n".utf8), origin: "s.csv", source: d)
        } throws: { "\($0)".contains("no scale declared") }
    }

    @Test func zendeskTicketsWithSideLoadedMetricSets() throws {
        let json = """
        {"tickets": [
          {"id": 7, "created_at": "2026-11-16T08:00:00Z", "status": "pending", "via": {"channel": "email"}, "group_id": 3,
           "assignee_id": 9, "custom_fields": [{"id": 360001, "value": "Milano"}, {"id": 360002, "value": null}]},
          {"id": 8, "created_at": "2026-11-16T09:00:00Z", "status": "solved", "via": {"channel": "chat"}, "group_id": 3,
           "assignee_id": null, "custom_fields": []},
          {"id": 9, "created_at": "2026-11-16T09:30:00Z", "status": "new", "via": {"channel": "web"}}],
         "metric_sets": [
          {"ticket_id": 7, "created_at": "2026-11-16T08:00:00Z", "reopens": 0, "replies": 1, "solved_at": null,
           "initially_assigned_at": "2026-11-16T08:30:00Z", "reply_time_in_minutes": {"calendar": 12, "business": 12},
           "full_resolution_time_in_minutes": {"calendar": null, "business": null}},
          {"ticket_id": 8, "created_at": "2026-11-16T09:00:00Z", "reopens": 0, "replies": 1, "solved_at": "2026-11-16T10:00:00Z",
           "initially_assigned_at": null, "reply_time_in_minutes": {"calendar": 5, "business": null},
           "full_resolution_time_in_minutes": {"calendar": 60, "business": null}}],
         "next_page": null, "count": 3}
        """
        let d = SourceDescriptor(name: "z", kind: "zendesk-tickets", locationAliases: ["Milano": "milano"],
                                 records: RecordSpec(segments: ["location": "custom_fields.360001"]))
        let b = try ZendeskTicketsImporter().parse(Array(json.utf8), origin: "t.json", source: d)
        #expect(b.tickets.map(\.id) == ["7", "8"])
        #expect(b.tickets[0].segments == ["channel": "email", "group": "3", "agent": "9", "location": "milano"])
        #expect(!b.tickets[0].solved && b.tickets[0].firstAssign.calendar == 30)
        #expect(b.tickets[1].solved && b.tickets[1].resolution == Elapsed(calendar: 60) && b.tickets[1].segments["agent"] == nil)
        #expect(b.skipped.map(\.description) == ["t.json:tickets[2]: ticket 9: no metrics in this payload (fetch with include=metric_sets)"])
    }

    @Test func healthSignals() throws {
        let csv = "customer_id,as_of,location,tenure,plan,spend,csat\nc1,2026-11-22,Milano,14,Paid,\"420,50\",4\nc2,2026-11-22,Roma,2,free,,\nc1,2026-11-22,Milano,15,paid,1,1\n,2026-11-22,Roma,1,free,1,1\nc3,22/11/2026,Roma,1,free,1,1\n"
        let d = SourceDescriptor(name: "h", kind: "health-csv", locationAliases: ["Milano": "milano"],
                                 records: RecordSpec(segments: ["location": "location"]))
        let b = try HealthCSVImporter().parse(Array(csv.utf8), origin: "h.csv", source: d)
        #expect(b.health.map(\.customerID) == ["c1", "c2"])
        #expect(b.health[0].numbers == ["tenure": 14, "spend": 420.5, "csat": 4] && b.health[0].labels == ["plan": "paid"])
        #expect(b.health[0].segments == ["location": "milano"] && b.health[1].numbers == ["tenure": 2])
        #expect(b.skipped.map(\.place) == ["h.csv:4", "h.csv:5", "h.csv:6"])  // duplicate, no id, not a YYYY-MM-DD date
    }
}
