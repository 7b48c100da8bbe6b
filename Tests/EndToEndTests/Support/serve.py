#!/usr/bin/env python3
"""A real HTTP/1.1 server on 127.0.0.1 for fetch tests. Prints its port, then serves ROOT plus fault routes.
usage: serve.py ROOT HITS [SECONDS]   (stops after SECONDS, default 120, or when stdin closes)

Logs: every request target is appended to HITS (one per line) so tests can count hits, and one JSON object per
request to HITS + ".jsonl": {"path", "t" (arrival, Unix seconds), "host", "authorization", "cookie", "x-api-key", "if-none-match",
"if-modified-since", "user-agent", "accept-encoding"} (a missing header is null).

Routes (<file> is a file under ROOT, sent as application/atom+xml; charset=utf-8 unless stated; per-path
counters are keyed by the exact request target, query included, and live in memory):
  /<file>                         200 with the file, 404 "not found" when there is no such file
  /redirect-file                  302 to file:///etc/passwd
  /redirect-loop                  302 to itself
  /empty                          200, empty body, Content-Type application/xml
  /status/<code>                  <code> with an HTML "error page" body
  /huge                           200, 20 MiB chunked, no Content-Length
  /etag/<file>                    200 with ETag "<sha1 hex>" and Last-Modified (file mtime); 304 when If-None-Match
                                  matches, or when there is no If-None-Match and If-Modified-Since >= Last-Modified
  /etag-ignored/<file>            always 200 with the same ETag and Last-Modified (ignores conditional headers)
  /expires0/<file>                like /etag/ plus Expires: 0, never 304
  /redirect/<n>/<rest>            302 to /redirect/<n-1>/<rest>; /redirect/0/<rest> is a 302 to /<rest>
  /redirect-to?url=<pct-encoded>  302 to that URL (file://, ftp://, gopher://, http://10.0.0.1/ ...)
  /redirect-host/<rest>           302 to http://localhost:<port>/<rest> (same server, another host: cross-host)
  /gzip-bomb                      200, Content-Encoding gzip, ~64 KB that inflates to 64 MiB of zero bytes
  /gzip/<file>                    200, the file gzip-compressed, Content-Encoding gzip
  /drip                           200, Content-Length 1000, then one byte every 5 s until the client leaves
  /close-mid-body/<file>          headers with the full Content-Length, half the body, then the socket closes
  /retry-after/<s>/<file>         first request to the path: 429 with Retry-After: <s>; later ones: the file
  /retry-after-date/<s>/<file>    the same with Retry-After as an HTTP date <s> seconds from now
  /flaky/<n>/<file>               first <n> requests to the path: 503; later ones: the file
  /slow/<s>/<file>                the file after <s> seconds (a fetch that is still in flight)
  /cloudflare                     403, cf-mitigated: challenge, an HTML challenge page
  /html-page                      200 text/html; charset=utf-8, a small HTML page
  /charset/<charset>/<file>       the file as application/rss+xml; charset=<charset>
  /type/<pct-encoded type>/<file> the file with that Content-Type
  /auth/<file>                    401 with WWW-Authenticate: Bearer unless Authorization: Bearer secret-token
Every response has a Content-Length, is chunked (/huge), or closes the connection.
"""
import email.utils, gzip, hashlib, http.server, json, os, select, socket, sys, threading, time, urllib.parse, zlib

ROOT, HITS = sys.argv[1], sys.argv[2]
LIFETIME = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0
FEED_TYPE = "application/atom+xml; charset=utf-8"
LOGGED_HEADERS = ["host", "authorization", "cookie", "x-api-key", "if-none-match", "if-modified-since",
                  "user-agent", "accept-encoding"]

log_lock = threading.Lock()
counter_lock = threading.Lock()
counters = {}  # exact request target -> requests seen so far

# gzip of 64 MiB of zero bytes at level 9 (about 64 KB), built once in the background, fed in 1 MiB pieces so
# the 64 MiB never sit in memory at once.
bomb = {}
bomb_ready = threading.Event()

def build_bomb():
    c = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container, as gzip.compress makes
    zeros = bytes(1 << 20)
    bomb["body"] = b"".join(c.compress(zeros) for _ in range(64)) + c.flush()
    bomb_ready.set()

def count(target):
    """How many requests to this exact target came before this one."""
    with counter_lock:
        n = counters.get(target, 0)
        counters[target] = n + 1
        return n

def http_date(t):
    return email.utils.formatdate(t, usegmt=True)

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        record = {"path": self.path, "t": time.time()}
        record.update({h: self.headers.get(h) for h in LOGGED_HEADERS})
        with log_lock:
            with open(HITS, "a") as f:
                f.write(self.path + "\n")
            with open(HITS + ".jsonl", "a") as f:
                f.write(json.dumps(record) + "\n")
        target = self.path
        p, _, query = self.path.partition("?")
        if p == "/redirect-file":
            return self.reply(302, b"", {"Location": "file:///etc/passwd"})
        if p == "/redirect-loop":
            return self.reply(302, b"", {"Location": "/redirect-loop"})
        if p == "/empty":
            return self.reply(200, b"", {"Content-Type": "application/xml"})
        if p.startswith("/status/"):
            return self.reply(int(p.rsplit("/", 1)[1]), b"error page", {"Content-Type": "text/html"})
        if p == "/huge":
            return self.huge()
        if p.startswith("/etag/"):
            return self.conditional(p[len("/etag/"):], honour=True, extra={})
        if p.startswith("/etag-ignored/"):
            return self.conditional(p[len("/etag-ignored/"):], honour=False, extra={})
        if p.startswith("/expires0/"):
            return self.conditional(p[len("/expires0/"):], honour=False, extra={"Expires": "0"})
        if p.startswith("/redirect/"):
            n, _, rest = self.path[len("/redirect/"):].partition("/")
            if not n.isdigit():
                return self.reply(400, b"bad redirect count", {"Content-Type": "text/plain"})
            location = "/" + rest if int(n) == 0 else "/redirect/%d/%s" % (int(n) - 1, rest)
            return self.reply(302, b"", {"Location": location})
        if p == "/redirect-to":
            url = urllib.parse.parse_qs(query).get("url")
            if not url:
                return self.reply(400, b"missing url", {"Content-Type": "text/plain"})
            return self.reply(302, b"", {"Location": url[0]})
        if p.startswith("/redirect-host/"):
            rest = self.path[len("/redirect-host/"):]
            return self.reply(302, b"", {"Location": "http://localhost:%d/%s" % (self.server.server_address[1], rest)})
        if p == "/gzip-bomb":
            bomb_ready.wait()
            return self.reply(200, bomb["body"], {"Content-Type": FEED_TYPE, "Content-Encoding": "gzip"})
        if p.startswith("/gzip/"):
            body = self.read(p[len("/gzip/"):])
            if body is None:
                return self.not_found()
            return self.reply(200, gzip.compress(body), {"Content-Type": FEED_TYPE, "Content-Encoding": "gzip"})
        if p.startswith("/slow/"):
            seconds, _, rest = p[len("/slow/"):].partition("/")
            time.sleep(float(seconds))
            body = self.read(rest)
            if body is None:
                return self.not_found()
            return self.reply(200, body, {"Content-Type": "text/csv; charset=utf-8"})
        if p == "/drip":
            return self.drip()
        if p.startswith("/close-mid-body/"):
            body = self.read(p[len("/close-mid-body/"):])
            if body is None:
                return self.not_found()
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", FEED_TYPE)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body[:len(body) // 2])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if p.startswith("/retry-after/") or p.startswith("/retry-after-date/"):
            as_date = p.startswith("/retry-after-date/")
            seconds, _, name = p.split("/", 2)[2].partition("/")
            if not seconds.isdigit():
                return self.reply(400, b"bad seconds", {"Content-Type": "text/plain"})
            if count(target) == 0:
                value = http_date(time.time() + int(seconds)) if as_date else seconds
                return self.reply(429, b"too many requests", {"Content-Type": "text/plain", "Retry-After": value})
            return self.file(name)
        if p.startswith("/flaky/"):
            n, _, name = p[len("/flaky/"):].partition("/")
            if not n.isdigit():
                return self.reply(400, b"bad count", {"Content-Type": "text/plain"})
            if count(target) < int(n):
                return self.reply(503, b"service unavailable", {"Content-Type": "text/plain"})
            return self.file(name)
        if p == "/cloudflare":
            page = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
                    b"<body><h1>Checking your browser before accessing the site.</h1></body></html>")
            return self.reply(403, page, {"Content-Type": "text/html; charset=UTF-8", "cf-mitigated": "challenge"})
        if p == "/html-page":
            page = (b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Reviews</title></head>\n"
                    b"<body><h1>Our reviews</h1><p>This is a web page, not a feed.</p></body></html>\n")
            return self.reply(200, page, {"Content-Type": "text/html; charset=utf-8"})
        if p.startswith("/charset/"):
            charset, _, name = p[len("/charset/"):].partition("/")
            return self.file(name, "application/rss+xml; charset=" + urllib.parse.unquote(charset))
        if p.startswith("/type/"):
            ctype, _, name = p[len("/type/"):].partition("/")
            return self.file(name, urllib.parse.unquote(ctype))
        if p.startswith("/auth/"):
            if self.headers.get("Authorization") != "Bearer secret-token":
                return self.reply(401, b"unauthorized", {"Content-Type": "text/plain", "WWW-Authenticate": "Bearer"})
            return self.file(p[len("/auth/"):])
        self.file(p)

    def read(self, name):
        """The bytes of a file under ROOT, or None."""
        root = os.path.realpath(ROOT)
        path = os.path.realpath(os.path.join(root, urllib.parse.unquote(name).lstrip("/")))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    def file(self, name, ctype=FEED_TYPE):
        body = self.read(name)
        if body is None:
            return self.not_found()
        self.reply(200, body, {"Content-Type": ctype})

    def not_found(self):
        self.reply(404, b"not found", {"Content-Type": "text/plain"})

    def conditional(self, name, honour, extra):
        body = self.read(name)
        if body is None:
            return self.not_found()
        path = os.path.join(ROOT, urllib.parse.unquote(name).lstrip("/"))
        mtime = int(os.stat(path).st_mtime)
        etag = '"%s"' % hashlib.sha1(body).hexdigest()
        headers = {"ETag": etag, "Last-Modified": http_date(mtime)}
        headers.update(extra)
        if honour and self.not_modified(etag, mtime):
            self.send_response(304)  # no body and, by definition, no Content-Length needed
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            return
        headers["Content-Type"] = FEED_TYPE
        self.reply(200, body, headers)

    def not_modified(self, etag, mtime):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
        ims = self.headers.get("If-Modified-Since")
        if ims is None:
            return False
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return since >= mtime

    def huge(self):  # 20 MiB, chunked, no Content-Length
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"x" * 65536
        try:
            for _ in range(320):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def drip(self):
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", FEED_TYPE)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            self.wfile.flush()
            for _ in range(1000):
                self.wfile.write(b"x")
                self.wfile.flush()
                # Wait 5 s, but stop at once when the client closes (readable with nothing to read).
                readable, _, _ = select.select([self.connection], [], [], 5)
                if readable and not self.connection.recv(1, socket.MSG_PEEK):
                    return
        except OSError:
            pass

    def reply(self, status, body, headers):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

threading.Thread(target=build_bomb, daemon=True).start()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Timer(LIFETIME, os._exit, args=(0,)).start()
sys.stdin.read()
os._exit(0)
