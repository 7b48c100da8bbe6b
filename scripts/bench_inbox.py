#!/usr/bin/env python3
"""`make bench`, the on-call inbox (issue 24): the queue page of a real `reputa serve` (release
build) with FLAGS flags in the store, at a sustained RATE requests per second for SECONDS, on
SQLite and then on PostgreSQL (a throwaway server from scripts/pg-test-server.sh; BENCH_POSTGRES=0
skips it). Target: p99 under 100 ms, no error.

The store: FLAGS one-star reviews in three locations' CSV exports (`reputa fetch`), flagged by
`reputa flags` (every one of them), a user, and for PostgreSQL the same store copied there with
`reputa store copy`. The load is open-loop: requests are scheduled every 1/RATE s whatever the
server does, each on one of 32 kept-alive connections, and a request's latency counts from its
scheduled time, so a slow server shows as latency (no coordinated omission). The client is
Python on the same two cores, so the figures include its cost.

Usage: bench_inbox.py BINARY [FLAGS] [RATE] [SECONDS]   (defaults 100 000, 200 and 20)
"""
import http.client, os, queue, re, socket, subprocess, sys, tempfile, threading, time, urllib.parse

binary = os.path.abspath(sys.argv[1])
flags = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 200
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20
here = os.path.dirname(os.path.abspath(__file__))
LOCATIONS = ["roma", "milano", "napoli"]
TEXTS = ["Servizio pessimo, attesa infinita e conto sbagliato", "Cibo freddo e personale scortese, mai più",
         "Terrible service, we waited an hour and the food was cold", "Pizza bruciata, nessuno si è scusato"]


def reputa(args, cwd, env=None):
    out = subprocess.run([binary] + args, cwd=cwd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"bench_inbox: reputa {' '.join(args)} failed: {out.stderr.strip()}")
    return out


def setup(tmp):
    for n, location in enumerate(LOCATIONS):
        with open(os.path.join(tmp, f"{location}.csv"), "w") as f:
            f.write("id,date,stars,text\n")
            for i in range(n, flags, len(LOCATIONS)):
                day = 1 + i % 28
                f.write(f"r{i},2026-11-{day:02d} {8 + i % 12:02d}:{i % 60:02d}:00,1,\"{TEXTS[i % len(TEXTS)]} ({i})\"\n")
    with open(os.path.join(tmp, "sources.yml"), "w") as f:
        f.write("version: 1\nstore: b.sqlite\ntimezone: Europe/Rome\nlocations:\n")
        f.write("".join(f"  - {{id: {l}, name: {l.title()}}}\n" for l in LOCATIONS))
        f.write("sources:\n" + "".join(
            f"  - {{name: {l}, kind: csv, path: {l}.csv, location: {l}, map: {{id: id, date: date, rating: stars, text: text}}}}\n"
            for l in LOCATIONS))
    t = time.perf_counter()
    reputa(["fetch", "--config", "sources.yml"], tmp)
    reputa(["flags", "--config", "sources.yml", "--format", "csv"], tmp)
    print(f"store: {flags} reviews fetched and flagged in {time.perf_counter() - t:.1f} s")


class Server:
    """`reputa serve` on a port the system picks, read from its log line."""

    def __init__(self, tmp, store):
        self.log = open(os.path.join(tmp, "serve.log"), "w+")
        self.child = subprocess.Popen([binary, "serve", "--config", "sources.yml", "--store", store, "--listen", "127.0.0.1:0"],
                                      cwd=tmp, stderr=self.log, stdout=subprocess.DEVNULL)
        for _ in range(300):
            self.log.seek(0)
            found = re.search(r"on http://127\.0\.0\.1:(\d+)", self.log.read())
            if found:
                self.port = int(found.group(1))
                return
            time.sleep(0.05)
        sys.exit("bench_inbox: reputa serve did not start")

    def rss_mib(self):
        with open(f"/proc/{self.child.pid}/status") as f:
            return next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024

    def stop(self):
        self.child.terminate()
        self.child.wait()


def sign_in(port):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/login")
    page = conn.getresponse()
    body = page.read().decode()
    signin_cookie = re.search(r"reputa_signin=([0-9a-f]+)", page.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="_signin" value="([0-9a-f]+)"', body).group(1)
    form = urllib.parse.urlencode({"_signin": token, "name": "bench", "password": "bench-password-1", "next": "/"})
    conn.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"reputa_signin={signin_cookie}"})
    answer = conn.getresponse()
    answer.read()
    cookie = re.search(r"reputa_session=([0-9a-f]+)", answer.getheader("Set-Cookie") or "")
    if answer.status != 303 or not cookie:
        sys.exit(f"bench_inbox: sign-in failed ({answer.status})")
    return f"reputa_session={cookie.group(1)}"


def load(port, cookie, path="/"):
    """Open-loop load: returns latencies (s) of the answered requests and the errors."""
    due = queue.Queue()
    latencies, errors, lock = [], [], threading.Lock()

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while True:
            scheduled = due.get()
            if scheduled is None:
                return
            wait = scheduled - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            try:
                conn.request("GET", path, headers={"Cookie": cookie})
                answer = conn.getresponse()
                body = answer.read()
                ok = answer.status == 200 and b'data-id="' in body
            except Exception as e:  # a refused or broken connection counts as an error
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            with lock:
                (latencies if ok else errors).append(time.perf_counter() - scheduled)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(32)]
    for t in threads:
        t.start()
    start = time.perf_counter() + 0.2
    total = int(rate * seconds)
    for i in range(total):
        at = start + i / rate
        pause = at - time.perf_counter() - 0.05
        if pause > 0:
            time.sleep(pause)
        due.put(at)
    for _ in threads:
        due.put(None)
    for t in threads:
        t.join()
    return sorted(latencies), errors, time.perf_counter() - start


def report(label, server, cookie):
    # Warm up (the first requests open the store and fill caches), then measure.
    for _ in range(20):
        c = http.client.HTTPConnection("127.0.0.1", server.port)
        c.request("GET", "/", headers={"Cookie": cookie})
        c.getresponse().read()
    lat, errors, elapsed = load(server.port, cookie)
    def pct(p):
        return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000 if lat else float("nan")
    verdict = "ok" if lat and pct(99) < 100 and not errors else "MISSED"
    print(f"{label:<12}{len(lat) + len(errors):>9}{(len(lat) + len(errors)) / elapsed:>9.1f}{pct(50):>9.1f}{pct(90):>9.1f}"
          f"{pct(99):>9.1f}{(lat[-1] * 1000 if lat else float('nan')):>9.1f}{len(errors):>8}{server.rss_mib():>10.1f}   {verdict}")


with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
    setup(tmp)
    env = dict(os.environ, REPUTA_BCRYPT_COST="10")
    subprocess.run([binary, "users", "add", "bench", "--role", "admin", "--password-stdin", "--config", "sources.yml"],
                   cwd=tmp, input="bench-password-1\n", text=True, check=True, env=env, capture_output=True)
    print(f"queue page, {flags} flags, {rate:.0f} requests/s for {seconds:.0f} s (open loop), target p99 < 100 ms, 0 errors")
    print(f"{'store':<12}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}{'RSS MiB':>10}")
    server = Server(tmp, "b.sqlite")
    try:
        report("SQLite", server, sign_in(server.port))
    finally:
        server.stop()
    if os.environ.get("BENCH_POSTGRES", "1") != "0":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        pg_dir = f"/tmp/reputa-bench-inbox-pg-{os.getpid()}"
        subprocess.run(["bash", os.path.join(here, "pg-test-server.sh"), "start", pg_dir, str(port), "bench"], check=True)
        try:
            os.environ["PGPASSWORD"] = "bench"
            url = f"postgres://reputa@127.0.0.1:{port}/reputa_test"
            reputa(["store", "copy", "--from", "b.sqlite", "--to", url], tmp)
            server = Server(tmp, url)
            try:
                report("PostgreSQL", server, sign_in(server.port))
            finally:
                server.stop()
        finally:
            subprocess.run(["bash", os.path.join(here, "pg-test-server.sh"), "stop", pg_dir])
