import Foundation
import FuzzSupport
import ReputaCore
import Testing

/// Every input `make fuzz` found a fault with, kept in Fixtures/fuzz/ as `<kind>-<max_field_bytes
/// or 0>-<what>.<ext>`: read whole and in pieces of 1, 2, 3 and 7 bytes, it must give the same
/// reviews and problems, or fail at the same place (the harnesses' own check, `ImportCheck`).
struct FuzzRegressionTests {
    static let folder = Bundle.module.url(forResource: "Fixtures/fuzz", withExtension: nil)!

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func thereAreCases() { #expect(Self.cases.count >= 5) }

    @Test(arguments: cases)
    func piecesReadAsTheWhole(name: String) throws {
        let parts = name.split(separator: "-")
        // The kind is every part before the numeric cap (kinds have dashes of their own).
        let capIndex = try #require(parts.firstIndex { Int($0) != nil })
        let kind = parts[..<capIndex].joined(separator: "-")
        let source = ImportCheck.source(kind: kind, maxFieldBytes: Int(parts[capIndex]).flatMap { $0 == 0 ? nil : $0 })
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let whole = ImportCheck.comparable(ImportCheck.read(bytes, kind: kind, source: source, pieceSize: nil), kind: kind)
        for size in [1, 2, 3, 7] {
            let pieces = ImportCheck.comparable(ImportCheck.read(bytes, kind: kind, source: source, pieceSize: size), kind: kind)
            #expect(pieces == whole, "\(name) in pieces of \(size)")
        }
    }
}
