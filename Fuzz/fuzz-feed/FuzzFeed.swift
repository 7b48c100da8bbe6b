import FuzzDriver
import FuzzSupport

/// The XML feed readers through libxml2's push parser: RSS 0.9x/2.0, RDF, Atom, and the App
/// Store's streaming Atom reader (entities, encodings, depth, entity expansion).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = ImportCheck.bytes(data, size)
    let kinds = ["rss", "atom", "feed", "appstore-rss"]
    ImportCheck.run(bytes, kind: kinds[size % kinds.count])
    return 0
}
