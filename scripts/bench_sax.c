/* `make bench` reference: libxml2's SAX2 push parser alone, counting <entry> elements, fed in
 * 1 MiB pieces like Reputa's reader. It does no work per element, so it is the ceiling for
 * any reader of the same file on this machine. Usage: bench_sax FILE */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdio.h>
#include <string.h>

static long entries = 0;

static void start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                  const xmlChar **ns, int na, int nd, const xmlChar **attrs) {
    (void)ctx; (void)prefix; (void)uri; (void)nns; (void)ns; (void)na; (void)nd; (void)attrs;
    if (strcmp((const char *)name, "entry") == 0) entries++;
}

static void text(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: bench_sax FILE\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start;
    sax.characters = text;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, 4, f);
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, buf, (int)n, argv[1]);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_COMPACT);
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (xmlParseChunk(ctxt, buf, (int)n, 0) != 0) { fprintf(stderr, "parse error\n"); return 1; }
    }
    xmlParseChunk(ctxt, NULL, 0, 1);
    printf("%ld\n", entries);
    xmlFreeParserCtxt(ctxt);
    fclose(f);
    return 0;
}
