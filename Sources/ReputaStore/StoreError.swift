import ReputaCore

/// The store cannot be opened, migrated or written: names the store's path (or the snapshot
/// file) and the cause.
public struct StoreError: ReputaError, Equatable {
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var stage: String { "store" }
    public var exitCode: ExitStatus { .failure }
    public var description: String { "store: \(place): \(message)" }
}
