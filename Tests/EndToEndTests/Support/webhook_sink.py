#!/usr/bin/env python3
"""A webhook receiver on 127.0.0.1 for the alert tests.

Usage: webhook_sink.py LOG [--fail N] [--secret S] [--hold SECONDS]
Prints its port on the first line and runs until stdin is closed, answering every POST: 500 for the first N requests,
200 after that. With --hold, the first request is answered only after SECONDS (a delivery in flight
for the watch tests to interrupt); it is logged when it arrives. Each request is appended to LOG as one JSON line: path, the X-Reputa-*
headers, the body (text), the status given, and, with --secret, whether the HMAC-SHA256
signature over "<timestamp>.<body>" is valid.
"""
import hashlib, hmac, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

log_path = sys.argv[1]
fail = int(sys.argv[sys.argv.index("--fail") + 1]) if "--fail" in sys.argv else 0
secret = sys.argv[sys.argv.index("--secret") + 1].encode() if "--secret" in sys.argv else None
hold = float(sys.argv[sys.argv.index("--hold") + 1]) if "--hold" in sys.argv else 0.0
lock = threading.Lock()
seen = [0]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            seen[0] += 1
            status = 500 if seen[0] <= fail else 200
            entry = {"path": self.path, "delivery": self.headers.get("X-Reputa-Delivery"),
                     "timestamp": self.headers.get("X-Reputa-Timestamp"),
                     "signature": self.headers.get("X-Reputa-Signature"),
                     "content_type": self.headers.get("Content-Type"),
                     "body": body.decode("utf-8"), "status": status}
            if secret is not None and entry["timestamp"]:
                mac = hmac.new(secret, entry["timestamp"].encode() + b"." + body, hashlib.sha256).hexdigest()
                entry["signature_valid"] = hmac.compare_digest("sha256=" + mac, entry["signature"] or "")
            with open(log_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")
            wait = hold if seen[0] == 1 else 0.0
        if wait:
            time.sleep(wait)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
# Stops when stdin closes (the test's signal): a child of Foundation's Process may start with
# SIGTERM blocked, so terminate() alone would leave it running.
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
