#!/usr/bin/env python3
"""`make bench`: ingest throughput and peak memory of the release `reputa`.

Generates, in a temporary folder:
- two App-Store-style Atom feeds (`im:` namespace) of ATOM entries with Italian and English
  review text of 200-800 characters: the issue's shape (one `content`, ~110 MB for 100 000
  entries, the size issue 3 sets its targets for) and Apple's real shape (a second, HTML
  `content` per entry, an escaped table repeating the text: ~1.8x the bytes);
- a generic review CSV of ROWS rows (semicolons, Italian dates and "4,0 su 5 stelle" ratings,
  every tenth text quoted with an embedded CRLF), and a second CSV that overlaps it: half of
  its rows are already stored (a tenth of those edited), half are new.
Then times, each in a fresh process: parse only (`import --dry-run`), full import into a new
SQLite store, the same file again (ledger hit) and the overlapping file (de-duplication).
Then the weekly comparison (issue 5): SURVEYS survey responses (default 200 000, a 1-5 CSAT
score each, spread over 2026 and 20 stores) are imported into the same store, which then holds
1.2 million reviews, and `reputa compare --week 2026-W40 --format json` (12-week window: tallies
from the covering index, the window's answers through their date index) is timed, target 0.5 s.
Then the flagging pass (issue 6) over the same 1.2 million reviews, first and again.
Then (issue 7) the same on PostgreSQL, a throwaway server from scripts/pg-test-server.sh: the
CSV import beside SQLite's, the same file again, the overlapping file, the feed and the surveys,
so the weekly comparison reads the same data (BENCH_POSTGRES=0 skips these rows).
Peak RSS is the child's own ru_maxrss (os.wait4). Targets are those of issue 3. Two reference
lines close the table: libxml2's SAX2 push parser alone on the same feed, in C, doing nothing
per element (scripts/bench_sax.c: the ceiling for any feed reader here), and `reputa --help`
(the runtime's own memory floor).

Usage: bench.py BINARY [ROWS] [ATOM] [SURVEYS]   (defaults 1 000 000, 100 000 and 200 000)
"""
import os, random, socket, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1])
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
atom_entries = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
surveys = int(sys.argv[4]) if len(sys.argv) > 4 else 200_000
rng = random.Random(7)

ITALIAN = ("il servizio è stato ottimo e il personale molto gentile, torneremo sicuramente perché la pizza era "
           "buonissima; però l'attesa è stata lunga e il conto un po' caro. l'app si blocca quando apro il carrello "
           "e non riesco più a pagare, pessima esperienza! consegna puntuale, qualità eccellente, città bellissima").split()
ENGLISH = ("the food was great and the staff really friendly, we will come back because the pasta was amazing; "
           "but the wait was long and the bill a bit expensive. the app crashes when I open the cart and I can't "
           "pay anymore, terrible experience! delivery on time, excellent quality & value 😀 \"best\" <3").split()


def text(lo, hi, r=rng):
    words = ITALIAN if r.random() < 0.5 else ENGLISH
    target = r.randint(lo, hi)
    out, size = [], 0
    while size < target:
        w = r.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:target].strip()


def xml(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_atom(path, entries, with_html=True):
    pool = [text(200, 800) for _ in range(4000)]
    titles = [text(10, 60) for _ in range(500)]
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n'
                '<feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom" xml:lang="it">\n'
                '<id>https://mzstoreservices-int-st.itunes.apple.com/it/rss/customerreviews/id=1/sortby=mostrecent/xml</id>'
                '<title>iTunes Store: Recensioni clienti</title><updated>2026-11-20T02:00:00-07:00</updated>\n'
                '<link rel="next" href="https://itunes.apple.com/it/rss/customerreviews/page=2/id=1/sortby=mostrecent/xml?urlDesc=/customerreviews/id=1/sortBy=mostRecent/xml"/>\n')
        for i in range(entries):
            body = pool[i % len(pool)]
            title = titles[i % len(titles)]
            html = ('<table border="0" width="100%"><tr><td><table border="0" width="100%" cellspacing="0" cellpadding="0">'
                    f'<tr valign="top" align="left"><td width="100%"><b><a href="https://itunes.apple.com/it/app/id1?uo=2">{xml(title)}</a></b>'
                    f'<br/></td></tr></table></td></tr><tr><td>{xml(body)}</td></tr></table>')
            f.write(f'<entry><updated>2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}T10:15:00-07:00</updated>'
                    f'<id>{10_000_000_000 + i}</id><title>{xml(title)}</title>'
                    f'<content type="text">{xml(body)}</content>'
                    '<im:contentType term="Application" label="Applicazione"/>'
                    f'<im:voteSum>{i % 7}</im:voteSum><im:voteCount>{i % 9}</im:voteCount>'
                    f'<im:rating>{i % 5 + 1}</im:rating><im:version>3.{i % 4}.1</im:version>'
                    f'<author><name>Utente {i % 9973}</name><uri>https://itunes.apple.com/it/reviews/id{500000 + i}</uri><label/></author>'
                    '<link rel="related" href="https://itunes.apple.com/it/review?id=1&amp;type=Purple%20Software"/>'
                    + (f'<content type="html">{xml(html)}</content>' if with_html else '') + '</entry>\n')
        f.write("</feed>\n")


def write_csv(path, ids, edited=()):
    # The same pool for every file, so a row id has the same text in both CSVs (only `edited`
    # rows differ): the overlap case is what it says, not an edit of every known row.
    same = random.Random(11)
    pool = [text(40, 400, same) for _ in range(5000)]
    titles = [text(10, 50, same) for _ in range(500)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id;Data;Valutazione;Titolo;Recensione;Autore\r\n")
        for i in ids:
            body = pool[i % len(pool)]
            if i in edited:
                body += " (modificata)"
            if i % 10 == 0:
                body += "\r\nseconda riga"
            f.write(f"r{i};{i % 28 + 1:02d}/{i % 12 + 1:02d}/2026;{i % 5 + 1},0 su 5 stelle;"
                    f"{cell(titles[i % len(titles)])};{cell(body)};Autore {i % 977}\r\n")


def write_survey(path, n):
    """A generic survey export: one CSAT answer (1-5) per response, dated over 2026, 20 stores."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Id,Date,Score,Store\r\n")
        for i in range(n):
            f.write(f"s{i},2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}T{i % 24:02d}:{i % 60:02d}:00Z,{i % 5 + 1},store-{i % 20}\r\n")


def cell(s):
    """RFC 4180 quoting, as a spreadsheet writes it: only cells that need it."""
    if any(c in s for c in '";\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def run(args, cwd):
    """Runs one command; returns (seconds, peak RSS in KiB, stdout) of that child alone."""
    start = time.perf_counter()
    child = subprocess.Popen([binary] + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(args)} failed: {child.stderr.read().decode().strip()}")
    return elapsed, usage.ru_maxrss, out.decode().strip()


def measure(cases, tmp):
    """Runs each case in a fresh process and prints its row."""
    for name, args, path, n, target in cases:
        mib = os.path.getsize(path) / 2**20 if path else os.path.getsize(os.path.join(tmp, "b.sqlite")) / 2**20
        elapsed, peak, out = run(args, tmp)
        print(f"{name:<34}{n:>10}{mib:>8.1f}{elapsed:>9.2f}{n / elapsed:>11.0f}{mib / elapsed:>8.1f}{peak / 1024:>14.1f}{target:>22}")
        if name.startswith("flag"):
            continue
        if name.startswith("weekly"):
            if '"schema" : "reputa.weekly-report/1"' not in out and '"schema": "reputa.weekly-report/1"' not in out:
                sys.exit(f"bench: compare printed no report document: {out[:200]}")
            continue
        if "overlap" in name:
            # Half the rows are new; a tenth of the known half is edited, the rest unchanged.
            expected = f"{n // 2} new, {n // 20} updated, {n // 2 - n // 20} unchanged"
            if expected not in out:
                sys.exit(f"bench: {name}: expected {expected!r}: {out}")
        elif "--dry-run" not in args and "already" not in out and str(n) not in out:
            sys.exit(f"bench: unexpected summary for {name}: {out}")


with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
    csv_path, overlap_path, atom_path, apple_path = (os.path.join(tmp, n) for n in
                                                     ("big.csv", "overlap.csv", "big.xml", "apple.xml"))
    t = time.perf_counter()
    write_csv(csv_path, range(rows))
    half = max(1, rows // 10)
    write_csv(overlap_path, list(range(rows - half, rows + half)), edited=set(range(rows - half, rows, 10)))
    write_atom(atom_path, atom_entries, with_html=False)
    write_atom(apple_path, atom_entries)
    survey_path = os.path.join(tmp, "survey.csv")
    write_survey(survey_path, surveys)
    print(f"inputs generated in {time.perf_counter() - t:.0f} s under {tmp}")
    print(f"{'case':<34}{'reviews':>10}{'MiB':>8}{'seconds':>9}{'reviews/s':>11}{'MiB/s':>8}{'peak RSS MiB':>14}{'target':>22}")
    csv = ["--kind", "csv", "--source", "bench-csv"]
    atom = ["--kind", "appstore-rss", "--source", "bench-atom"]
    store = ["--store", "b.sqlite"]
    cases = [
        ("csv parse (import --dry-run)", ["import", "--dry-run"] + csv + [csv_path], csv_path, rows, ""),
        ("csv import (+SQLite, keyed)", ["import"] + csv + store + [csv_path], csv_path, rows, ">= 120000/s, < 64 MiB"),
        ("csv re-import (ledger hit)", ["import"] + csv + store + [csv_path], csv_path, rows, ""),
        ("csv overlap (half known)", ["import"] + csv + store + [overlap_path], overlap_path, 2 * half, ">= 120000/s, < 64 MiB"),
        ("atom parse (import --dry-run)", ["import", "--dry-run"] + atom + [atom_path], atom_path, atom_entries,
         ">= 120000/s, < 64 MiB"),
        ("atom import (+SQLite)", ["import"] + atom + store + [atom_path], atom_path, atom_entries, ">= 60000/s, < 64 MiB"),
        ("apple-shape atom parse", ["import", "--dry-run"] + atom + [apple_path], apple_path, atom_entries, ""),
        ("apple-shape atom import", ["import"] + atom + ["--store", "apple.sqlite", apple_path], apple_path,
         atom_entries, ""),
        ("survey import (200k responses)", ["import", "--kind", "survey-csv", "--source", "bench-survey", "--metric", "csat",
                                            "--scale", "1-5", "--map", "response_id=Id,submitted_at=Date,score=Score",
                                            "--segment", "location=Store"] + store + [survey_path], survey_path, surveys, ""),
        ("weekly comparison (compare)", ["compare", "--week", "2026-W40", "--format", "json"] + store, None, rows + half
         + atom_entries, "<= 0.5 s"),
        # Issue 6: the first flagging pass evaluates every stored review (text scorer, categories,
        # topics, spikes) in batches; the second finds nothing new and should cost little.
        ("flag pass, first (all reviews)", ["flags", "--level", "urgent", "--format", "json"] + store, None,
         rows + half + atom_entries, ""),
        ("flag pass, nothing new", ["flags", "--level", "urgent", "--format", "json"] + store, None,
         rows + half + atom_entries, ""),
    ]
    # Issue 7: the same CSV import, the same data and the same weekly comparison on PostgreSQL
    # (a throwaway server started by scripts/pg-test-server.sh, fsync off: like the SQLite rows,
    # they measure the client and the engine more than the disk). BENCH_POSTGRES=0 skips them.
    here = os.path.dirname(os.path.abspath(__file__))
    pg_dir = None
    if os.environ.get("BENCH_POSTGRES", "1") != "0":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        pg_dir = f"/tmp/reputa-bench-pg-{os.getpid()}"
        subprocess.run(["bash", os.path.join(here, "pg-test-server.sh"), "start", pg_dir, str(port), "bench"], check=True)
        os.environ["PGPASSWORD"] = "bench"
        pg = ["--store", f"postgres://reputa@127.0.0.1:{port}/reputa_test"]
        cases += [
            ("csv import (+PostgreSQL)", ["import"] + csv + pg + [csv_path], csv_path, rows, ""),
            ("csv re-import (PostgreSQL, ledger)", ["import"] + csv + pg + [csv_path], csv_path, rows, ""),
            ("csv overlap (PostgreSQL)", ["import"] + csv + pg + [overlap_path], overlap_path, 2 * half, ""),
            ("atom import (+PostgreSQL)", ["import"] + atom + pg + [atom_path], atom_path, atom_entries, ""),
            ("survey import (PostgreSQL)", ["import", "--kind", "survey-csv", "--source", "bench-survey", "--metric", "csat",
                                            "--scale", "1-5", "--map", "response_id=Id,submitted_at=Date,score=Score",
                                            "--segment", "location=Store"] + pg + [survey_path], survey_path, surveys, ""),
            ("weekly comparison (PostgreSQL)", ["compare", "--week", "2026-W40", "--format", "json"] + pg, None,
             rows + half + atom_entries, "<= 0.5 s"),
        ]
    try:
        measure(cases, tmp)
    finally:
        if pg_dir:
            subprocess.run(["bash", os.path.join(here, "pg-test-server.sh"), "stop", pg_dir])
    # The ceiling: libxml2's SAX2 push parser alone on the same feed (scripts/bench_sax.c).
    sax = os.path.join(tmp, "bench_sax")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0"], capture_output=True, text=True).stdout.split()
    if subprocess.run(["cc", "-O2", "-o", sax, os.path.join(here, "bench_sax.c")] + flags).returncode == 0:
        for label, path in (("(libxml2 SAX alone, C)", atom_path), ("(libxml2 SAX alone, C, apple)", apple_path)):
            start = time.perf_counter()
            child = subprocess.Popen([sax, path], stdout=subprocess.PIPE)
            count = child.stdout.read().decode().strip()
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - start
            mib = os.path.getsize(path) / 2**20
            print(f"{label:<34}{count:>10}{mib:>8.1f}{elapsed:>9.2f}{int(count) / elapsed:>11.0f}{mib / elapsed:>8.1f}{usage.ru_maxrss / 1024:>14.1f}")
    elapsed, peak, _ = run(["--help"], tmp)
    print(f"{'(baseline: reputa --help)':<34}{'':>10}{'':>8}{elapsed:>9.2f}{'':>11}{'':>8}{peak / 1024:>14.1f}")
