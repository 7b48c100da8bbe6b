import Foundation
import CLibXML2

/// A pull parser over libxml2's xmlTextReader: walks the document without building a tree,
/// never loads a DTD or an external entity (deny-all loader, `XML_PARSE_NONET`, no `NOENT`,
/// no `HUGE`), and stops at the first well-formedness error with its line and column.
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
    }

    /// libxml2's global set-up, once per process, before any parsing thread starts.
    static let initialized: Void = {
        xmlInitParser()
        cxml_install_deny_loader()
    }()

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Calls `handle` for every element start and end. `bytes` must be UTF-8 (or declare their
    /// encoding in the prolog).
    /// - Parameter encoding: overrides the document's declaration (nil: BOM or declaration decide).
    public static func read(_ bytes: [UInt8], url: String, encoding: String? = nil, handle: (Event) throws -> Void) throws {
        _ = initialized
        let errors = ErrorBox()
        try bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(buffer.count), url, encoding, options) else {
                throw Failure(line: 0, column: 0, message: "cannot create XML reader")
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
                guard let userData, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(userData).takeUnretainedValue()
                guard box.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
                box.first = Failure(line: Int(error.pointee.line), column: Int(error.pointee.int2),
                                    message: message.trimmingCharacters(in: .whitespacesAndNewlines))
            }, Unmanaged.passUnretained(errors).toOpaque())

            var stack: [(Element, String)] = []
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                if status < 0 {
                    throw errors.first ?? Failure(line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                                  column: Int(xmlTextReaderGetParserColumnNumber(reader)),
                                                  message: "malformed XML")
                }
                switch UInt32(xmlTextReaderNodeType(reader)) {
                case XML_READER_TYPE_ELEMENT.rawValue:
                    let element = Element(
                        name: string(xmlTextReaderConstLocalName(reader)),
                        namespace: string(xmlTextReaderConstNamespaceUri(reader)),
                        attributes: attributes(reader),
                        depth: Int(xmlTextReaderDepth(reader)),
                        line: Int(xmlTextReaderGetParserLineNumber(reader)))
                    try handle(.start(element))
                    if xmlTextReaderIsEmptyElement(reader) == 1 {
                        try handle(.end(element, text: ""))
                    } else {
                        stack.append((element, ""))
                    }
                case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
                     XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue, XML_READER_TYPE_WHITESPACE.rawValue:
                    let text = string(xmlTextReaderConstValue(reader))
                    if !stack.isEmpty { stack[stack.count - 1].1 += text }
                    try handle(.text(text))
                case XML_READER_TYPE_END_ELEMENT.rawValue:
                    if let (element, text) = stack.popLast() { try handle(.end(element, text: text)) }
                default:
                    break // entity references stay unexpanded; comments, PIs and DTD are ignored
                }
            }
            if let failure = errors.first { throw failure }
        }
    }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    static func attributes(_ reader: xmlTextReaderPtr) -> [String: String] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [:] }
        var out: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            out[string(xmlTextReaderConstName(reader))] = string(xmlTextReaderConstValue(reader))
        }
        xmlTextReaderMoveToElement(reader)
        return out
    }

    final class ErrorBox {
        var first: Failure?
    }
}
