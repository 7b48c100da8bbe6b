import Foundation
import ReputaCore

/// Reads one survey, helpdesk or customers payload whole into plain values. Like
/// `ReviewImporter`, bytes in and values out, no I/O.
public protocol InternalImporter: Sendable {
    func parse(_ bytes: [UInt8], origin: String, source: SourceDescriptor) throws -> InternalBatch
}

/// The registry of internal-data kinds, beside `Kinds` (reviews).
public struct InternalKind: Sendable {
    public var name: String
    /// `surveys`, `helpdesk` or `customers`: the sources.yml section it belongs in.
    public var section: String
    public var summary: String
    public var importer: any InternalImporter
    /// Fields a `map:` / `--map` may name.
    public var fields: [String]
}

public enum InternalKinds {
    public static let all: [InternalKind] = [
        InternalKind(name: "survey-csv", section: "surveys",
                     summary: "Survey responses CSV, one score per row, through a column mapping",
                     importer: SurveyCSVImporter(), fields: SurveyCSVImporter.fields),
        InternalKind(name: "qualtrics", section: "surveys",
                     summary: "Qualtrics CSV export (three header rows, or the legacy V1… variant with a BOM)",
                     importer: WideSurveyImporter(flavors: [.qualtrics]), fields: WideSurveyImporter.fields),
        InternalKind(name: "survey-wide", section: "surveys",
                     summary: "Typeform or SurveyMonkey CSV, one column per question",
                     importer: WideSurveyImporter(flavors: [.typeform, .surveyMonkey, .qualtrics]),
                     fields: WideSurveyImporter.fields),
        InternalKind(name: "zendesk-satisfaction", section: "helpdesk",
                     summary: "Zendesk satisfaction_ratings JSON (good / bad / offered)",
                     importer: ZendeskSatisfactionImporter(), fields: []),
        InternalKind(name: "zendesk-tickets", section: "helpdesk",
                     summary: "Zendesk ticket_metrics JSON, with the tickets JSON or side-loaded metric_sets",
                     importer: ZendeskTicketsImporter(), fields: []),
        InternalKind(name: "freshdesk-csat", section: "helpdesk",
                     summary: "Freshdesk satisfaction_ratings JSON (codes -103…103)",
                     importer: FreshdeskCSATImporter(), fields: []),
        InternalKind(name: "tickets-csv", section: "helpdesk",
                     summary: "Ticket CSV (created, first reply, first assigned, solved, reopens, replies) or Zendesk's ticket export",
                     importer: TicketsCSVImporter(), fields: TicketsCSVImporter.fields),
        InternalKind(name: "customers-csv", section: "customers",
                     summary: "Customer counts per period (start, end, new, lost; visits, sales)",
                     importer: CustomersCSVImporter(), fields: CustomersCSVImporter.fields),
        InternalKind(name: "conversions-csv", section: "customers",
                     summary: "Visits and sales per period", importer: CustomersCSVImporter(), fields: CustomersCSVImporter.fields),
        InternalKind(name: "health-csv", section: "customers",
                     summary: "Per-customer health signals (tenure, plan, interactions, spend, responsiveness, CSAT, NPS)",
                     importer: HealthCSVImporter(), fields: HealthCSVImporter.fields),
    ]

    public static func named(_ name: String) -> InternalKind? { all.first { $0.name == name } }

    public static var names: [String] { all.map(\.name) }
}
