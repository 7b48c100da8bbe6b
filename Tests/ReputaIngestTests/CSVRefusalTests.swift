import Foundation
import ReputaCore
@testable import ReputaIngest
import Testing

/// Rows the CSV reader skips whole (a NUL byte, a field over the cap, a row past 16 × the cap)
/// are named by the same line and column whatever size the pieces come in, and the rows
/// around them are read as if the skipped one were not there.
struct CSVRefusalTests {
    /// (line, column, field, reason) of each refused row and the fields of the others.
    static func read(_ text: String, cap: Int, pieceSize: Int) throws -> (refused: [String], rows: [[String]]) {
        var reader = try CSVReader(UTF8Stream(ByteInput(bytes: Array(text.utf8), pieceSize: pieceSize)), maxFieldBytes: cap)
        var refused: [String] = [], rows: [[String]] = []
        while let record = try reader.next() {
            if let r = record.refusal {
                refused.append("\(r.line):\(r.column) field \(r.field.map { String($0 + 1) } ?? "-") \(r.reason)")
            } else {
                rows.append(record.fields)
            }
        }
        return (refused, rows)
    }

    @Test(arguments: [1, 2, 3, 7, 64, 100_000])
    func refusalsDoNotDependOnPieces(pieceSize: Int) throws {
        let long = String(repeating: "L", count: 40)
        // 16 × 32 = 512 bytes: the row of line 9 runs past it, with quotes and newlines inside.
        let runaway = String(repeating: "r\n\"\"", count: 200)
        let text = "a,b,c\r\n1,x\0y,z\r\n2,\"q\nq\",\(long)\r\n\r\n3,\"\(long)\",w\n4,ok,\"multi\nline \0\"\n"
            + "5,\"\(runaway)\",e\n6,last,row\n"
        let got = try Self.read(text, cap: 32, pieceSize: pieceSize)
        #expect(got.refused == [
            "2:4 field 2 nul",
            "4:4 field 3 tooLong(bytes: 40, limit: 32)",
            "6:3 field 2 tooLong(bytes: 40, limit: 32)",
            "8:6 field 3 nul",
            "9:1 field - rowTooLong(limit: 512)",
        ])
        #expect(got.rows == [["a", "b", "c"], ["6", "last", "row"]])
    }

    @Test func aFieldAtTheCapIsRead() throws {
        let text = "a\n" + String(repeating: "k", count: 32) + "\n\"" + String(repeating: "\"\"", count: 16) + "\"\n"
        let got = try Self.read(text, cap: 32, pieceSize: 5)
        #expect(got.refused.isEmpty)
        #expect(got.rows == [["a"], [String(repeating: "k", count: 32)], [String(repeating: "\"", count: 16)]])
    }

    /// A row too long to hold is followed by `scan`'s own rules: a quote inside an unquoted field
    /// is text, and a fault in the skipped row is the same fault at the same place.
    @Test(arguments: [1, 7, 100_000])
    func aSkippedRowEndsWhereScanEndsIt(pieceSize: Int) throws {
        let long = String(repeating: "e", count: 600)
        let got = try Self.read("a,b,c\n2,ab\"cd\(long),x\n3,ok,ok\n", cap: 32, pieceSize: pieceSize)
        #expect(got.refused == ["2:1 field - rowTooLong(limit: 512)"])
        #expect(got.rows == [["a", "b", "c"], ["3", "ok", "ok"]])
        #expect(throws: CSVReader.Failure(line: 2, column: 605, message: "unexpected character after closing quote")) {
            _ = try Self.read("a,b\n1,\"" + long + "\"x,2\n", cap: 32, pieceSize: pieceSize)
        }
        #expect(throws: CSVReader.Failure(line: 2, column: 3, message: "quote opened here is never closed")) {
            _ = try Self.read("a,b\n1,\"" + long + "\n", cap: 32, pieceSize: pieceSize)
        }
    }
}
