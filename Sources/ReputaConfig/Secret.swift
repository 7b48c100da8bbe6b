/// A credential from the environment: usable by the fetcher, never printed, logged or encoded.
public struct Secret: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
