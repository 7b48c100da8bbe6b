import FuzzDriver
import Foundation
import ReputaCore
import ReputaIngest

/// The date and rating parsers every row goes through. A date read once must read back the same
/// from its canonical UTC form; a rating must be a finite number on a sane scale.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let flags = data[0]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let zones = ["UTC", "Europe/Rome", "America/Los_Angeles", "Asia/Kolkata"]
    let zone = TimeZone(identifier: zones[Int(flags & 3)])!
    if let t = DateText.parse(text, zone: zone, monthFirst: flags & 4 != 0) {
        guard let back = Timestamp(utcISO: t.utcISO), back.epochSeconds == t.epochSeconds else {
            fatalError("date \(text.debugDescription) → \(t.utcISO) does not read back")
        }
    }
    let scales = [RatingScale.fiveStars, RatingScale(min: 0, max: 10), RatingScale(min: 1, max: 10)]
    if let r = RatingText.parse(text, defaultScale: scales[Int(flags >> 3) % scales.count]) {
        guard r.value.isFinite, r.scale.min.isFinite, r.scale.max.isFinite, r.scale.min < r.scale.max else {
            fatalError("rating \(text.debugDescription) → \(r)")
        }
    }
    return 0
}
