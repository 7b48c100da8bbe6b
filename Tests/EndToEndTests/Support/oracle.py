#!/usr/bin/env python3
"""Independent reader for the test fixtures: what `reputa inspect --format json` must print.

Written against the file formats (Python's csv, xml.etree and zoneinfo), not against Reputa's
code, so the end-to-end tests compare two separate implementations.
usage: oracle.py KIND FILE [TIMEZONE] [field=Column ...]
"""
import csv, io, json, re, sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

MONTHS = {m: i + 1 for i, m in enumerate(
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split())}

def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def date(text, tz):
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text)
    if m:
        return utc(datetime(int(m[3]), int(m[2]), int(m[1]), tzinfo=tz))
    m = re.search(r"(\d{1,2}) ([a-z]+) (\d{4})", text.lower())
    if m and m[2] in MONTHS:
        return utc(datetime(int(m[3]), MONTHS[m[2]], int(m[1]), tzinfo=tz))
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return utc(dt if dt.tzinfo else dt.replace(tzinfo=tz))

def rating(text):
    text = text.strip()
    if "★" in text:
        return float(text.count("★"))
    m = re.match(r"(\d+(?:[.,]\d+)?)", text)
    return float(m[1].replace(",", ".")) if m else None

def atom(path, tz):
    ns = {"a": "http://www.w3.org/2005/Atom", "im": "http://itunes.apple.com/rss"}
    out = []
    for e in ET.parse(path).getroot().findall("a:entry", ns):
        r = e.find("im:rating", ns)
        if r is None:
            continue
        link = e.find("a:link[@rel='related']", ns)
        out.append({
            "id": e.find("a:id", ns).text, "rating": float(r.text), "title": e.find("a:title", ns).text or "",
            "text": e.find("a:content[@type='text']", ns).text or "",
            "author": e.find("a:author/a:name", ns).text, "created_at": date(e.find("a:updated", ns).text, tz),
            "url": link.get("href") if link is not None else "", "reply_text": "", "reply_at": None,
        })
    return out

def table(path, tz, mapping):
    raw = open(path, "rb").read()
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    col = lambda row, field: (row.get(mapping.get(field, field)) or "").strip().replace("\r\n", "\n")
    return [{
        "id": col(r, "id"), "rating": rating(col(r, "rating")), "title": col(r, "title"), "text": col(r, "text"),
        "author": col(r, "author"), "created_at": date(col(r, "date"), tz), "url": col(r, "url"),
        "reply_text": col(r, "reply"), "reply_at": date(col(r, "reply_date"), tz),
    } for r in rows]

if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    tz = ZoneInfo(sys.argv[3] if len(sys.argv) > 3 else "Europe/Rome")
    mapping = dict(a.split("=", 1) for a in sys.argv[4:])
    print(json.dumps(atom(path, tz) if kind == "appstore-rss" else table(path, tz, mapping), ensure_ascii=False))
