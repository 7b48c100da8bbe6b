import Foundation

/// The report's SVG charts as PNG for mail clients that show no SVG (Outlook desktop, Gmail),
/// drawn by `rsvg-convert` (Debian's librsvg2-bin; `$REPUTA_RSVG_CONVERT` names another) at
/// twice the size for sharp screens, on white. The SVG is our own drawing (escaped labels, no
/// external reference), handed over in a private temporary folder.
public enum ChartRaster {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static var program: String {
        ProcessInfo.processInfo.environment["REPUTA_RSVG_CONVERT"] ?? "/usr/bin/rsvg-convert"
    }

    public static func png(svg: String) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw Failure(description: "\(program) not found (apt install librsvg2-bin)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("chart.svg"), output = folder.appendingPathComponent("chart.png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--format", "png", "--zoom", "2", "--background-color", "white", "--output", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let png = try? Data(contentsOf: output), png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            let reason = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw Failure(description: "rsvg-convert could not draw a chart: \(reason)")
        }
        return png
    }
}
