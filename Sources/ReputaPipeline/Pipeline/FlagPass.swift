import Foundation
import ReputaAnalysis
import ReputaConfig
import ReputaCore
import ReputaStore

/// Runs the flagger over every review whose content it has not seen (new, edited, or newly
/// answered), in batches of `batchSize` in bounded memory, and records the verdicts: new flags
/// with their deadlines, updates, and resolutions by reply or edit (`FlagLifecycle`). The first
/// step of `Reaction`, which queues and delivers the alerts.
package enum FlagPass {
    static let batchSize = 2000

    package static func run(store: any SQLStore, rules: FlagRules, now: Timestamp) throws -> FlagPassCounts {
        // A pass that finds nothing new reads no flag history and takes no lease.
        guard try !store.flagCandidates(afterRowID: 0, limit: 1, ownOnly: rules.ownReviewsOnly).isEmpty else {
            return FlagPassCounts()
        }
        // One pass at a time across every process on the store: two would record the same verdicts.
        let leased = try WorkLease.run(WorkLease.flagPass, store: store) { keep in
            try evaluate(store: store, rules: rules, now: now, keep: keep)
        }
        guard let leased else {
            var counts = FlagPassCounts()
            counts.leftToAnotherWorker = true
            return counts
        }
        return leased
    }

    /// The pass itself, under the flag-pass lease; `keep` renews it between batches.
    static func evaluate(store: any SQLStore, rules: FlagRules, now: Timestamp, keep: () throws -> Bool) throws -> FlagPassCounts {
        try checkRequestedModel()
        let flagger = Flagger(rules: rules)
        var counts = FlagPassCounts()
        var batch = try store.flagCandidates(afterRowID: 0, limit: batchSize, ownOnly: rules.ownReviewsOnly)
        guard !batch.isEmpty else { return counts }
        var complaints = ComplaintIndex(try store.complaintMarks())
        var decided = flagger.evaluateAll(batch.map { $0.review })
        while let last = batch.last {
            // The next batch is read now and judged on other threads while this one's verdicts are
            // written: the text work (on every core) and the store's (one connection) overlap.
            // Reading ahead is safe: a later batch's reviews are not the ones this batch writes.
            let next = try store.flagCandidates(afterRowID: last.rowID, limit: batchSize, ownOnly: rules.ownReviewsOnly)
            let ahead = Ahead(flagger, next.map { $0.review })
            let verdicts = flagger.verdicts(batch.map { $0.review }, decided: decided, complaints: &complaints, now: now)
            let updates = zip(batch, verdicts).map { FlagUpdate(candidate: $0, decision: $1?.decision, dueAt: $1?.dueAt) }
            let recorded = Result { try store.recordFlags(updates, now: now) }
            decided = ahead.wait()
            counts = counts + (try recorded.get())
            guard try keep() else { break } // the lease was lost: the new holder goes on from here
            batch = next
        }
        return counts
    }

    /// `evaluateAll` of a batch on a background thread; `wait` hands the decisions over.
    final class Ahead: @unchecked Sendable {
        private var decided: [FlagDecision?] = []
        private let done = DispatchGroup()

        init(_ flagger: Flagger, _ reviews: [Review]) {
            guard !reviews.isEmpty else { return }
            done.enter()
            DispatchQueue.global().async {
                // Written before `leave`, read after `wait`: the group orders the two.
                self.decided = flagger.evaluateAll(reviews)
                self.done.leave()
            }
        }

        func wait() -> [FlagDecision?] {
            done.wait()
            return decided
        }
    }

    /// The model `$REPUTA_NEGATIVITY_MODEL` names, when it cannot be used, is a configuration
    /// error, not a quiet fall-back to the lexicon (an evaluation would measure the wrong thing).
    package static func checkRequestedModel() throws {
        if let problem = NegativityModel.requestedProblem {
            throw ConfigError(file: "$REPUTA_NEGATIVITY_MODEL", message: problem)
        }
    }

    /// One line for logs: `flags: 12 evaluated, 3 new (1 urgent, 2 high), 1 resolved by reply`.
    package static func summary(_ c: FlagPassCounts) -> String {
        if c.leftToAnotherWorker { return "flags: another worker is evaluating new reviews (it holds the flag-pass lease)" }
        var parts = ["\(c.evaluated) reviews evaluated"]
        let open = FlagLevel.allCases.reversed().compactMap { level in c.byLevel[level].map { "\($0) \(level.rawValue)" } }
        parts.append("\(c.flagged - c.flaggedAnswered) new open flags" + (open.isEmpty ? "" : " (\(open.joined(separator: ", ")))"))
        if c.flaggedAnswered > 0 { parts.append("\(c.flaggedAnswered) flagged but already answered") }
        if c.updated > 0 { parts.append("\(c.updated) updated") }
        if c.reopened > 0 { parts.append("\(c.reopened) reopened") }
        if c.resolvedByReply > 0 { parts.append("\(c.resolvedByReply) resolved by a public reply") }
        if c.resolvedByEdit > 0 { parts.append("\(c.resolvedByEdit) resolved by an edit") }
        // Said where it matters: a build without its model file judges text by the lexicon only.
        if c.evaluated > 0, NegativityModel.shipped == nil, let problem = NegativityModel.loadProblem {
            parts.append("text judged by the lexicon alone (\(problem))")
        }
        return "flags: " + parts.joined(separator: ", ")
    }
}
