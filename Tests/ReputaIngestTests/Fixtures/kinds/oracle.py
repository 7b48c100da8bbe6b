#!/usr/bin/env python3
"""Independent reader of the fixtures in this folder: writes `<fixture>.expected.json` beside each.

It reads only the raw fixture bytes (never gen_fixtures.py's data) and applies the normalization
rules the Swift importers implement, written out again here in plain Python (stdlib only: csv,
json, xml.etree, html, zoneinfo) so the tests compare two separate implementations.

The kind of a fixture comes from its name: the folder it is in (google-play-csv/…) or the
longest kind name its file name starts with (`rss-…`, `amazon-csv-…`).

usage: python3 oracle.py
"""
import ast
import csv
import html
import html.entities
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from urllib.parse import unquote
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEZONE = "Europe/Rome"
LOCAL = ZoneInfo(TIMEZONE)

KINDS = ["google-play-csv", "google-play-api", "appstore-connect", "appstore-json", "google-business",
         "trustpilot-api", "trustpilot-csv", "yelp-api", "yelp-dataset", "tripadvisor-api", "booking-csv",
         "amazon-jsonl", "amazon-csv", "json", "rss", "atom", "feed", "google-play-scraper", "app-store-scraper"]

# The mapping the Swift test passes for kind `json`.
JSON_MAPPING = {"id": "ref", "rating": "score", "text": "body", "date": "when", "author": "who"}

STAR_KINDS_SCALE = "1-5"


# ---------------------------------------------------------------------------------------------
# Small helpers

def clean(value):
    """Text field: "" when absent, CRLF -> LF, trimmed."""
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()


def number(value):
    """A rating as a JSON number: 3.0 -> 3, 7.5 stays 7.5."""
    f = float(value)
    return int(f) if f.is_integer() else f


def language(code):
    """Primary subtag, lower-cased: pt_BR -> pt, zh-TW -> zh, IT -> it. None when absent."""
    code = clean(code)
    if not code:
        return None
    return re.split(r"[-_]", code)[0].lower()


def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_epoch_seconds(seconds):
    return utc(datetime.fromtimestamp(int(seconds), timezone.utc))


def from_epoch_millis(millis):
    return from_epoch_seconds(int(millis) // 1000)


ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})"
                 r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
                 r"\s*(Z|[+-]\d{2}:?\d{2})?")


def iso_date(text, zone=LOCAL):
    """ISO 8601 / RFC 3339, with or without zone, with or without time. Fraction truncated.
    A time without zone is local time in `zone`; a date alone is midnight there."""
    m = ISO.fullmatch(text.strip())
    if not m:
        return None
    y, mo, d, h, mi, s, z = m.groups()
    if z is None:
        tz = zone
    elif z == "Z":
        tz = timezone.utc
    else:
        sign = 1 if z[0] == "+" else -1
        digits = z[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), tzinfo=tz)
    return utc(dt)


MONTHS_EN = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
ZONES = {"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
         "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2}
RFC822 = re.compile(r"(?:[A-Za-z]+,\s*)?(\d{1,2})[ -]([A-Za-z]{3})[ -](\d{4}|\d{2})\s+"
                    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]+|[+-]\d{4})?")


def rfc822_date(text):
    """RFC 822/1123 and RFC 850 dates, 2- or 4-digit years, named or numeric zones."""
    m = RFC822.fullmatch(text.strip())
    if not m:
        return None
    d, mon, y, h, mi, s, z = m.groups()
    if mon.lower() not in MONTHS_EN:
        return None
    year = int(y)
    if len(y) == 2:
        year += 2000 if year < 50 else 1900
    if z is None:
        tz = LOCAL
    elif z[0] in "+-":
        sign = 1 if z[0] == "+" else -1
        tz = timezone(sign * timedelta(hours=int(z[1:3]), minutes=int(z[3:5])))
    elif z.upper() in ZONES:
        tz = timezone(timedelta(hours=ZONES[z.upper()]))
    else:
        return None
    return utc(datetime(year, MONTHS_EN[mon.lower()], int(d), int(h), int(mi), int(s or 0), tzinfo=tz))


def feed_date(text):
    return rfc822_date(text) or iso_date(text)


MONTHS_IT = {m: i + 1 for i, m in enumerate(
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split())}


def italian_date(text):
    """'Recensito in Italia il 14 dicembre 2023' -> midnight local time of that day."""
    m = re.search(r"(\d{1,2}) ([a-zà-ù]+) (\d{4})", text.lower())
    if not m or m.group(2) not in MONTHS_IT:
        return None
    return utc(datetime(int(m.group(3)), MONTHS_IT[m.group(2)], int(m.group(1)), tzinfo=LOCAL))


def us_date(text):
    """Kaggle Booking 'M/D/YYYY' -> midnight local time of that day."""
    month, day, year = (int(p) for p in text.strip().split("/"))
    return utc(datetime(year, month, day, tzinfo=LOCAL))


def review(id=None, rating=None, scale=STAR_KINDS_SCALE, title="", text="", translation="", author="",
           created=None, updated=None, reply="", reply_at=None, language=None, url="", helpful=None, version="",
           author_reviews=None):
    """One expected review in the schema's field order; updated defaults to created."""
    return {
        "id": None if id is None else str(id),
        "rating": None if rating is None else number(rating),
        "scale": None if rating is None else scale,
        "title": clean(title), "text": clean(text), "translation": clean(translation), "author": clean(author),
        "created": created, "updated": updated if updated is not None else created,
        "reply": clean(reply), "reply_at": reply_at, "language": language, "url": clean(url),
        "helpful": None if helpful is None else int(helpful), "version": clean(version),
        "author_reviews": None if author_reviews is None else int(author_reviews),
    }


def result(reviews, total=None, next=None, warnings=(), skipped=()):
    return {"total": total, "next": next, "reviews": reviews,
            "warnings": [{"contains": w} for w in warnings], "skipped": [{"contains": s} for s in skipped]}


def csv_rows(raw):
    """Decodes by BOM (UTF-16 / UTF-8), picks ',' or ';' from the header line, returns dict rows."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


# ---------------------------------------------------------------------------------------------
# Review kinds

def google_play_csv(raw):
    reviews, skipped = [], []
    for row in csv_rows(raw):
        stars = clean(row["Star Rating"])
        if not stars:
            skipped.append("Star Rating")
            continue
        link = clean(row["Review Link"])
        m = re.search(r"[?&#]reviewid=([^&#]+)", link, re.IGNORECASE)
        reviews.append(review(
            id=unquote(m.group(1)), rating=stars, title=row["Review Title"], text=row["Review Text"],
            created=from_epoch_millis(row["Review Submit Millis Since Epoch"]),
            updated=from_epoch_millis(row["Review Last Update Millis Since Epoch"]),
            reply=row["Developer Reply Text"],
            reply_at=from_epoch_millis(row["Developer Reply Millis Since Epoch"])
            if clean(row["Developer Reply Millis Since Epoch"]) else None,
            language=language(row.get("Reviewer Language")), url=link, version=row["App Version Name"]))
    return result(reviews, skipped=skipped)


def split_tab_title(text):
    """Play API legacy 'title<TAB>body' (or a leading tab: no title)."""
    if "\t" in text:
        title, body = text.split("\t", 1)
        return title, body
    return "", text


def google_play_api(raw):
    doc = json.loads(raw)
    reviews = []
    for r in doc.get("reviews", []):
        user = next(c["userComment"] for c in r["comments"] if "userComment" in c)
        dev = next((c["developerComment"] for c in r["comments"] if "developerComment" in c), None)
        if "originalText" in user:
            # `text` is the machine translation; the reviewer's own words are `originalText`.
            title, text = split_tab_title(user["originalText"])
            translation = split_tab_title(user["text"])[1]
        else:
            title, text = split_tab_title(user["text"])
            translation = ""
        reviews.append(review(
            id=r["reviewId"], rating=user["starRating"], title=title, text=text, translation=translation,
            author=r.get("authorName"), created=from_epoch_seconds(user["lastModified"]["seconds"]),
            reply=dev["text"] if dev else "",
            reply_at=from_epoch_seconds(dev["lastModified"]["seconds"]) if dev else None,
            language=language(user.get("reviewerLanguage")), helpful=user.get("thumbsUpCount"),
            version=user.get("appVersionName", "")))
    return result(reviews, next=doc.get("tokenPagination", {}).get("nextPageToken"))


def appstore_connect(raw):
    doc = json.loads(raw)
    responses = {i["id"]: i["attributes"] for i in doc.get("included", []) if i["type"] == "customerReviewResponses"}
    reviews = []
    for item in doc["data"]:
        if item["type"] != "customerReviews":
            continue
        a = item["attributes"]
        link = (item.get("relationships", {}).get("response", {}).get("data")) or {}
        resp = responses.get(link.get("id"))
        reviews.append(review(
            id=item["id"], rating=a["rating"], title=a.get("title"), text=a.get("body"),
            author=a.get("reviewerNickname"), created=iso_date(a["createdDate"]),
            reply=resp["responseBody"] if resp else "",
            reply_at=iso_date(resp["lastModifiedDate"]) if resp else None))
    return result(reviews, total=doc.get("meta", {}).get("paging", {}).get("total"),
                  next=doc.get("links", {}).get("next"))


def label(obj, key):
    v = obj.get(key)
    return v.get("label") if isinstance(v, dict) else None


def appstore_json(raw):
    feed = json.loads(raw)["feed"]
    entries = feed.get("entry", [])
    if isinstance(entries, dict):
        entries = [entries]
    reviews = []
    for e in entries:
        if "im:rating" not in e:  # the app itself (older feeds)
            continue
        updated = label(e, "updated")
        links = e.get("link", [])
        links = links if isinstance(links, list) else [links]
        url = next((l["attributes"]["href"] for l in links if l["attributes"].get("rel") == "related"), "")
        reviews.append(review(
            id=label(e, "id"), rating=label(e, "im:rating"), title=label(e, "title"), text=label(e, "content"),
            author=label(e["author"], "name"), created=iso_date(updated) if updated else None, url=url,
            helpful=label(e, "im:voteSum"), version=label(e, "im:version")))
    links = feed.get("link", [])
    links = links if isinstance(links, list) else [links]
    next_url = next((l["attributes"]["href"] for l in links if l["attributes"].get("rel") == "next"), None)
    return result(reviews, next=next_url)


GBP_STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5, "STAR_RATING_UNSPECIFIED": None}


def split_google_translation(comment):
    """-> (original text, translation)."""
    m = re.fullmatch(r"\(Translated by Google\)\s*(.*?)\n\n\(Original\)\n(.*)", comment, re.S)
    if m:
        return m.group(2), m.group(1)
    m = re.fullmatch(r"\(Original\)\n(.*?)\n\n\(Translated by Google\)\n(.*)", comment, re.S)
    if m:
        return m.group(1), m.group(2)
    return comment, ""


def google_business(raw):
    doc = json.loads(raw)
    reviews = []
    for r in doc.get("reviews", []):
        text, translation = split_google_translation(clean(r.get("comment")))
        reply = r.get("reviewReply")
        reviews.append(review(
            id=r["name"], rating=GBP_STARS[r["starRating"]], text=text, translation=translation,
            author=r.get("reviewer", {}).get("displayName"), created=iso_date(r["createTime"]),
            updated=iso_date(r["updateTime"]) if r.get("updateTime") else None,
            reply=reply["comment"] if reply else "", reply_at=iso_date(reply["updateTime"]) if reply else None))
    return result(reviews, total=doc.get("totalReviewCount"), next=doc.get("nextPageToken"))


def trustpilot_api(raw):
    doc = json.loads(raw)
    if "props" in doc:  # the business page's own data: its review objects
        return trustpilot_web(doc["props"]["pageProps"]["reviews"])
    reviews, skipped = [], []
    for r in doc.get("reviews", []):
        if not r.get("id"):
            skipped.append("id")
            continue
        reply = r.get("companyReply")
        reviews.append(review(
            id=r["id"], rating=r["stars"], title=r.get("title"), text=r.get("text"),
            author=(r.get("consumer") or {}).get("displayName"), created=iso_date(r["createdAt"]),
            updated=iso_date(r["updatedAt"]) if r.get("updatedAt") else None,
            reply=reply["text"] if reply else "", reply_at=iso_date(reply["createdAt"]) if reply else None,
            language=language(r.get("language")), helpful=r.get("numberOfLikes"),
            author_reviews=(r.get("consumer") or {}).get("numberOfReviews")))
    next_url = next((l["href"] for l in doc.get("links", []) if l.get("rel") == "next-page"), None)
    return result(reviews, next=next_url, skipped=skipped)


def trustpilot_web(objects):
    reviews = []
    for r in objects:
        dates, reply = r["dates"], r.get("reply")
        reviews.append(review(
            id=r["id"], rating=r["rating"], title=r.get("title"), text=r.get("text"),
            author=r["consumer"]["displayName"], created=iso_date(dates["publishedDate"]),
            updated=iso_date(dates["updatedDate"]) if dates.get("updatedDate") else None,
            reply=reply["message"] if reply else "", reply_at=iso_date(reply["publishedDate"]) if reply else None,
            language=language(r.get("language")), helpful=r.get("likes"), author_reviews=r["consumer"].get("numberOfReviews")))
    return result(reviews)


def trustpilot_csv(raw):
    utc_zone = timezone.utc  # the "(UTC)" columns say their zone in the header
    reviews = []
    for row in csv_rows(raw):
        reply_date = clean(row.get("Company Reply Date (UTC)"))
        reviews.append(review(
            id=row["Review ID"], rating=row["Review Stars"], title=row["Review Title"], text=row["Review Content"],
            author=row["Review Username"], created=iso_date(row["Review Created (UTC)"], utc_zone),
            reply=row.get("Reply Content"), reply_at=iso_date(reply_date, utc_zone) if reply_date else None,
            language=language(row.get("Review Language"))))
    return result(reviews)


def yelp_api(raw):
    doc = json.loads(raw)
    # Yelp's reference: "Review creation time in PST" (US Pacific, whatever the business's zone).
    reviews = [review(id=r["id"], rating=r["rating"], text=r["text"], author=r["user"]["name"],
                      created=iso_date(r["time_created"], ZoneInfo("America/Los_Angeles")), url=r.get("url"))
               for r in doc["reviews"]]
    return result(reviews, total=doc.get("total"))


def yelp_dataset(raw):
    reviews = []
    for line in raw.decode("utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        helpful = r["useful"] if "useful" in r else r.get("votes", {}).get("useful")
        reviews.append(review(id=r["review_id"], rating=r["stars"], text=r["text"], created=iso_date(r["date"]),
                              helpful=helpful))
    return result(reviews)


def tripadvisor_api(raw):
    doc = json.loads(raw)
    reviews = []
    for r in doc["data"]:
        owner = r.get("owner_response")
        reviews.append(review(
            id=r["id"], rating=r["rating"], title=r.get("title"), text=r.get("text"),
            author=(r.get("user") or {}).get("username"), created=iso_date(r["published_date"]),
            reply=owner["text"] if owner else "", reply_at=iso_date(owner["published_date"]) if owner else None,
            language=language(r.get("lang")), url=r.get("url"), helpful=r.get("helpful_votes")))
    return result(reviews)


def booking_csv(raw):
    reviews = []
    for row in csv_rows(raw):
        parts = []
        for value, placeholder in ((row["Positive_Review"], "No Positive"), (row["Negative_Review"], "No Negative")):
            value = clean(value)
            if value and value != placeholder:
                parts.append(value)
        reviews.append(review(
            rating=row["Reviewer_Score"], scale="0-10", text="\n\n".join(parts), created=us_date(row["Review_Date"]),
            helpful=row.get("review_helpful_votes") or None,
            author_reviews=row.get("Total_Number_of_Reviews_Reviewer_Has_Given") or None))
    return result(reviews)


def amazon_jsonl(raw):
    reviews = []
    for line in raw.decode("utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if "reviewerID" in r:  # the 2014 and 2018 datasets
            votes = r.get("vote")
            helpful = int(votes.replace(",", "")) if votes else (r["helpful"][0] if "helpful" in r else None)
            reviews.append(review(
                id="|".join([r["reviewerID"], r["asin"], str(r["unixReviewTime"])]), rating=r["overall"],
                title=r.get("summary", ""), text=r.get("reviewText", ""), author=r.get("reviewerName", ""),
                created=from_epoch_seconds(r["unixReviewTime"]), helpful=helpful))
            continue
        reviews.append(review(
            id="|".join([r["user_id"], r["asin"], str(r["timestamp"])]), rating=r["rating"], title=r.get("title"),
            text=r.get("text"), created=from_epoch_millis(r["timestamp"]), helpful=r.get("helpful_vote")))
    return result(reviews)


STAR_TEXT = re.compile(r"^\s*(\d+(?:,\d+)?) su \d+ stelle\s*")


def amazon_csv(raw):
    rows = csv_rows(raw)
    reviews = []
    for row in rows:
        if "ProductId" in row:  # SNAP Amazon Fine Food Reviews
            reviews.append(review(
                id=row["Id"], rating=row["Score"], title=row["Summary"], text=row["Text"], author=row["ProfileName"],
                created=from_epoch_seconds(row["Time"]), helpful=row["HelpfulnessNumerator"]))
        else:  # scraped amazon.it
            stars = STAR_TEXT.match(row["review_stars"]).group(1).replace(",", ".")
            reviews.append(review(
                id=row["review_id"], rating=stars, title=STAR_TEXT.sub("", row["review_title"]),
                text=row["review_text"], author=row["author"], created=italian_date(row["review_date"])))
    return result(reviews)


def generic_json(raw):
    m = JSON_MAPPING
    reviews = []
    try:
        objects = json.loads(raw)
    except json.JSONDecodeError:  # JSON Lines: one object per line, blank lines skipped
        objects = [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    for obj in objects:
        when = obj.get(m["date"])
        if isinstance(when, (int, float)):
            created = from_epoch_millis(when) if when >= 100_000_000_000 else from_epoch_seconds(when)
        else:
            created = iso_date(when) if when else None
        reviews.append(review(id=obj.get(m["id"]), rating=obj.get(m["rating"]), text=obj.get(m["text"]),
                              author=obj.get(m["author"]), created=created))
    return result(reviews)


# ---------------------------------------------------------------------------------------------
# Scrapers' output (JSON, or CSV as pandas writes it)

def scraper_objects(raw):
    """JSON list, {"data": [...]}, or a pandas CSV (index column dropped; empty cells None)."""
    text = raw.decode("utf-8-sig")
    if text.lstrip()[:1] in "[{":
        doc = json.loads(text)
        return doc["data"] if isinstance(doc, dict) else doc
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return [{k: (v if v != "" else None) for k, v in row.items() if k != ""} for row in rows]


def google_play_scraper(raw):
    reviews = []
    for o in scraper_objects(raw):
        if "reviewId" in o:  # Python: naive local times of the scraping machine, read in the source's zone
            reviews.append(review(
                id=o["reviewId"], rating=o["score"], text=o["content"], author=o.get("userName"),
                created=iso_date(o["at"]), reply=o.get("replyContent"),
                reply_at=iso_date(o["repliedAt"]) if o.get("repliedAt") else None,
                helpful=o.get("thumbsUpCount"), version=o.get("reviewCreatedVersion")))
        else:  # Node: UTC with Z
            reviews.append(review(
                id=o["id"], rating=o["score"], title=o.get("title"), text=o["text"], author=o.get("userName"),
                created=iso_date(o["date"]), reply=o.get("replyText"),
                reply_at=iso_date(o["replyDate"]) if o.get("replyDate") else None,
                helpful=o.get("thumbsUp"), version=o.get("version"), url=o.get("url")))
    return result(reviews)


def app_store_scraper(raw):
    reviews = []
    for o in scraper_objects(raw):
        if "review" in o:  # Python: UTC with the Z dropped; no id
            response = o.get("developerResponse")
            if isinstance(response, str):
                response = ast.literal_eval(response)
            response = response or {}
            reviews.append(review(
                rating=o["rating"], title=o.get("title"), text=o["review"], author=o.get("userName"),
                created=iso_date(o["date"], zone=timezone.utc), reply=response.get("body"),
                reply_at=iso_date(response["modified"]) if response.get("modified") else None))
        else:  # Node: Apple's offset
            reviews.append(review(
                id=o["id"], rating=o["score"], title=o.get("title"), text=o["text"], author=o.get("userName"),
                created=iso_date(o["updated"]), version=o.get("version"), url=o.get("url")))
    return result(reviews)


# ---------------------------------------------------------------------------------------------
# Feeds

NS_ATOM = "{http://www.w3.org/2005/Atom}"
NS_RSS1 = "{http://purl.org/rss/1.0/}"
NS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
NS_DC = "{http://purl.org/dc/elements/1.1/}"
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def decode_xml(raw):
    """Bytes -> text: BOM, else the prolog's encoding; a UTF-8 prolog over bytes that are not
    UTF-8 means Windows-1252. Then drops characters XML forbids and turns HTML named entities
    (undeclared in XML) into numeric references, outside CDATA sections."""
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8")
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        m = re.match(rb"\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", raw)
        declared = m.group(1).decode("ascii").lower() if m else "utf-8"
        if declared in ("utf-8", "utf8"):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
        else:
            text = raw.decode(declared)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)

    def numeric(m):
        name = m.group(1)
        value = html.entities.html5.get(name + ";")
        if name in XML_ENTITIES or value is None:
            return m.group(0)
        return "".join("&#%d;" % ord(ch) for ch in value)

    parts = re.split(r"(<!\[CDATA\[.*?\]\]>)", text, flags=re.S)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r"&([A-Za-z][A-Za-z0-9]*);", numeric, parts[i])
    return "".join(parts)


BREAK_TAGS = re.compile(r"<(?:br|p|/p|div|/div|li|tr|h[1-6])\b[^>]*>", re.I)


def html_to_text(source):
    s = (source or "").replace("\r\n", "\n")
    s = re.sub(r"<script\b.*?</script\s*>", "", s, flags=re.I | re.S)
    s = re.sub(r"<style\b.*?</style\s*>", "", s, flags=re.I | re.S)
    s = BREAK_TAGS.sub("\n", s)
    s = re.sub(r"<[^>]*>", "", s)
    s = html.unescape(s)
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in s.split("\n")]
    s = "\n".join(lines)
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


def local_name(tag):
    return tag.rsplit("}", 1)[-1]


def xhtml_source(el):
    """The children of an Atom type="xhtml" element written back as HTML, namespaces dropped."""
    out = [html.escape(el.text or "", quote=False)]
    for child in el:
        name = local_name(child.tag)
        attrs = "".join(' %s="%s"' % (local_name(k), html.escape(v)) for k, v in child.attrib.items())
        out.append("<%s%s>%s</%s>" % (name, attrs, xhtml_source(child), name))
        out.append(html.escape(child.tail or "", quote=False))
    return "".join(out)


def atom_text(el):
    """An Atom text construct as plain text."""
    if el is None:
        return ""
    kind = el.get("type", "text")
    if kind == "html":
        return html_to_text(el.text)
    if kind == "xhtml":
        return html_to_text(xhtml_source(el))
    return clean(el.text)


def child(el, name):
    """First child named `name` without a namespace or in RSS 1.0's namespace."""
    for c in el:
        if c.tag == name or c.tag == NS_RSS1 + name:
            return c
    return None


def text_of(el):
    return None if el is None else clean(el.text)


def next_link(parent):
    for l in parent.findall(NS_ATOM + "link"):
        if l.get("rel") == "next":
            return l.get("href")
    return None


def rss_items(items, channel):
    reviews, warnings = [], []
    for n, item in enumerate(items, 1):
        guid, link = text_of(child(item, "guid")), text_of(child(item, "link"))
        encoded, description = item.find(NS_CONTENT + "encoded"), child(item, "description")
        body = encoded if encoded is not None else description
        author = text_of(item.find(NS_DC + "creator")) or text_of(child(item, "author")) or ""
        when = text_of(child(item, "pubDate")) or text_of(item.find(NS_DC + "date"))
        created = None
        if when:
            created = feed_date(when)
            if created is None:
                warnings.append("date")
        reviews.append(review(
            id=guid or link or None, title=text_of(child(item, "title")),
            text=html_to_text(body.text) if body is not None else "", author=author, created=created,
            url=link or ""))
    return result(reviews, next=next_link(channel) if channel is not None else None, warnings=warnings)


def atom_entries(feed):
    reviews, warnings = [], []
    for entry in feed.findall(NS_ATOM + "entry"):
        url = ""
        for l in entry.findall(NS_ATOM + "link"):
            if l.get("rel", "alternate") == "alternate":
                url = l.get("href", "")
                break
        content = entry.find(NS_ATOM + "content")
        if content is None:
            content = entry.find(NS_ATOM + "summary")
        published, updated = text_of(entry.find(NS_ATOM + "published")), text_of(entry.find(NS_ATOM + "updated"))
        created = iso_date(published or updated) if (published or updated) else None
        if (published or updated) and created is None:
            warnings.append("date")
        updated_at = iso_date(updated) if updated else None
        reviews.append(review(
            id=text_of(entry.find(NS_ATOM + "id")) or url or None, title=atom_text(entry.find(NS_ATOM + "title")),
            text=atom_text(content), author=text_of(entry.find(NS_ATOM + "author/" + NS_ATOM + "name")) or "",
            created=created, updated=updated_at if created else None, url=url))
    return result(reviews, next=next_link(feed), warnings=warnings)


def feed(raw):
    root = ET.fromstring(decode_xml(raw))
    name = local_name(root.tag)
    if root.tag == NS_ATOM + "feed":
        return atom_entries(root)
    if name == "rss":
        channel = root.find("channel")
        return rss_items(channel.findall("item"), channel)
    if name == "RDF":
        return rss_items(root.findall(NS_RSS1 + "item"), root.find(NS_RSS1 + "channel"))
    raise ValueError("not a feed: " + root.tag)


def without_ratings(parsed):
    for r in parsed["reviews"]:
        assert r["rating"] is None
    return parsed


READERS = {
    "google-play-csv": google_play_csv, "google-play-api": google_play_api, "appstore-connect": appstore_connect,
    "appstore-json": appstore_json, "google-business": google_business, "trustpilot-api": trustpilot_api,
    "trustpilot-csv": trustpilot_csv, "yelp-api": yelp_api, "yelp-dataset": yelp_dataset,
    "tripadvisor-api": tripadvisor_api, "booking-csv": booking_csv, "amazon-jsonl": amazon_jsonl,
    "amazon-csv": amazon_csv, "json": generic_json,
    "google-play-scraper": google_play_scraper, "app-store-scraper": app_store_scraper,
    "rss": lambda raw: without_ratings(feed(raw)), "atom": lambda raw: without_ratings(feed(raw)),
    "feed": lambda raw: without_ratings(feed(raw)),
}


def kind_of(relpath):
    parts = relpath.split(os.sep)
    if len(parts) > 1 and parts[0] in KINDS:
        return parts[0]
    matches = [k for k in KINDS if parts[-1].startswith(k + "-")]
    return max(matches, key=len) if matches else None


def fixtures():
    for folder, dirs, files in os.walk(HERE):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".py", ".md", ".expected.json")):
                continue
            path = os.path.join(folder, f)
            yield path, os.path.relpath(path, HERE)


def main():
    for path, rel in fixtures():
        kind = kind_of(rel)
        if kind is None:
            raise SystemExit("no kind for " + rel)
        with open(path, "rb") as fh:
            raw = fh.read()
        parsed = READERS[kind](raw)
        expected = {"kind": kind, "timezone": TIMEZONE}
        if kind == "json":
            expected["mapping"] = JSON_MAPPING
        expected.update(parsed)
        with open(path + ".expected.json", "w", encoding="utf-8", newline="\n") as out:
            out.write(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
        print("%-16s %-60s %d reviews, %d skipped, %d warnings" % (
            kind, rel, len(parsed["reviews"]), len(parsed["skipped"]), len(parsed["warnings"])))


if __name__ == "__main__":
    main()
