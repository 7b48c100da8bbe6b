import Foundation
import ReputaCore
import ReputaStore

/// Where a PostgreSQL store lives: `postgres://user[:password]@host[:port]/database[?sslmode=…]`
/// (or `postgresql://`), with the password taken, in this order, from the URL (where
/// `sources.yml` puts a `${VAR}`), `$PGPASSWORD`, or a `.pgpass`-style file (`$PGPASSFILE`, else
/// `~/.pgpass`). The password is never part of `description`.
public struct PostgresLocation: Equatable, Sendable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        /// Plain connection.
        case disable
        /// TLS when the server offers it (libpq's default).
        case prefer
        /// TLS or no connection.
        case require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: String?
    public var tls: TLSMode

    /// True for a store setting that names a PostgreSQL server rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The URL without its password: safe for logs and errors.
    public var description: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    public init(host: String, port: Int = 5432, user: String, database: String, password: String? = nil,
                tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.tls = tls
    }

    /// Reads the URL; `environment` supplies `PGPASSWORD`, `PGPASSFILE` and `HOME`.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func problem(_ message: String) -> StoreError {
            // The text may hold a password: only its scheme and host part are repeated.
            StoreError(place: text.contains("://") ? URLRedaction.redact(text, keeping: .path) : "store URL", message: message)
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw problem("not a PostgreSQL URL (postgres://user@host:port/database)")
        }
        guard let host = components.host, !host.isEmpty else { throw problem("the URL names no host") }
        guard let user = components.user, !user.isEmpty else { throw problem("the URL names no user (postgres://user@host/database)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw problem("the URL names no database (…/database)") }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw problem("sslmode \"\(item.value ?? "")\" is not disable, prefer or require")
                }
            default:
                throw problem("unknown URL parameter \"\(item.name)\" (known: sslmode)")
            }
        }
        self.init(host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: components.port ?? 5432,
                  user: user, database: database, password: components.password, tls: tls)
        if password == nil || password == "" {
            password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
                ?? Self.passfilePassword(environment: environment, host: self.host, port: port, database: database, user: user)
        }
    }

    /// The password of the first matching line of a pgpass file: `host:port:database:user:password`,
    /// `*` matching anything, `\:` and `\\` escaped. Like libpq, a file others can read is ignored.
    static func passfilePassword(environment: [String: String], host: String, port: Int, database: String,
                                 user: String) -> String? {
        let path = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
           mode & 0o077 != 0 { return nil }
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passfileFields(line)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 || ($0 == "localhost" && $1 == "127.0.0.1") }) {
                return fields[4]
            }
        }
        return nil
    }

    static func passfileFields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}

extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}
