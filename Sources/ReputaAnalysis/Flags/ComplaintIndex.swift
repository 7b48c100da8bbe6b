import ReputaCore

/// Complaint times by location and topic, for spike counts in O(log n): each list is sorted
/// once after a batch of additions, then counted by binary search.
public struct ComplaintIndex: Sendable {
    var times: [String: [Int64]] = [:]
    var unsorted: Set<String> = []

    public init(_ marks: [ComplaintMark] = []) {
        for mark in marks { add(mark) }
    }

    static func key(_ location: String, _ topic: String) -> String { location + "\u{1F}" + topic }

    public mutating func add(_ mark: ComplaintMark) {
        for topic in mark.topics {
            let key = Self.key(mark.location, topic)
            times[key, default: []].append(mark.at.epochSeconds)
            unsorted.insert(key)
        }
    }

    /// Sorts what was added since the last call; `count` needs it done.
    public mutating func prepare() {
        for key in unsorted { times[key]?.sort() }
        unsorted = []
    }

    /// Complaints about `topic` at `location` in (end − window, end].
    public func count(location: String, topic: String, endingAt end: Timestamp, window: Int) -> Int {
        guard let list = times[Self.key(location, topic)] else { return 0 }
        precondition(!unsorted.contains(Self.key(location, topic)), "ComplaintIndex.prepare() not called")
        return Self.firstIndex(after: end.epochSeconds, in: list)
            - Self.firstIndex(after: end.epochSeconds - Int64(window), in: list)
    }

    /// The index of the first element greater than `value`.
    static func firstIndex(after value: Int64, in list: [Int64]) -> Int {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
