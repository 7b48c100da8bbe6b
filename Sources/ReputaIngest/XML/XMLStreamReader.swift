import Foundation
import CLibXML2

/// Element and text events with Swift values, over libxml2's SAX2 push parser
/// (`XMLPushParser`): walks the document without building a tree, never loads a DTD or an
/// external entity, and stops at the first well-formedness error with its line and column.
public struct XMLStreamReader {
    public struct Element {
        public var name: String
        public var namespace: String
        public var attributes: [String: String]
        public var depth: Int
        public var line: Int
    }

    public enum Event {
        case start(Element)
        /// End of an element with its own text (text and CDATA children, entity-free).
        case end(Element, text: String)
        /// A text node as it comes, for readers that need text interleaved with child
        /// elements (Atom `type="xhtml"` content).
        case text(String)
    }

    public struct Failure: Error, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
        /// False when the document is well-formed but refused (a limit).
        public var malformed = true
    }

    /// Calls `handle` for every element start and end. `bytes` must be UTF-8 (or declare their
    /// encoding in the prolog).
    /// - Parameter encoding: overrides the document's declaration (nil: BOM or declaration decide).
    public static func read(_ bytes: [UInt8], url: String, encoding: String? = nil, handle: (Event) throws -> Void) throws {
        var pending: ArraySlice<UInt8>? = bytes[...]
        try withoutActuallyEscaping(handle) { handle in
            let builder = EventBuilder(handle: handle)
            do {
                try XMLPushParser.parse(url: url, encoding: encoding, handler: builder) {
                    defer { pending = nil }
                    return pending
                }
            } catch let failure as XMLPushParser.Failure {
                throw Failure(line: failure.line, column: failure.column, message: failure.message, malformed: failure.malformed)
            }
        }
    }

    /// SAX events → `Event`s with Swift strings, element depth and each element's own text.
    final class EventBuilder: XMLSAXHandler {
        let handle: (Event) throws -> Void
        var stack: [(Element, [UInt8])] = []

        init(handle: @escaping (Event) throws -> Void) { self.handle = handle }

        func start(_ raw: XMLRawElement) throws {
            let element = Element(name: String(cString: raw.localName),
                                  namespace: raw.namespace.map { String(cString: $0) } ?? "",
                                  attributes: raw.allAttributes(), depth: stack.count, line: raw.line)
            try handle(.start(element))
            stack.append((element, []))
        }

        func end(localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) throws {
            guard let (element, text) = stack.popLast() else { return }
            try handle(.end(element, text: String(decoding: text, as: UTF8.self)))
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            if !stack.isEmpty { stack[stack.count - 1].1.append(contentsOf: bytes) }
            try handle(.text(String(decoding: bytes, as: UTF8.self)))
        }
    }
}
