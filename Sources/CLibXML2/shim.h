// Debian's libxml2 is built with ICU; its headers clash with Foundation's own ICU copy
// (UErrorCode defined twice). No Swift code touches the ICU parts, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

// xmlFree is a global function-pointer variable: not concurrency-safe to touch from Swift 6.
static inline void cxml_free(void *p) { xmlFree(p); }

// Refuses every external entity, DTD or XInclude resource, whatever the scheme (file://
// included, which libxml2's own xmlNoNetExternalEntityLoader lets through).
static inline xmlParserInputPtr cxml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void cxml_install_deny_loader(void) { xmlSetExternalEntityLoader(cxml_deny_loader); }
