import ArgumentParser
import Foundation
import ReputaCore
import ReputaOutput
import ReputaPipeline
import ReputaStore
import ReputaWeb

/// `reputa users`: who may sign in to `reputa serve`.
struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage who may sign in to `reputa serve`: add, passwd, remove, list.",
        discussion: """
        Users live in the store (bcrypt-hashed passwords), so every `serve` on that store knows them. \
        Roles: viewer (reads flags), oncall (also acknowledges, assigns, comments, resolves, reopens), \
        admin (the same; meant for whoever runs Reputa). --location limits a user to those locations' \
        flags, in pages and JSON alike; without it they see every location.
        Passwords are read from the terminal without echo, or as one line from stdin with --password-stdin; \
        never from an argument (it would show in `ps` and the shell's history).
        `users set` changes a role, the locations or the language; it takes effect on the user's next page.
        Exit codes: 0 done; 1 store error; 64 usage error (unknown user, name taken, weak password).
        """,
        subcommands: [UsersAdd.self, UsersSet.self, UsersPasswd.self, UsersRemove.self, UsersList.self],
        defaultSubcommand: UsersList.self)
}

extension UserRole: ExpressibleByArgument {}

/// How a password is given: typed twice at the terminal, or one line on stdin.
struct PasswordInput: ParsableArguments {

    @Flag(help: "Read the password as one line from stdin (for scripts) instead of asking at the terminal.")
    var passwordStdin = false

    func read() throws -> String {
        let password: String
        if passwordStdin || isatty(0) != 1 {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on stdin") }
            password = line
        } else {
            let first = String(cString: getpass("Password: "))
            let second = String(cString: getpass("Again: "))
            guard first == second else { throw ValidationError("the two passwords differ") }
            password = first
        }
        if let problem = Password.problem(password) { throw ValidationError(problem) }
        return password
    }
}

struct UsersAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user who may sign in.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Their sign-in name.")
    var name: String

    @Option(help: "viewer, oncall or admin.")
    var role: UserRole = .oncall

    @Option(help: ArgumentHelp("Only this location's flags (repeatable); default: every location.", valueName: "id"))
    var location: [String] = []

    @Option(help: ArgumentHelp("Their page language: en or it (default: the server's --lang).", valueName: "lang"))
    var lang: String?

    @OptionGroup var password: PasswordInput

    func validate() throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed == name, name.count <= 100, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError("a user name is 1–100 characters, without leading or trailing spaces or control characters")
        }
        try InboxOptions.checkLang(lang)
    }

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            for id in location { try ReadingFlags.checkLocation(id, config) }
            let store = try global.openStore(config, create: true)
            let hash = Password.hash(try password.read())
            let user = WebUser(name: name, role: role, locations: location, lang: lang ?? "")
            guard try store.addUser(user, passwordHash: hash, at: Clock.now()) else {
                throw ValidationError("there is already a user \"\(name)\" (reputa users passwd changes the password)")
            }
            Console.out("user \(TerminalText.visible(name)) added (\(role.rawValue), \(location.isEmpty ? "every location" : location.joined(separator: ", ")))\n")
            return .ok
        }
    }
}

struct UsersSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change a user's role, locations or language.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The user's name.")
    var name: String

    @Option(help: "viewer, oncall or admin.")
    var role: UserRole?

    @Option(help: ArgumentHelp("Only this location's flags from now on (repeatable; replaces the list).", valueName: "id"))
    var location: [String] = []

    @Flag(help: "Every location's flags from now on.")
    var allLocations = false

    @Option(help: ArgumentHelp("Their page language: en or it.", valueName: "lang"))
    var lang: String?

    func validate() throws {
        if allLocations, !location.isEmpty { throw ValidationError("--location and --all-locations exclude each other") }
        try InboxOptions.checkLang(lang)
        if role == nil, location.isEmpty, !allLocations, lang == nil { throw ValidationError("nothing to change: give --role, --location, --all-locations or --lang") }
    }

    func run() throws {
        try guarded {
            let config = try global.optionalConfig()
            for id in location { try ReadingFlags.checkLocation(id, config) }
            let store = try global.openStore(config)
            let locations: [String]? = allLocations ? [] : location.isEmpty ? nil : location
            guard try store.updateUser(name, role: role, locations: locations, lang: lang, at: Clock.now()) else {
                throw ValidationError("no user \"\(name)\" (reputa users lists them)")
            }
            Console.out("user \(TerminalText.visible(name)) changed\n")
            return .ok
        }
    }
}

struct UsersPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Change a user's password (and sign them out everywhere).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The user's name.")
    var name: String

    @OptionGroup var password: PasswordInput

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            guard try store.userCredentials(name) != nil else { throw ValidationError("no user \"\(name)\" (reputa users lists them)") }
            guard try store.updateUser(name, passwordHash: Password.hash(try password.read()), at: Clock.now()) else {
                throw ValidationError("no user \"\(name)\"")
            }
            Console.out("password of \(TerminalText.visible(name)) changed; their sessions are closed\n")
            return .ok
        }
    }
}

struct UsersRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user (and their sessions); their history stays.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The user's name.")
    var name: String

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            guard try store.removeUser(name) else { throw ValidationError("no user \"\(name)\" (reputa users lists them)") }
            Console.out("user \(TerminalText.visible(name)) removed\n")
            return .ok
        }
    }
}

struct UsersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users (never their passwords).",
                                                    discussion: "JSON is an array of objects with the keys name, role, locations, lang.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: table, json, csv, md or html.")
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let store = try global.openStore(try global.optionalConfig())
            let table = DataTable(columns: ["name", "role", "locations", "lang"], rows: try store.users().map {
                [.text($0.name), .text($0.role.rawValue), .list($0.locations), .text($0.lang)]
            })
            Console.out(Renderer.render(table, as: format))
            return .ok
        }
    }
}
