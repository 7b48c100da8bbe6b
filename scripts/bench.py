#!/usr/bin/env python3
"""`make bench`: ingest throughput and peak memory of the release `reputa`.

Generates a large generic CSV (UTF-8, quoted newlines, Italian ratings and dates) and a large
App Store Atom feed, then times `reputa inspect` (parse only) and `reputa import` (parse +
snapshot + SQLite) on each. Peak RSS is the child's ru_maxrss. Usage: bench.py BINARY [ROWS]
"""
import os, random, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1])
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
rng = random.Random(7)
words = ("servizio ottimo pessimo lento cameriere pizza carbonara attesa prezzo conto tornerò "
         "the food was great service slow staff friendly never again").split()

def sentence():
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 40)))

def write_csv(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id;Data;Valutazione;Titolo;Recensione;Autore\r\n")
        for i in range(rows):
            text = sentence()
            if i % 10 == 0:
                text = '"' + text.replace('"', '""') + '\r\nseconda riga"'
            f.write(f"r{i};{rng.randint(1,28):02d}/{rng.randint(1,12):02d}/2026;{rng.randint(1,5)},0 su 5 stelle;"
                    f"{sentence()[:40]};{text};Autore {i % 977}\r\n")

def write_atom(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns:im="http://itunes.apple.com/rss" '
                'xmlns="http://www.w3.org/2005/Atom" xml:lang="it"><id>x</id><title>t</title>\n')
        for i in range(entries):
            f.write(f'<entry><updated>2026-09-{i % 28 + 1:02d}T10:15:00-07:00</updated><id>{10**10 + i}</id>'
                    f'<title>{sentence()[:40]}</title><content type="text">{sentence()} &amp; &#128532;</content>'
                    f'<im:contentType term="Application" label="Applicazione"/><im:voteSum>1</im:voteSum>'
                    f'<im:voteCount>2</im:voteCount><im:rating>{i % 5 + 1}</im:rating><im:version>3.3.1</im:version>'
                    f'<author><name>A {i}</name><uri>https://itunes.apple.com/it/reviews/id{i}</uri></author>'
                    f'<link rel="related" href="https://itunes.apple.com/it/review?id=1"/>'
                    f'<content type="html">&lt;p&gt;{i}&lt;/p&gt;</content></entry>\n')
        f.write("</feed>\n")

def run(args, cwd):
    """Runs one command; returns (seconds, peak RSS in KiB) of that child alone (os.wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen([binary] + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(args)} failed: {child.stderr.read().decode().strip()}")
    return elapsed, usage.ru_maxrss

with tempfile.TemporaryDirectory() as tmp:
    csv_path, atom_path = os.path.join(tmp, "big.csv"), os.path.join(tmp, "big.xml")
    write_csv(csv_path)
    write_atom(atom_path, rows // 4)
    print(f"{'case':<28}{'reviews':>10}{'MiB':>8}{'seconds':>9}{'reviews/s':>12}{'MiB/s':>8}{'peak RSS MiB':>14}")
    cases = [
        ("csv inspect (parse only)", ["inspect", "--kind", "csv", "--format", "csv", csv_path], csv_path, rows),
        ("csv import (+SQLite)", ["import", "--kind", "csv", "--source", "bench-csv", "--store", "b.sqlite", csv_path], csv_path, rows),
        ("csv re-import (ledger hit)", ["import", "--kind", "csv", "--source", "bench-csv", "--store", "b.sqlite", csv_path], csv_path, rows),
        ("atom inspect (parse only)", ["inspect", "--kind", "appstore-rss", "--format", "csv", atom_path], atom_path, rows // 4),
        ("atom import (+SQLite)", ["import", "--kind", "appstore-rss", "--source", "bench-atom", "--store", "b.sqlite", atom_path], atom_path, rows // 4),
    ]
    for name, args, path, n in cases:
        mib = os.path.getsize(path) / 2**20
        elapsed, peak = run(args, tmp)
        print(f"{name:<28}{n:>10}{mib:>8.1f}{elapsed:>9.2f}{n / elapsed:>12.0f}{mib / elapsed:>8.1f}{peak / 1024:>14.0f}")
