import ReputaCore

/// A dry run done for real and then undone: `body` gets a store whose every read and write
/// goes into one write transaction on this store, and that transaction is rolled back when
/// `body` returns. What it prints is what the real run would do (the same flag pass, queue and
/// plan, the same ids), and the store is left exactly as it was.
extension SQLStore {
    public func rehearse<T>(_ body: (any SQLStore) throws -> T) throws -> T {
        var result: T?
        do {
            try writing { db -> Void in
                result = try body(TransactionStore(connection: db, place: place))
                throw Rehearsed()
            }
        } catch is Rehearsed {}
        guard let result else { throw StoreError(place: place, message: "the dry run did not finish") }
        return result
    }
}

/// Thrown to roll a rehearsal back; a `ReputaError` so every store passes it through as it is.
struct Rehearsed: ReputaError {
    var stage: String { "store" }
    var exitCode: ExitStatus { .ok }
    var description: String { "dry run rolled back" }
}

/// A store inside one open transaction: reading and writing both run on its connection, so
/// nested steps see each other's writes and all of them end with the transaction.
final class TransactionStore: SQLStore, @unchecked Sendable {
    let connection: any SQLConnection
    let place: String

    init(connection: any SQLConnection, place: String) {
        self.connection = connection
        self.place = place
    }

    func reading<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try body(connection) }
    func writing<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try body(connection) }
}
