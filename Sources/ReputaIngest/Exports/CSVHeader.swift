/// A CSV file's first row, as `reputa inspect` and the scraper kinds look at it: the delimiter
/// (detected as the CSV reader does) and the column names, trimmed. Nil when the first row is
/// not a header of two or more columns.
public enum CSVHeader {
    public static func read(_ bytes: [UInt8]) -> (delimiter: String, columns: [String])? {
        guard var reader = try? CSVReader(UTF8Stream(ByteInput(bytes: Array(bytes.prefix(1 << 20))))),
              let header = try? reader.next(), header.refusal == nil, header.fields.count > 1 else { return nil }
        return (String(UnicodeScalar(reader.delimiter)), header.fields.map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
