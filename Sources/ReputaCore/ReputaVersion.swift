/// Reputa's version: the one place it is written. `reputa --version`, the HTTP User-Agent and
/// the manual page (`make install`) read it from here.
public enum ReputaVersion {
    public static let current = "0.3.0"
}
