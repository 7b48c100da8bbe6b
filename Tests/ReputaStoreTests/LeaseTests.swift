import Foundation
import ReputaCore
@testable import ReputaStore
import ReputaStoreTesting
import Testing

/// Leases on both engines: one holder at a time, due times, expiry, renewal, release, and the
/// takeover of a lease whose holder on this machine is gone.
@Suite struct LeaseTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test(arguments: Engine.allCases) func oneHolderAtATimeUntilReleaseOrExpiry(engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { withExtendedLifetime(keep) {} }
        try store.scheduleLeases(["source:a": at(0), "source:b": at(10)])
        // b is not due yet; a goes to the first asker only.
        #expect(try store.claimLeases(["source:a", "source:b"], holder: "h/1", now: at(1), until: at(31)) == ["source:a"])
        #expect(try store.claimLeases(["source:a", "source:b"], holder: "h/2", now: at(2), until: at(32)).isEmpty)
        // The holder renews; the other cannot.
        #expect(try store.renewLease("source:a", holder: "h/1", until: at(40)))
        #expect(try !store.renewLease("source:a", holder: "h/2", until: at(40)))
        // Released, due again at 20: nobody gets it before, the first asker after.
        try store.releaseLease("source:a", holder: "h/1", nextDue: at(20))
        #expect(try store.claimLeases(["source:a"], holder: "h/2", now: at(19.5), until: at(50)).isEmpty)
        #expect(try store.claimLeases(["source:a", "source:b"], holder: "h/2", now: at(20), until: at(50), limit: 1) == ["source:b"])
        #expect(try store.claimLeases(["source:a", "source:b"], holder: "h/2", now: at(20), until: at(50)) == ["source:b", "source:a"]) // most overdue first; b is its own already
        // A holder that stops answering loses it when the lease ends, not before.
        #expect(try store.claimLeases(["source:a"], holder: "h/3", now: at(49.9), until: at(80)).isEmpty)
        #expect(try store.claimLeases(["source:a"], holder: "h/3", now: at(50), until: at(80)) == ["source:a"])
        // A release by the old holder changes nothing now.
        try store.releaseLease("source:a", holder: "h/2", nextDue: at(1000))
        let a = try #require(try store.leases().first { $0.name == "source:a" })
        #expect(a.holder == "h/3" && a.leaseUntil == LeaseRecords.text(at(80)) && a.dueAt == LeaseRecords.text(at(20)))
        // A name never scheduled is due at once.
        #expect(try store.claimLeases(["flag-pass"], holder: "h/1", now: at(60), until: at(90)) == ["flag-pass"])
    }

    @Test(arguments: Engine.allCases) func aLeaseOfAProcessGoneFromThisMachineIsFreeAtOnce(engine: Engine) throws {
        let (store, keep) = try engine.freshStore()
        defer { withExtendedLifetime(keep) {} }
        // A child that has exited: its pid names no process now.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let me = LeaseRecords.thisProcess
        let host = String(me[..<me.lastIndex(of: "/")!])
        let gone = "\(host)/\(child.processIdentifier)"
        let elsewhere = "another-machine/\(child.processIdentifier)"
        let now = Date()
        #expect(try store.claimLeases(["alert-delivery"], holder: gone, now: now, until: now.addingTimeInterval(600)) == ["alert-delivery"])
        #expect(try store.claimLeases(["source:x"], holder: elsewhere, now: now, until: now.addingTimeInterval(600)) == ["source:x"])
        // Taken over from the gone process; the other machine's holder is left alone until expiry.
        #expect(try store.claimLeases(["alert-delivery", "source:x"], holder: me, now: now, until: now.addingTimeInterval(600))
                == ["alert-delivery"])
        // This process itself is alive: its lease is not free for another.
        #expect(try store.claimLeases(["alert-delivery"], holder: "\(host)/other", now: now, until: now.addingTimeInterval(600)).isEmpty)
    }

    @Test func leaseTimesSortAsTheTimesDo() {
        let times = [0.0, 0.001, 0.5, 0.999, 1, 59.5, 3600.25].map { at($0) }
        let texts = times.map(LeaseRecords.text)
        #expect(texts == texts.sorted() && Set(texts.map(\.count)) == [24])
        #expect(texts[2] == "2027-01-15T08:00:00.500Z")
        #expect(texts.map { LeaseRecords.date($0)!.timeIntervalSince1970 } == times.map { ($0.timeIntervalSince1970 * 1000).rounded() / 1000 })
    }
}
