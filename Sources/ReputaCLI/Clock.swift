import Foundation
import ReputaCore

/// The current time for flags and alerts: `$REPUTA_NOW` (UTC `YYYY-MM-DDTHH:MM:SSZ`) when set,
/// for tests and for replaying a day, else the system clock.
enum Clock {
    static func now() -> Timestamp {
        if let text = ProcessInfo.processInfo.environment["REPUTA_NOW"], let t = parse(text) { return t }
        return Timestamp(date: Date())
    }

    static func parse(_ text: String) -> Timestamp? {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == 45, b[10] == 84, b[19] == 90 else { return nil }
        func n(_ r: Range<Int>) -> Int64? { Int64(String(decoding: b[r], as: UTF8.self)) }
        guard let y = n(0..<4), let mo = n(5..<7), let d = n(8..<10), let h = n(11..<13), let mi = n(14..<16),
              let s = n(17..<19) else { return nil }
        return Timestamp(epochSeconds: Timestamp.days(year: y, month: Int(mo), day: Int(d)) * 86_400 + h * 3600 + mi * 60 + s)
    }
}
