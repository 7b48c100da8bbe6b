// Typed wrappers: Swift cannot call the variadic curl_easy_setopt / curl_easy_getinfo.
#include <curl/curl.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

static inline CURLcode ccurl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_write_function(CURL *h, CURLoption o, curl_write_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode ccurl_setopt_read_function(CURL *h, curl_read_callback v) { return curl_easy_setopt(h, CURLOPT_READFUNCTION, v); }
static inline CURLcode ccurl_setopt_xferinfo_function(CURL *h, curl_xferinfo_callback v) {
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, v);
}
static inline CURLcode ccurl_setopt_opensocket_function(CURL *h, curl_opensocket_callback v) {
    return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, v);
}
static inline CURLcode ccurl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode ccurl_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline size_t ccurl_write_error(void) { return CURL_WRITEFUNC_ERROR; }

// The raw address curl is about to connect to: 4 bytes for IPv4, 16 for IPv6, 0 otherwise.
static inline int ccurl_sockaddr_bytes(const struct curl_sockaddr *a, unsigned char out[16]) {
    if (a->family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&a->addr;
        memcpy(out, &in->sin_addr, 4);
        return 4;
    }
    if (a->family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&a->addr;
        memcpy(out, &in6->sin6_addr, 16);
        return 16;
    }
    return 0;
}
static inline curl_socket_t ccurl_open_socket(const struct curl_sockaddr *a) {
    return socket(a->family, a->socktype, a->protocol);
}
