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

    public static func png(svg: String, timeout: TimeInterval = 30) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw Failure(description: "\(program) not found (apt install librsvg2-bin)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reputa-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("chart.svg"), output = folder.appendingPathComponent("chart.png")
        try Data(svg.utf8).write(to: input)
        let errors = folder.appendingPathComponent("errors.txt")
        try Data().write(to: errors)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--format", "png", "--zoom", "2", "--background-color", "white", "--output", output.path, input.path]
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A chart takes milliseconds; one that takes `timeout` seconds is not coming.
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "rsvg-convert drew nothing within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let png = try? Data(contentsOf: output), png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let reason = message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw Failure(description: "rsvg-convert could not draw a chart: \(reason)")
        }
        return png
    }
}
