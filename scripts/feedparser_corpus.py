#!/usr/bin/env python3
"""Copies the part of feedparser's own test corpus that Reputa's peer suite uses into
Tests/ReputaIngestTests/Fixtures/feedparser/, byte for byte, from feedparser 6.0.14's source
package (BSD-2-Clause; its LICENSE goes with the copy).

    pip download --no-deps --no-binary :all: feedparser==6.0.14 -d /tmp/fp
    python3 scripts/feedparser_corpus.py /tmp/fp/feedparser-6.0.14.tar.gz

The copy is kept in the repository because CI has no access to PyPI; running this again must
leave `git status` clean (the selection is deterministic).

Selected: every well-formed RSS, RSS 1.0/0.90 (rdf) and Atom 0.3/1.0 file whose `Expect:` line
checks only plain entry fields a review reader keeps: `entries[0][F] == literal` for F in
id, guid, link, title, author, summary, description, published, updated, created,
*_parsed and content[0]['value'], with a literal free of markup ('<'): feedparser's values are
HTML, ours plain text, so files checking markup belong to the sanitizer, not here. All
ill-formed files are copied too: none may crash or hang the reader.
"""
import hashlib, io, os, re, shutil, sys, tarfile

FIELDS = r"(?:id|guid|link|title|author|summary|description|published|updated|created|published_parsed|updated_parsed|created_parsed)"
CLAUSE = re.compile(r"entries\[0\]\['" + FIELDS + r"'\] == (?:'[^'<]*'|u'[^'<]*'|\([0-9, ]+\))"
                    r"|entries\[0\]\['content'\]\[0\]\['value'\] == (?:'[^'<]*'|u'[^'<]*')")

def selected(text):
    m = re.search(r"Expect:\s*(.*)", text)
    if not m:
        return False
    expect = m.group(1).strip()
    expect = re.sub(r"^not bozo and ", "", expect)
    return all(CLAUSE.fullmatch(c.strip()) for c in expect.split(" and "))

def main():
    tarball = sys.argv[1]
    out = os.path.join(os.path.dirname(__file__), "..", "Tests", "ReputaIngestTests", "Fixtures", "feedparser")
    out = os.path.normpath(out)
    digest = hashlib.sha256(open(tarball, "rb").read()).hexdigest()
    shutil.rmtree(out, ignore_errors=True)
    count = {"wellformed": 0, "illformed": 0}
    with tarfile.open(tarball) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            parts = member.name.split("/")
            if not member.isfile():
                continue
            rel = "/".join(parts[1:])
            keep = None
            if rel == "LICENSE":
                keep = "LICENSE"
            elif len(parts) == 5 and parts[1:3] == ["tests", "wellformed"] and parts[3] in ("rss", "atom", "atom10", "rdf"):
                data = tar.extractfile(member).read()
                if selected(data.decode("utf-8", "replace")):
                    keep = "/".join(parts[2:])
                    count["wellformed"] += 1
            elif parts[1:3] == ["tests", "illformed"] and rel.endswith(".xml"):
                keep = "/".join(parts[2:])
                count["illformed"] += 1
            if keep:
                path = os.path.join(out, keep)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(tar.extractfile(member).read())
    with open(os.path.join(out, "ORIGIN.md"), "w") as f:
        f.write("# feedparser's test corpus (part)\n\n"
                "Copied byte for byte by `scripts/feedparser_corpus.py` from feedparser 6.0.14's source package\n"
                "(`pip download --no-deps --no-binary :all: feedparser==6.0.14`, sha256 %s).\n"
                "Licence: BSD-2-Clause, in `LICENSE` beside this file.\n\n"
                "%d well-formed files (selection rule in the script), %d ill-formed files.\n"
                % (digest, count["wellformed"], count["illformed"]))
    print(f"{count['wellformed']} well-formed and {count['illformed']} ill-formed files into {out}")

main()
