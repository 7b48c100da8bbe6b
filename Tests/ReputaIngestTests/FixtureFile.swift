import Foundation
import ReputaCore

/// Bytes of a file under Fixtures/, copied into the test bundle.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
    return [UInt8](try Data(contentsOf: url))
}

func descriptor(_ name: String = "test", kind: String, mapping: [String: String] = [:], timezone: String = "Europe/Rome",
                aliases: [String: String] = [:]) -> SourceDescriptor {
    SourceDescriptor(name: name, kind: kind, mapping: mapping, timezone: timezone, locationAliases: aliases)
}

import Testing
