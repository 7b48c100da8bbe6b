// Debian's libxml2 is built with ICU; its headers clash with Foundation's own ICU copy
// (UErrorCode defined twice). No Swift code touches the ICU parts, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

// xmlFree is a global function-pointer variable: not concurrency-safe to touch from Swift 6.
static inline void cxml_free(void *p) { xmlFree(p); }

// Refuses every external entity, DTD or XInclude resource, whatever the scheme (file://
// included, which libxml2's own xmlNoNetExternalEntityLoader lets through).
static inline xmlParserInputPtr cxml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void cxml_install_deny_loader(void) { xmlSetExternalEntityLoader(cxml_deny_loader); }

// A SAX2 handler for the push parser: libxml2's defaults for the prolog and DTD (so declared
// internal entities are known), our callbacks for elements and text, entity references and
// comments dropped, errors to `serror` only.
static inline void cxml_sax_init(xmlSAXHandler *h, startElementNsSAX2Func start, endElementNsSAX2Func end,
                                 charactersSAXFunc text, xmlStructuredErrorFunc serror) {
    xmlSAXVersion(h, 2);
    h->startElementNs = start;
    h->endElementNs = end;
    h->characters = text;
    h->cdataBlock = text;
    h->ignorableWhitespace = text;
    h->startElement = NULL;
    h->endElement = NULL;
    h->reference = NULL;
    h->comment = NULL;
    h->processingInstruction = NULL;
    h->error = NULL;
    h->warning = NULL;
    h->serror = serror;
}

// The parser context's slot for the Swift side, and the document libxml2's prolog handlers
// build (holding only the DTD: element callbacks are ours).
static inline void *cxml_ctxt_private(void *ctx) { return ((xmlParserCtxtPtr)ctx)->_private; }
static inline void cxml_ctxt_set_private(xmlParserCtxtPtr ctxt, void *p) { ctxt->_private = p; }
static inline void cxml_ctxt_free_doc(xmlParserCtxtPtr ctxt) {
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
}
