// swift-tools-version:6.0
import Foundation
import PackageDescription

// Stages: Core (nouns, formulas) ← Net (libcurl) ← Ingest (bytes → reviews) / Store (SQLite; Postgres beside it) ← Analysis (metrics)
// ← Output (render, alert channels)
// ← Pipeline (config, the order of stages, the reaction path) ← CLI (arguments, rendering) ← reputa (main).
let package = Package(
    name: "Reputa",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reputa", targets: ["reputa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `reputa watch`: graceful stop on SIGINT/SIGTERM.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The PostgreSQL store (issue 7).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // `reputa serve`, the on-call inbox (issue 24): the HTTP server, bcrypt, the page templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Language identification: Debian's CLD2 (libcld2-dev) behind one C function.
        .target(name: "CLanguageID", linkerSettings: [.linkedLibrary("cld2")]),
        .target(name: "ReputaCore"),
        // Every request Reputa makes, on libcurl with one set of safe defaults: GET (fetches), POST (webhooks), SMTP.
        .target(name: "ReputaNet", dependencies: ["ReputaCore", "CCurl", "CCrypto"]),
        .target(name: "ReputaIngest", dependencies: ["ReputaCore", "ReputaNet", "CLibXML2", "CLanguageID"]),
        .target(name: "ReputaStore", dependencies: ["ReputaCore", "CCrypto", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "ReputaPostgres", dependencies: [
            "ReputaCore", "ReputaStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "ReputaAnalysis", dependencies: ["ReputaCore"], exclude: ["Resources"]),
        .target(name: "ReputaOutput", dependencies: ["ReputaCore", "ReputaAnalysis", "ReputaNet"]),
        // sources.yml read strictly into a Configuration: no store, no network (so it can be fuzzed alone).
        .target(name: "ReputaConfig", dependencies: [
            "ReputaCore", "ReputaNet", "ReputaIngest", "ReputaAnalysis", "ReputaOutput",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The pipeline that alone knows the order of stages (fetch → store → flag → queue → deliver,
        // the weekly report), driven by a RunContext: no argument parser, no console.
        .target(name: "ReputaPipeline", dependencies: [
            "ReputaConfig", "ReputaCore", "ReputaNet", "ReputaIngest", "ReputaStore", "ReputaPostgres", "ReputaAnalysis", "ReputaOutput",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // `reputa serve`: the on-call inbox in the browser over the same store and flag lifecycle as the
        // CLI (sessions, users and login throttling live in the store, so several instances share them).
        // web/ (templates, CSS, the one small script) is read at start (WebFiles), not compiled in.
        .target(name: "ReputaWeb", dependencies: [
            "ReputaPipeline", "ReputaConfig", "ReputaCore", "ReputaStore", "ReputaAnalysis", "ReputaOutput",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], exclude: ["web"]),
        // The command line: parses arguments, calls the pipeline, renders its outcomes.
        .target(name: "ReputaCLI", dependencies: [
            "ReputaPipeline", "ReputaConfig", "ReputaCore", "ReputaNet", "ReputaIngest", "ReputaStore", "ReputaPostgres", "ReputaAnalysis",
            "ReputaOutput", "ReputaWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "reputa", dependencies: ["ReputaCLI"]),
        // Test support: the throwaway PostgreSQL server scripts/pg-test-server.sh runs, and the two engines.
        .target(name: "ReputaStoreTesting", dependencies: ["ReputaStore", "ReputaPostgres"], path: "Tests/ReputaStoreTesting"),
        .testTarget(name: "ReputaCoreTests", dependencies: ["ReputaCore"]),
        .testTarget(name: "ReputaNetTests", dependencies: ["ReputaNet", "ReputaCore"]),
        // Fixtures/negativity: the labelled Italian/English evaluation set of the negativity scorer.
        .testTarget(name: "ReputaAnalysisTests", dependencies: ["ReputaAnalysis", "ReputaCore", "ReputaIngest"],
                    resources: [.copy("Fixtures")]),
        // Whole vs. in pieces, shared by the fuzz harnesses (Fuzz/) and the piece-boundary tests.
        .target(name: "FuzzSupport", dependencies: ["ReputaIngest", "ReputaCore"], path: "Fuzz/FuzzSupport"),
        .testTarget(name: "ReputaIngestTests", dependencies: ["ReputaIngest", "ReputaNet", "ReputaCore", "FuzzSupport"],
                    resources: [.copy("Fixtures")]),
        // Tests of both stores: a SQLite file and a throwaway PostgreSQL server (ReputaStoreTesting).
        .testTarget(name: "ReputaStoreTests", dependencies: ["ReputaStore", "ReputaPostgres", "ReputaCore", "ReputaStoreTesting",
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        // The inbox's pieces that need no server (strings, dates, forms); the server itself is tested end to end.
        .testTarget(name: "ReputaWebTests", dependencies: ["ReputaWeb", "ReputaCore", "ReputaOutput"]),
        // Renderers and the alert channels' formats.
        // (ReputaIngest: its CSV reader reads the real reviews of ../shared/data that the channels are tried on.)
        .testTarget(name: "ReputaOutputTests", dependencies: ["ReputaOutput", "ReputaCore", "ReputaNet", "ReputaIngest"]),
        // Config loading and the pipeline driven as a front end would, through a RunContext.
        .testTarget(name: "ReputaPipelineTests", dependencies: ["ReputaPipeline", "ReputaConfig", "ReputaCore", "ReputaAnalysis", "ReputaStore",
                                                            "ReputaIngest", "ReputaOutput"]),
        // Runs the built `reputa` against temp stores, the Support/ oracles, a local HTTP and SMTP server, Chromium.
        .testTarget(name: "EndToEndTests", dependencies: ["reputa", "ReputaStoreTesting", "ReputaPostgres", "ReputaStore", "ReputaCore"],
                    exclude: ["Support/oracle.py", "Support/serve.py", "Support/compare_oracle.py", "Support/smtp_sink.py",
                              "Support/mail_parse.py", "Support/png_stats.py", "Support/webhook_sink.py", "Support/inbox_browser.py"]),
    ]
)

// `make fuzz`: libFuzzer harnesses, one per reader (Fuzz/), built only when REPUTA_FUZZ is set and
// with `-sanitize=fuzzer,address -parse-as-library` (libFuzzer brings `main`), so a normal build
// never sees them.
if ProcessInfo.processInfo.environment["REPUTA_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", "FuzzDriver"], path: "Fuzz/fuzz-csv"),
        .executableTarget(name: "fuzz-feed", dependencies: ["FuzzSupport", "FuzzDriver"], path: "Fuzz/fuzz-feed"),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport", "FuzzDriver"], path: "Fuzz/fuzz-json"),
        .executableTarget(name: "fuzz-dates", dependencies: ["ReputaIngest", "ReputaCore", "FuzzDriver"], path: "Fuzz/fuzz-dates"),
        .executableTarget(name: "fuzz-config", dependencies: ["ReputaConfig", "FuzzDriver"], path: "Fuzz/fuzz-config"),
    ]
}
