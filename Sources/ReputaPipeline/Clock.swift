import Foundation
import ReputaConfig
import ReputaCore

/// The current time for flags and alerts: `$REPUTA_NOW` (UTC `YYYY-MM-DDTHH:MM:SSZ`) when set,
/// for tests and for replaying a day, else the system clock.
public enum Clock {
    @Sendable public static func now() -> Timestamp {
        ProcessInfo.processInfo.environment["REPUTA_NOW"].flatMap { Timestamp(utcISO: $0) } ?? Timestamp(date: Date())
    }
}
