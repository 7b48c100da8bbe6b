import CLibXML2

/// Receives libxml2's SAX2 events as raw pointers, valid only during the call: the fastest
/// way through a document (the App Store feed reader uses it directly; `XMLStreamReader`
/// builds Swift values on top of it).
protocol XMLSAXHandler: AnyObject {
    func start(_ element: XMLRawElement) throws
    func end(localName: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) throws
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}

/// One element start as libxml2 reports it.
struct XMLRawElement {
    let localName: UnsafePointer<xmlChar>
    let namespace: UnsafePointer<xmlChar>?
    let attributeCount: Int
    /// Five pointers per attribute: local name, prefix, URI, value start, value end.
    let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let line: Int

    /// True when the local name is `name` (ASCII).
    func named(_ name: StaticString) -> Bool { XMLRawElement.equal(localName, name) }

    /// True when the namespace URI is `uri` (ASCII); `""` matches no namespace.
    func inNamespace(_ uri: StaticString) -> Bool {
        guard let namespace else { return uri.utf8CodeUnitCount == 0 }
        return XMLRawElement.equal(namespace, uri)
    }

    /// The value of the attribute without namespace whose local name is `name`.
    func attribute(_ name: StaticString) -> String? {
        guard let attributes else { return nil }
        for k in 0..<attributeCount {
            let base = k * 5
            guard let local = attributes[base], attributes[base + 2] == nil, XMLRawElement.equal(local, name),
                  let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            return XMLRawElement.value(start, end)
        }
        return nil
    }

    /// An attribute value as the document means it. Without entity substitution libxml2's
    /// SAX2 hands values over with references still in (`&amp;` as `&#38;`); they are resolved
    /// by the same decoder feed text uses.
    static func value(_ start: UnsafePointer<xmlChar>, _ end: UnsafePointer<xmlChar>) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        return text.utf8.contains(0x26) ? HTMLText.decodeEntities(text) : text
    }

    /// Every attribute as `name` (prefixed `prefix:name` when namespaced, and also
    /// `{namespace-uri}name` so readers can match by namespace) → value.
    func allAttributes() -> [String: String] {
        guard let attributes, attributeCount > 0 else { return [:] }
        var out: [String: String] = [:]
        for k in 0..<attributeCount {
            let base = k * 5
            guard let local = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
            var name = String(cString: local)
            let value = XMLRawElement.value(start, end)
            if let uri = attributes[base + 2] { out["{" + String(cString: uri) + "}" + name] = value }
            if let prefix = attributes[base + 1] { name = String(cString: prefix) + ":" + name }
            out[name] = value
        }
        return out
    }

    static func equal(_ p: UnsafePointer<xmlChar>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        let q = s.utf8Start
        for i in 0..<n where p[i] != q[i] { return false }
        return p[n] == 0
    }
}

/// libxml2's SAX2 push parser fed piece by piece: memory stays at one piece plus libxml2's
/// small window whatever the document's size. Never loads a DTD or external entity
/// (deny-all loader, `XML_PARSE_NONET`, no `NOENT`, no `HUGE`, so libxml2's depth and
/// amplification limits hold), and stops at the first error with its line and column.
final class XMLPushParser {
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
        /// False when the document is well-formed but refused (a limit), so callers do not call it malformed.
        var malformed = true
    }

    /// State the C callbacks reach through the context's `_private` slot.
    final class Box {
        let handler: any XMLSAXHandler
        var context: xmlParserCtxtPtr?
        var thrown: Error?
        var failure: Failure?
        var depth = 0
        /// Bytes handed to libxml2 so far, and bytes of text it has handed back.
        var inputBytes = 0
        var textBytes = 0
        init(handler: any XMLSAXHandler) { self.handler = handler }

        var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

        func stop(_ error: Error) {
            if thrown == nil { thrown = error }
            if let context { xmlStopParser(context) }
        }
    }

    /// libxml2's own limit without `XML_PARSE_HUGE`.
    static let maxDepth = 256

    /// Text may outgrow the input only through internal entities (`<!ENTITY e "…">` used again
    /// and again): markup, character references and CDATA all shrink. libxml2 2.9 bounds nested
    /// expansion (billion laughs) but not one flat entity used 10,000 times, so the text handed
    /// back is bounded here: at most `amplification` × the bytes read so far plus `expansionFloor`
    /// (room for a small document's few legitimate entities). Past that the parse stops, before
    /// any handler has kept the text.
    static let amplification = 4
    static let expansionFloor = 1 << 20

    static func textAllowance(input: Int) -> Int { input * amplification + expansionFloor }

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// libxml2's global set-up, once per process, before any parsing thread starts.
    static let initialized: Void = {
        xmlInitParser()
        cxml_install_deny_loader()
    }()

    /// Built once; each parse takes its own copy.
    nonisolated(unsafe) static let sax: xmlSAXHandler = {
        var h = xmlSAXHandler()
        cxml_sax_init(&h, { ctx, localName, _, uri, _, _, nbAttributes, _, attributes in
            guard let ctx, let localName else { return }
            let box = Unmanaged<Box>.fromOpaque(cxml_ctxt_private(ctx)).takeUnretainedValue()
            guard box.thrown == nil else { return }
            box.depth += 1
            // libxml2 2.9 checks its depth limit in pull mode only; the push parser gets ours.
            guard box.depth <= XMLPushParser.maxDepth else {
                box.stop(Failure(line: box.line, column: Int(xmlSAX2GetColumnNumber(box.context)),
                                 message: "excessive depth in document: more than \(XMLPushParser.maxDepth) nested elements"))
                return
            }
            let element = XMLRawElement(localName: localName, namespace: uri, attributeCount: Int(nbAttributes),
                                        attributes: attributes, line: box.line)
            do { try box.handler.start(element) } catch { box.stop(error) }
        }, { ctx, localName, _, uri in
            guard let ctx, let localName else { return }
            let box = Unmanaged<Box>.fromOpaque(cxml_ctxt_private(ctx)).takeUnretainedValue()
            guard box.thrown == nil else { return }
            box.depth -= 1
            do { try box.handler.end(localName: localName, namespace: uri) } catch { box.stop(error) }
        }, { ctx, bytes, length in
            guard let ctx, let bytes, length > 0 else { return }
            let box = Unmanaged<Box>.fromOpaque(cxml_ctxt_private(ctx)).takeUnretainedValue()
            guard box.thrown == nil else { return }
            box.textBytes += Int(length)
            guard box.textBytes <= XMLPushParser.textAllowance(input: box.inputBytes) else {
                box.stop(Failure(line: box.line, column: Int(xmlSAX2GetColumnNumber(box.context)), message:
                    "entity expansion refused: \(box.textBytes) bytes of text from \(box.inputBytes) bytes of XML "
                    + "exceed \(XMLPushParser.amplification) × the input + \(XMLPushParser.expansionFloor >> 20) MiB", malformed: false))
                return
            }
            do { try box.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length))) } catch { box.stop(error) }
        }, { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let box = Unmanaged<Box>.fromOpaque(cxml_ctxt_private(userData)).takeUnretainedValue()
            guard box.failure == nil else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            box.failure = Failure(line: Int(error.pointee.line), column: Int(error.pointee.int2),
                                  message: message.trimmingCharacters(in: [" ", "\n", "\r", "\t"]))
        })
        return h
    }()

    /// Parses everything `next` hands out, piece by piece, calling `handler` as it goes.
    /// - Parameter encoding: overrides the document's own (nil: BOM or declaration decide).
    static func parse(url: String, encoding: String? = nil, handler: any XMLSAXHandler,
                      next: () throws -> ArraySlice<UInt8>?) throws {
        _ = initialized
        let box = Box(handler: handler)
        var sax = Self.sax
        let first = try next() ?? []
        let context: xmlParserCtxtPtr? = first.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { c in
                xmlCreatePushParserCtxt(&sax, nil, c.baseAddress, Int32(min(c.count, 4)), url)
            }
        }
        guard let context else { throw Failure(line: 0, column: 0, message: "cannot create XML parser") }
        defer {
            cxml_ctxt_free_doc(context)
            xmlFreeParserCtxt(context)
        }
        box.context = context
        box.inputBytes = min(first.count, 4)
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        cxml_ctxt_set_private(context, unmanaged.toOpaque())
        xmlCtxtUseOptions(context, options)
        if let encoding, let handler = xmlFindCharEncodingHandler(encoding) {
            xmlSwitchToEncoding(context, handler)
        }

        func push(_ piece: ArraySlice<UInt8>, terminate: Bool) throws {
            box.inputBytes += piece.count
            let status = piece.withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { c in
                    xmlParseChunk(context, c.baseAddress, Int32(c.count), terminate ? 1 : 0)
                }
            }
            if let thrown = box.thrown { throw thrown }
            if status != 0 || box.failure != nil {
                throw box.failure ?? Failure(line: box.line, column: Int(xmlSAX2GetColumnNumber(context)),
                                             message: "malformed XML")
            }
        }
        if first.count > 4 { try push(first[(first.startIndex + 4)...], terminate: false) }
        while let piece = try next() {
            // libxml2 takes an Int32 length: hand over big pieces in 256 MiB slices.
            var rest = piece
            while !rest.isEmpty {
                let cut = rest.prefix(1 << 28)
                try push(cut, terminate: false)
                rest = rest.dropFirst(cut.count)
            }
        }
        try push([], terminate: true)
    }
}
