import Foundation

/// Where a file Reputa ships beside its code is found: `$VARIABLE` when set, else beside the
/// binary in `../share/reputa/` (an installed copy), else in the source tree the binary was
/// built from (`sourceFolder`, passed as a `#filePath`-relative folder by the module that
/// owns the file).
public enum ShippedFile {
    /// The path `$variable` names, when it is set and not empty: that and nothing else is used.
    public static func requested(_ variable: String) -> String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The places to look for `name`, in order (the variable's path alone when it is set).
    public static func candidates(_ name: String, variable: String, sourceFolder: URL) -> [String] {
        if let path = requested(variable) { return [path] }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return [executable.deletingLastPathComponent().appendingPathComponent("../share/reputa/\(name)").standardized.path,
                sourceFolder.appendingPathComponent(name).standardized.path]
    }
}
