import Foundation
import ReputaCore

/// Decides whether a review needs an answer, how soon, why, and who hears of it.
///
/// Priority (0–100), the sum of what applies, in one place:
/// - **low rating**: at or below the threshold t (on 0–100): 35 + 15 × (t − r) / t, so 1★ of
///   1–5 is 50 and 2★ is 35;
/// - **negative text** (`NegativityScorer`, score s ≤ −1) under a rating below 75: + min(30,
///   10 × |s|); a middle rating (threshold < r ≤ 50) with negative text + 10 more; with no
///   rating at all, the text alone gives 40 + min(20, 5 × (|s| − 1)); a high rating is
///   flagged only through the mismatch below;
/// - **rating–text mismatch**: r ≥ 75 with strongly negative text (s ≤ −3, little praise): + 50;
/// - **reach**: helpful votes ≥ `reachHelpfulVotes`, or an author with ≥ `reachAuthorReviews`
///   reviews on the portal: + 10 (once, with either or both);
/// - **spike** (`applySpikes`): + 15.
/// These signals alone stop at `urgentFrom − 1`: only an **urgent category** makes a review
/// urgent. A category counts on a review that is negative (r ≤ 50, negative text, or no
/// rating) and raises the priority to at least its own; the highest-priority category is the
/// review's. Level: urgent from `urgentFrom`, high from `highFrom`, normal from `minPriority`;
/// below that the review is not flagged.
public struct Flagger: Sendable {
    public let rules: FlagRules
    /// The learned negativity model beside the lexicon (`NegativityScorer.judge`); nil: the
    /// lexicon alone.
    public let model: NegativityModel?
    /// The sentiment lexicons, the rules' categories and topics: each review's words are looked
    /// up once.
    let index: LexiconIndex

    public init(rules: FlagRules, model: NegativityModel? = NegativityModel.shipped) {
        self.rules = rules
        self.model = model
        index = LexiconIndex(SentimentTerms.all.flatMap(\.lexicons) + rules.categories.flatMap(\.lexicons)
                             + rules.topics.flatMap(\.lexicons))
    }

    /// The decision about `review`, or nil when it needs no answer.
    public func evaluate(_ review: Review) -> FlagDecision? {
        if rules.ownReviewsOnly, !review.competitor.isEmpty { return nil }
        let tokens = TextTokens(title: review.title, text: review.text)
        let words = index.scan(tokens)
        let verdict = NegativityScorer.judge(words, language: review.language, model: model)
        var priority = 0.0
        var reasons: [String] = []
        let r = review.rating?.normalized
        if let rating = review.rating, let r {
            let threshold = threshold100(rating.scale)
            if r <= threshold {
                priority += 35 + (threshold > 0 ? 15 * (threshold - r) / threshold : 15)
                reasons.append("rated \(Self.number(rating.value)) on \(rating.scale) (complaints: \(Self.number(threshold * (rating.scale.max - rating.scale.min) / 100 + rating.scale.min)) or less)")
            }
            if verdict.isNegative, r < 75 {
                priority += min(30, 10 * abs(verdict.score)) + (r <= 50 && r > threshold ? 10 : 0)
                reasons.append(textReason(verdict))
            }
            if r >= 75, verdict.isStronglyNegative {
                priority += 50
                reasons.append("rating–text mismatch: \(Self.number(rating.value)) on \(rating.scale) with strongly negative text")
            }
        } else if verdict.isNegative {
            priority += 40 + min(20, 5 * (abs(verdict.score) - 1))
            reasons.append(textReason(verdict) + ", no rating")
        }
        if priority > 0 {
            var reach: [String] = []
            if let votes = review.helpfulVotes, votes >= rules.reachHelpfulVotes {
                reach.append("\(votes) people found it helpful")
            }
            if let written = review.authorReviews, written >= rules.reachAuthorReviews {
                reach.append("the author has written \(written) reviews")
            }
            if !reach.isEmpty {
                priority += 10
                reasons.append("reach: " + reach.joined(separator: ", "))
            }
        }
        priority = min(priority, Double(rules.urgentFrom - 1))

        var categories: [TermGroup] = []
        let negative = (r.map { $0 <= 50 } ?? true) || verdict.isNegative
        if negative {
            for group in rules.categories {
                let found = group.matches(words, language: review.language)
                guard !found.isEmpty else { continue }
                categories.append(group)
                reasons.append("\(group.name): " + found.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
        categories.sort { $0.priority > $1.priority } // stable: config order on ties
        var level = level(for: Int(priority.rounded()))
        if let top = categories.first {
            priority = max(priority, Double(top.priority))
            level = max(level ?? top.level, top.level)
        }
        guard let level else { return nil }
        let topics = rules.topics.compactMap { $0.isMentioned(in: words) ? $0.id : nil }
        var decision = FlagDecision(priority: min(100, Int(priority.rounded())), level: level, reasons: reasons,
                                    categories: categories.map { $0.id }, topics: topics, textScore: verdict.score)
        decision.channels = channels(for: decision, location: review.location, portal: review.portal)
        return decision
    }

    func textReason(_ verdict: NegativityScorer.Verdict) -> String {
        let words = verdict.negativeTerms.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")
        return "negative text (score \(Self.number(verdict.score)))" + (words.isEmpty ? "" : ": " + words)
    }

    /// The complaint threshold of a scale on 0–100.
    func threshold100(_ scale: RatingScale) -> Double {
        guard let value = rules.ratingAtMost[scale.description] else { return rules.ratingAtMost100 }
        return Formulas.minMaxNormalized(value, min: scale.min, max: scale.max)
    }

    public func level(for priority: Int) -> FlagLevel? {
        if priority >= rules.urgentFrom { return .urgent }
        if priority >= rules.highFrom { return .high }
        if priority >= rules.minPriority { return .normal }
        return nil
    }

    /// The channels of every matching route, in config order, else the default channels.
    public func channels(for decision: FlagDecision, location: String, portal: String) -> [String] {
        var out: [String] = []
        for route in rules.routes where route.matches(decision, location: location, portal: portal) {
            if !out.contains(route.channel) { out.append(route.channel) }
        }
        return out.isEmpty ? rules.defaultChannels : out
    }

    /// The response deadline: the level's SLA after `start`, in the location's business hours
    /// when it has them, else in calendar time.
    public func deadline(from start: Timestamp, level: FlagLevel, location: String) -> Timestamp {
        let seconds = rules.sla[level] ?? 72 * 3600
        if let hours = rules.hours(for: location) { return hours.adding(seconds, to: start) }
        return Timestamp(epochSeconds: start.epochSeconds + Int64(seconds))
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String((v * 100).rounded() / 100)
    }
}

extension Flagger {
    /// Adds the spike signal: a complaint whose topic at its location had at least
    /// `spikeCount` complaints (itself included) within `spikeWindow` before it.
    public func spike(for decision: FlagDecision, location: String, portal: String, at: Timestamp,
                      complaints: ComplaintIndex) -> FlagDecision {
        guard !location.isEmpty else { return decision }
        var out = decision
        for topic in decision.topics {
            let n = complaints.count(location: location, topic: topic, endingAt: at, window: rules.spikeWindow)
            guard n >= rules.spikeCount else { continue }
            let name = rules.topics.first { $0.id == topic }?.name ?? topic
            out.reasons.append("spike: \(n) complaints about \(name) at \(location) within \(rules.spikeWindow / 86_400) days")
            out.priority = max(decision.priority, min(decision.priority + 15, rules.urgentFrom - 1))
            if let level = level(for: out.priority), level > out.level { out.level = level }
            out.channels = channels(for: out, location: location, portal: portal)
            break
        }
        return out
    }
}

extension Flagger {
    /// The verdicts on one batch of reviews, in order: the decision with its spike and its
    /// deadline, or nil where no answer is needed. The batch's own complaints count towards
    /// each other's spikes, so they are added to `complaints` first. A review without a date
    /// counts from `now`.
    public func verdicts(_ reviews: [Review], complaints: inout ComplaintIndex,
                         now: Timestamp) -> [(decision: FlagDecision, dueAt: Timestamp)?] {
        verdicts(reviews, decided: evaluateAll(reviews), complaints: &complaints, now: now)
    }

    /// `verdicts` from decisions already made (`evaluateAll`), in the same order as `reviews`.
    public func verdicts(_ reviews: [Review], decided: [FlagDecision?], complaints: inout ComplaintIndex,
                         now: Timestamp) -> [(decision: FlagDecision, dueAt: Timestamp)?] {
        for case let (review, decision?) in zip(reviews, decided) {
            complaints.add(ComplaintMark(location: review.location, topics: decision.topics, at: review.createdAt ?? now))
        }
        complaints.prepare()
        return zip(reviews, decided).map { review, decision in
            guard let decision else { return nil }
            let start = review.createdAt ?? now
            let final = spike(for: decision, location: review.location, portal: review.portal, at: start, complaints: complaints)
            return (final, deadline(from: start, level: final.level, location: review.location))
        }
    }
}

extension Flagger {
    /// `evaluate` of every review, in order, on every core: each review's verdict depends on that
    /// review alone, and the text work is most of the flag pass (`make bench`). Small batches stay on
    /// the calling thread.
    public func evaluateAll(_ reviews: [Review]) -> [FlagDecision?] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, reviews.count / 64)
        guard workers > 1 else { return reviews.map(evaluate) }
        var out = [FlagDecision?](repeating: nil, count: reviews.count)
        out.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes its own slice of the buffer: no element is shared.
            nonisolated(unsafe) let slots = buffer
            let size = (reviews.count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for i in (w * size)..<min(reviews.count, (w + 1) * size) {
                    slots[i] = evaluate(reviews[i])
                }
            }
        }
        return out
    }
}
