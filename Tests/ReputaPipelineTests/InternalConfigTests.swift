import Foundation
@testable import ReputaConfig
@testable import ReputaPipeline
import ReputaCore
import Testing

/// The `surveys`, `helpdesk`, `customers` and `health` sections of sources.yml.
@Suite struct InternalConfigTests {
    static let head = "version: 1\nlocations:\n  - {id: milano, name: Milano}\n"

    @Test func sectionsBecomeSourcesWithTheirSpec() throws {
        let c = try load(Self.head + """
        surveys:
          - name: q
            kind: qualtrics
            path: q/*.csv
            questions:
              - {column: Q1, metric: nps, scale: 0-10}
              - {column: Q4, metric: ces, scale: 1-5 lower-better}
            segments: {location: Location, touchpoint: Touchpoint}
        helpdesk:
          - name: zd
            kind: zendesk-satisfaction
            path: zd.json
            metric: css
            location: milano
        health:
          components:
            - {name: plan, weight: 1, points: {Free: 0, Paid: 100}}
            - {name: nps, signal: NPS, weight: 3, low: 0, high: 10}
          bands: [{name: ok, from: 50}, {name: bad, from: 0}]
        """)
        let q = try #require(c.source(named: "q")?.descriptor.records)
        #expect(q.questions.map(\.column) == ["Q1", "Q4"])
        #expect(q.questions[1].scale == SurveyScale(points: RatingScale(min: 1, max: 5), lowerIsBetter: true))
        #expect(q.segments == ["location": "Location", "touchpoint": "Touchpoint"])
        #expect(c.source(named: "zd")?.descriptor.records?.metric == .css)
        #expect(c.source(named: "zd")?.descriptor.portal == "helpdesk")
        #expect(c.health.components[0].points == ["free": 0, "paid": 100])   // labels compare lower-cased
        #expect(c.health.components[1].signal == "nps")
        #expect(c.health.bands.map(\.name) == ["ok", "bad"])
    }

    @Test func badInternalEntriesNameTheirPlace() {
        let npsOnFive = configError(Self.head + """
        surveys:
          - name: s
            kind: survey-csv
            path: s.csv
            metric: nps
            scale: 1-5
        """)
        #expect(npsOnFive?.key == "surveys[0].scale")
        #expect(npsOnFive?.message == "NPS is defined on the 0-10 question only, not on 1-5")
        #expect(npsOnFive?.line == 9)
        let noScale = configError(Self.head + "surveys:\n  - {name: s, kind: survey-csv, path: s.csv, metric: csat}\n")
        #expect(noScale?.message.hasPrefix("missing: declare the scale") == true)
        let wrongSection = configError(Self.head + "helpdesk:\n  - {name: s, kind: qualtrics, path: s.csv}\n")
        #expect(wrongSection?.message.hasPrefix("\"qualtrics\" is not a helpdesk kind") == true)
        let lowerCSAT = configError(Self.head + "surveys:\n  - {name: s, kind: survey-csv, path: s.csv, metric: csat, scale: 1-5 lower-better}\n")
        #expect(lowerCSAT?.message == "a lower-better scale is only defined for CES, not for csat")
        let clash = configError(Self.head + "sources:\n  - {name: s, kind: csv, path: a.csv}\ncustomers:\n  - {name: s, kind: customers-csv, path: c.csv}\n")
        #expect(clash?.message.contains("duplicate source name") == true)
        let flatHealth = configError(Self.head + "health:\n  components:\n    - {name: a, weight: 1, low: 5, high: 5}\n")
        #expect(flatHealth?.key == "health.components[0].high")
    }
}
