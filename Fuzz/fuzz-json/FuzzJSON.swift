import FuzzDriver
import FuzzSupport

/// Every JSON importer: the portal APIs' dumps, JSON Lines, and the generic `json` kind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = ImportCheck.bytes(data, size)
    let kinds = ["appstore-json", "appstore-connect", "google-play-api", "google-business", "trustpilot-api", "yelp-api",
                 "yelp-dataset", "tripadvisor-api", "amazon-jsonl", "json"]
    ImportCheck.run(bytes, kind: kinds[size % kinds.count])
    return 0
}
