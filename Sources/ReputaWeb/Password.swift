import Foundation
import HummingbirdBcrypt

/// Passwords of `reputa serve`'s users: bcrypt (hummingbird-auth's), cost 12 by default
/// (about a quarter of a second here, per sign-in). `$REPUTA_BCRYPT_COST` (4…31) changes it
/// for new hashes; stored hashes keep the cost they were made with.
public enum Password {
    public static var cost: UInt8 {
        guard let text = ProcessInfo.processInfo.environment["REPUTA_BCRYPT_COST"], let n = UInt8(text), (4...31).contains(n) else {
            return 12
        }
        return n
    }

    public static func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Compared against when the name is unknown, so that a wrong name takes as long as a wrong
    /// password and says nothing about who exists.
    static let decoy = Bcrypt.hash("reputa-decoy", cost: cost)

    /// What a new password must be: at least 10 characters.
    public static func problem(_ password: String) -> String? {
        password.count < 10 ? "a password needs at least 10 characters" : nil
    }
}
