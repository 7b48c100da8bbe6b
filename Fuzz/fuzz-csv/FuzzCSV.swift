import FuzzDriver
import FuzzSupport

/// The CSV reader behind every export kind: the generic `csv` kind (header sniffing, column
/// presets, ratings, dates) with a small field cap, so NUL bytes, runaway quotes and oversized
/// fields are all reached, whole and in pieces.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = ImportCheck.bytes(data, size)
    ImportCheck.run(bytes, kind: "csv", maxFieldBytes: 64)
    ImportCheck.run(bytes, kind: "google-play-csv")
    return 0
}
