#!/usr/bin/env python3
"""A real HTTP server on 127.0.0.1 for fetch tests. Prints its port, then serves ROOT plus a few
fault routes. Every request path is appended to HITS (one per line) so tests can count hits.
usage: serve.py ROOT HITS   (stops after 120 s, or when stdin closes)
"""
import http.server, os, sys, threading

ROOT, HITS = sys.argv[1], sys.argv[2]

class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        with open(HITS, "a") as f:
            f.write(self.path + "\n")
        p = self.path.split("?")[0]
        if p == "/redirect-file":
            return self.reply(302, b"", {"Location": "file:///etc/passwd"})
        if p == "/redirect-loop":
            return self.reply(302, b"", {"Location": "/redirect-loop"})
        if p == "/empty":
            return self.reply(200, b"", {"Content-Type": "application/xml"})
        if p.startswith("/status/"):
            return self.reply(int(p.rsplit("/", 1)[1]), b"error page", {"Content-Type": "text/html"})
        if p == "/huge":  # 20 MiB, chunked, no Content-Length
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(320):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        path = os.path.join(ROOT, p.lstrip("/"))
        if not os.path.isfile(path):
            return self.reply(404, b"not found", {"Content-Type": "text/plain"})
        self.reply(200, open(path, "rb").read(), {"Content-Type": "application/atom+xml; charset=utf-8"})

    def reply(self, status, body, headers):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Timer(120, os._exit, args=(0,)).start()
sys.stdin.read()
os._exit(0)
