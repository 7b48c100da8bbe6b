import FuzzDriver
import Foundation
import ReputaConfig

/// The configuration loader on any bytes: YAML structure, aliases, `${VAR}` substitution,
/// every section's validation. It must answer with a Configuration or a ConfigError, nothing else.
/// (The loader reads a file: the input is written to one in /dev/shm, per process.)
let path = "/dev/shm/reputa-fuzz-config-\(getpid()).yml"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { fatalError("cannot write \(path)") }
    do {
        _ = try ConfigLoader.load(file: path, environment: ["TOKEN": "t0k3n", "EMPTY": "", "NL": "a\nb"])
    } catch is ConfigError {
    } catch {
        fatalError("the loader threw something other than a ConfigError: \(error)")
    }
    return 0
}
