import Foundation
import ReputaConfig
import ReputaCore
import ReputaNet
import ReputaIngest
import ReputaOutput
import ReputaStore

/// Runs the fetch stage over configured sources, a few at a time; the CLI alone knows the
/// order fetch → parse → store. One failing source never stops the others; a broken store
/// stops everything.
package enum SourceRunner {
    /// `finished` hears of each source as soon as it is done (on the worker's thread), before
    /// the slowest source of the batch ends: `reputa watch` gives its lease back there.
    package static func fetch(_ context: RunContext, only: [String],
                      finished: @escaping @Sendable (SourceOutcome) -> Void = { _ in }) throws -> [SourceOutcome] {
        let (config, store, log) = (context.config, context.store, context.log)
        for name in only where config.source(named: name) == nil {
            throw UsageError("no source named \"\(name)\"\(Suggestion.hint(name, config.sources.map(\.descriptor.name)))")
        }
        let now = Timestamp(date: Date())
        let ingestor = Ingestor(store: store, archive: context.archive, now: now, logger: context.logger)
        let pacer = HostPacer(delay: config.http.hostDelay)
        let selected = config.sources.filter { only.isEmpty || only.contains($0.descriptor.name) }
        let results = ResultBox(count: selected.count)
        let next = Counter()
        let workers = min(config.concurrency, max(1, selected.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let i = next.take(below: selected.count), !results.stopped {
                    log.progress("[\(i + 1)/\(selected.count)] \(selected[i].descriptor.name)…")
                    do {
                        let outcome = try runOne(selected[i], config: config, store: store, ingestor: ingestor,
                                                 pacer: pacer, now: now, log: log)
                        results.set(i, outcome)
                        finished(outcome)
                    } catch {
                        results.stop(with: error) // only StoreError gets here
                    }
                }
            }
        }
        group.wait()
        log.endProgress()
        if let error = results.fatal { throw error }
        return results.outcomes.map { $0! }
    }

    /// One source: its files, or its URLs page by page; records the attempt in `source_state`.
    static func runOne(_ entry: Configuration.SourceEntry, config: Configuration, store: any SQLStore,
                       ingestor: Ingestor, pacer: HostPacer, now: Timestamp, log: any PipelineLog) throws -> SourceOutcome {
        let name = entry.descriptor.name
        var outcome = SourceOutcome(source: name)
        if TransferStop.isRequested {
            outcome.interrupted = true
            return outcome
        }
        if entry.url != nil, var until = try store.sourceState(name)?.nextCheckAt, until > now.utcISO {
            // A deferral stored before http.max_defer existed (or under a longer one) ends at the cap.
            let cap = Timestamp(epochSeconds: now.epochSeconds + Int64(config.http.maxDefer)).utcISO
            if until > cap { until = cap }
            outcome.deferredUntil = until
            log.note("reputa: fetch \(name): deferred: the server asked not to be polled before \(until)")
            return outcome
        }
        var retryAfter: Int? = nil
        var portalTotal: Int? = nil
        func note(_ error: any ReputaError) throws {
            if error is StoreError { throw error } // the store itself is broken: stop everything
            if let f = error as? FetchError, f.interrupted {
                outcome.interrupted = true
                return
            }
            log.note("reputa: \(error)")
            if outcome.failure == nil { outcome.failure = "\(error)" }
            if let f = error as? FetchError, let r = f.retryAfter { retryAfter = max(retryAfter ?? 0, r) }
        }
        do {
            if entry.url != nil {
                var policy = config.http
                if let allow = entry.allowPrivateNetwork { policy.allowPrivateNetwork = allow }
                if let cap = entry.maxBytes { policy.maxBytes = cap }
                let http = HTTPClient(policy: policy, pacer: pacer)
                let cursor = Kinds.named(entry.descriptor.kind)?.cursorParameter
                for start in entry.startURLs {
                    do {
                        portalTotal = try fetchPages(from: start, entry: entry, http: http, cursor: cursor, store: store,
                                                     ingestor: ingestor, now: now, outcome: &outcome) ?? portalTotal
                    } catch let error as any ReputaError {
                        try note(error)
                    }
                }
            } else {
                for load in try PayloadCollector.collect(entry, now: now) {
                    do {
                        let payload = try load()
                        outcome.payloads += 1
                        let result = try ingestor.ingestPage(payload, descriptor: entry.descriptor)
                        outcome.counts = outcome.counts + result.counts
                        portalTotal = result.portalTotal ?? portalTotal
                    } catch let error as any ReputaError {
                        try note(error)
                    }
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as any ReputaError {
            try note(error)
        }
        // A source left unread by a stop keeps the state it had: not an error, not a success.
        if outcome.interrupted, outcome.failure == nil { return outcome }
        try store.recordAttempt(source: name, at: now, outcome: outcome.failure.map {
            .failure(message: $0, retryAfter: retryAfter)
        } ?? .success(portalTotal: portalTotal, routeCap: entry.routeCap))
        return outcome
    }

    /// Follows one start URL through at most `maxPages` pages. Stops early at a page the
    /// server says is unchanged (304) or whose bytes are already imported: the pages behind
    /// it were read when it was new. Returns the portal's total if a page stated it.
    static func fetchPages(from start: String, entry: Configuration.SourceEntry, http: HTTPClient, cursor: String?,
                           store: any SQLStore, ingestor: Ingestor, now: Timestamp, outcome: inout SourceOutcome) throws -> Int? {
        let name = entry.descriptor.name
        var url = start
        var seen: Set<String> = []
        var total: Int? = nil
        for _ in 0..<entry.maxPages {
            seen.insert(url)
            let stored = try store.validators(source: name, url: url)
            let request = HTTPRequest(url: url, headers: entry.credentials.map { ($0.name, $0.value.value) },
                                      etag: stored?.etag, lastModified: stored?.lastModified)
            let response = try http.get(request, source: name)
            if response.notModified {
                outcome.notModified += 1
                try store.saveValidators(HTTPValidators(url: url, etag: response.etag, lastModified: response.lastModified),
                                         source: name, at: now)
                return total
            }
            outcome.payloads += 1
            let result = try ingestor.ingestPage(PayloadCollector.payload(response, requested: url, now: now),
                                                 descriptor: entry.descriptor)
            outcome.counts = outcome.counts + result.counts
            total = result.portalTotal ?? total
            guard !result.counts.alreadyImported, let next = result.nextPage,
                  let target = nextURL(next, after: url, cursor: cursor), !seen.contains(target) else { return total }
            url = target
        }
        return total
    }

    /// A `next` link resolved against the page it came from, or a cursor token put into the
    /// current URL's query. Only http(s) URLs on the same host are followed.
    static func nextURL(_ next: String, after current: String, cursor: String?) -> String? {
        if let cursor, !next.contains("/") {
            guard var c = URLComponents(string: current) else { return nil }
            var items = (c.queryItems ?? []).filter { $0.name != cursor }
            items.append(URLQueryItem(name: cursor, value: next))
            c.queryItems = items
            return c.string
        }
        guard let resolved = URL(string: next, relativeTo: URL(string: current))?.absoluteURL,
              let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https",
              resolved.host?.lowercased() == URL(string: current)?.host?.lowercased() else { return nil }
        return resolved.absoluteString
    }

    /// 0 when every source was read; 1 when every one failed; 2 when some failed or were
    /// deferred (a server's `Retry-After`): a deferred source was not read, so the run is partial.
    package static func status(_ outcomes: [SourceOutcome]) -> ExitStatus {
        let failed = outcomes.filter { $0.failure != nil }.count
        let deferred = outcomes.filter { $0.failure == nil && $0.deferredUntil != nil }.count
        if failed == 0 { return deferred == 0 ? .ok : .partial }
        return failed == outcomes.count ? .failure : .partial
    }

    /// Hands out source indexes to worker threads.
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var value = 0
        func take(below limit: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    /// Outcomes in config order, and the first fatal (store) error, which stops the workers.
    final class ResultBox: @unchecked Sendable {
        let lock = NSLock()
        var outcomes: [SourceOutcome?]
        var fatal: Error?
        init(count: Int) { outcomes = Array(repeating: nil, count: count) }
        var stopped: Bool { lock.lock(); defer { lock.unlock() }; return fatal != nil }
        func set(_ i: Int, _ o: SourceOutcome) { lock.lock(); outcomes[i] = o; lock.unlock() }
        func stop(with error: Error) { lock.lock(); if fatal == nil { fatal = error }; lock.unlock() }
    }
}
