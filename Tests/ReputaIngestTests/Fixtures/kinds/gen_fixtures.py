#!/usr/bin/env python3
"""Writes every fixture under this folder, byte for byte, from data written out by hand below.

Each fixture reproduces a portal's real format (see shared/notes/formats.md): encodings, BOMs,
line endings, namespaces and quirks. The data is invented (a fictional restaurant chain, Aurora
Bistrot, and its ordering app). Deterministic: running it twice writes the same bytes.
`oracle.py` then reads the files back, independently, and writes the `.expected.json` beside them.

usage: python3 gen_fixtures.py && python3 oracle.py
"""
import csv
import io
import json
import os
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    """Writes bytes (or UTF-8 text) to HERE/name, creating folders."""
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def ms(iso):
    """'2026-10-02T18:04:05.123Z' -> epoch milliseconds."""
    dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return int(dt.timestamp() * 1000 + 0.5)


def secs(iso):
    return ms(iso) // 1000


def csv_text(rows, delimiter=",", line_end="\n"):
    """RFC 4180 with minimal quoting (fields with the delimiter, quotes or line breaks)."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        w.writerow(row)
    return out.getvalue()


def pretty(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------
# Google Play Console monthly CSV: UTF-16LE + BOM, CRLF rows, LF inside quoted fields.

PLAY_16 = ["Package Name", "App Version Code", "App Version Name", "Reviewer Language", "Device",
           "Review Submit Date and Time", "Review Submit Millis Since Epoch",
           "Review Last Update Date and Time", "Review Last Update Millis Since Epoch", "Star Rating",
           "Review Title", "Review Text", "Developer Reply Date and Time",
           "Developer Reply Millis Since Epoch", "Developer Reply Text", "Review Link"]
PLAY_14 = [c for c in PLAY_16 if c not in ("App Version Code", "Reviewer Language")]
PKG = "it.aurorabistrot.app"


def play_link(review_id):
    return ("http://play.google.com/console/developers/8812345678901234567/app/4974112233445566778/"
            "user-feedback/review-details?reviewId=" + review_id + "&corpus=PUBLIC_REVIEWS")


def play_link_old(review_id):
    # The pre-2020 console linked with a fragment and a lower-case `reviewid`.
    return ("https://play.google.com/apps/publish?account=8812345678901234567#ReviewDetailsPlace:p="
            + PKG + "&reviewid=" + review_id)


def play_row(header, r):
    """r: dict with the semantic values; times as ISO strings with millis."""
    def t(key):
        return (r[key][:19] + "Z") if r.get(key) else ""

    def m(key):
        return str(ms(r[key])) if r.get(key) else ""

    cells = {
        "Package Name": PKG, "App Version Code": r.get("code", ""), "App Version Name": r.get("version", ""),
        "Reviewer Language": r.get("lang", ""), "Device": r.get("device", ""),
        "Review Submit Date and Time": t("submit"), "Review Submit Millis Since Epoch": m("submit"),
        "Review Last Update Date and Time": t("update"), "Review Last Update Millis Since Epoch": m("update"),
        "Star Rating": r["stars"], "Review Title": r.get("title", ""), "Review Text": r.get("text", ""),
        "Developer Reply Date and Time": t("reply_at"), "Developer Reply Millis Since Epoch": m("reply_at"),
        "Developer Reply Text": r.get("reply", ""), "Review Link": r["link"],
    }
    return [cells[c] for c in header]


def play_file(name, header, reviews):
    text = csv_text([header] + [play_row(header, r) for r in reviews], line_end="\r\n")
    write("google-play-csv/" + name, b"\xff\xfe" + text.encode("utf-16-le"))


def google_play_csv():
    play_file("reviews_reviews_%s_201907.csv" % PKG, PLAY_14, [
        dict(version="3.0.2", device="hero2lte", submit="2019-07-14T10:22:31.408Z",
             update="2019-07-14T10:22:31.408Z", stars="4", title="Comoda",
             text="Comoda per ordinare, ma l'attesa è lunga", link=play_link_old("gp:AOqpTOF1oldA3e9")),
        dict(version="", device="", submit="2019-07-20T16:00:00.000Z", update="2019-07-21T09:10:00.250Z",
             stars="1", text='Crash continui, "riprova più tardi" 🙄', reply_at="2019-07-22T08:00:00.000Z",
             reply="Abbiamo rilasciato la 3.0.3 con la correzione. Ci scusi!",
             link=play_link_old("gp:AOqpTOF2oldB7k1")),
        dict(version="3.0.2", device="mido", submit="2019-07-28T21:45:09.999Z", update="2019-07-28T21:45:09.999Z",
             stars="5", link=play_link_old("gp:AOqpTOF3oldC2m4")),
    ])
    play_file("reviews_reviews_%s_202610.csv" % PKG, PLAY_16, [
        dict(code="3400", version="3.4.0", lang="it", device="a52q", submit="2026-10-02T18:04:05.123Z",
             update="2026-10-02T18:04:05.123Z", stars="4",
             text='Buona app, ma la "consegna gratuita" non si applica mai.\nCorreggete il carrello, per favore!',
             reply_at="2026-10-03T09:00:00.000Z",
             reply="Grazie Paolo, stiamo correggendo il carrello nella 3.4.1.",
             link=play_link("gp:AOqpTOGk3xV1aQ7c")),
        dict(code="3400", version="3.4.0", lang="en_GB", device="starlte", submit="2026-10-05T12:00:00.000Z",
             update="2026-10-05T12:00:00.000Z", stars="5", link=play_link("gp:AOqpTOGk3xV2bR8d")),
        dict(code="", version="", lang="pt_BR", device="", submit="2026-10-07T23:30:00.500Z",
             update="2026-10-08T07:00:00.000Z", stars="3", text="Bom app 👍 mas trava às vezes  ",
             link=play_link("gp:AOqpTOGk3xV3cS9e")),
        # A row that cannot be read: no star rating.
        dict(code="3400", version="3.4.0", lang="it", device="OnePlus8T", submit="2026-10-12T10:00:00.000Z",
             update="2026-10-12T10:00:00.000Z", stars="", text="Non riesco a pagare con PayPal",
             link=play_link("gp:AOqpTOGk3xV4dT0f")),
        dict(code="3410", version="3.4.1", lang="it", device="OnePlus8T", submit="2026-10-20T21:15:30.456Z",
             update="2026-10-20T21:15:30.456Z", stars="2", text="Ordine sbagliato 😡 due volte di fila",
             link=play_link("gp:AOqpTOH9zQ2mW5gU")),
    ])
    play_file("reviews_reviews_%s_202611.csv" % PKG, PLAY_16, [
        # The same review as in 202610 (same reviewId), edited: newer Last Update, new text, a reply.
        dict(code="3410", version="3.4.1", lang="it", device="OnePlus8T", submit="2026-10-20T21:15:30.456Z",
             update="2026-11-04T08:02:11.789Z", stars="3",
             text="Ordine sbagliato 😡 due volte di fila.\r\nAggiornamento: il supporto mi ha rimborsato, grazie.",
             reply_at="2026-11-03T17:45:00.000Z", reply="Ci scusi, Sara: il rimborso è partito oggi.",
             link=play_link("gp:AOqpTOH9zQ2mW5gU")),
        dict(code="3410", version="3.4.1", lang="it", device="redfin", submit="2026-11-02T07:59:59.999Z",
             update="2026-11-02T07:59:59.999Z", stars="1", text="L'app si chiude all'avvio, Pixel 5, Android 14.",
             link=play_link("gp:AOqpTOJ1aB2cD3eF")),
        dict(code="3410", version="3.4.1", lang="de", device="beyond1", submit="2026-11-06T19:20:00.000Z",
             update="2026-11-06T19:20:00.000Z", stars="5", text="Schnell, einfach, lecker 🍝",
             link=play_link("gp:AOqpTOJ2gH4iJ5kL")),
    ])


# ---------------------------------------------------------------------------------------------
# Google Play Developer API reviews.list (androidpublisher v3).

def play_ts(iso):
    dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return {"seconds": str(int(dt.timestamp())), "nanos": dt.microsecond * 1000}


def device_metadata(product, maker, ram):
    return {"productName": product, "manufacturer": maker, "deviceClass": "phone", "screenWidthPx": 1080,
            "screenHeightPx": 2400, "nativePlatform": "arm64-v8a,armeabi-v7a,armeabi", "screenDensityDpi": 420,
            "glEsVersion": 196610, "cpuModel": "SM7125", "cpuMake": "Qualcomm", "ramMb": ram}


def google_play_api():
    def user(text, when, stars, lang, device, code, version, up, down, meta, original=None):
        c = {"text": text, "lastModified": play_ts(when), "starRating": stars, "reviewerLanguage": lang,
             "device": device, "androidOsVersion": 34}
        if code is not None:
            c["appVersionCode"] = code
            c["appVersionName"] = version
        c.update({"thumbsUpCount": up, "thumbsDownCount": down, "deviceMetadata": meta})
        if original is not None:
            c["originalText"] = original
        return {"userComment": c}

    doc = {
        "reviews": [
            {"reviewId": "gp:AOqpTOFmAbCdEf1GhIj", "authorName": "Giulia Bianchi", "comments": [
                user("\tOttima app, ordino ogni settimana 🍕", "2026-11-10T19:45:00.123456Z", 5, "it", "a52q",
                     3410, "3.4.1", 3, 0, device_metadata("a52q (Galaxy A52)", "Samsung", 6144)),
                {"developerComment": {"text": "Grazie mille Giulia! 🙏", "lastModified": play_ts("2026-11-11T08:30:00Z")}},
            ]},
            {"reviewId": "gp:AOqpTOFmAbCdEf2KlMn", "authorName": "Luca", "comments": [
                user('Consegna lenta\tIl rider si è perso: 50 minuti di attesa, "pizza" fredda.',
                     "2026-11-09T12:00:59.999999Z", 2, "it", "OnePlus8T", 3410, "3.4.1", 0, 1,
                     device_metadata("OnePlus8T (OnePlus 8T)", "OnePlus", 8192)),
            ]},
            {"reviewId": "gp:AOqpTOFmAbCdEf3OpQr", "authorName": "Hans Müller", "comments": [
                user("Quick ordering, but the menu is only in Italian.", "2026-11-08T07:15:00Z", 4, "de_AT",
                     "beyond1", 3400, "3.4.0", 1, 0, device_metadata("beyond1 (Galaxy S10)", "Samsung", 8192),
                     original="Schnelle Bestellung, aber die Speisekarte ist nur auf Italienisch."),
            ]},
            {"reviewId": "gp:AOqpTOFmAbCdEf4StUv", "authorName": "", "comments": [
                user("Non funziona più dopo l'aggiornamento.\nSi blocca al login.", "2026-11-07T23:59:00Z", 1, "it",
                     "redfin", None, None, 7, 2, device_metadata("redfin (Pixel 5)", "Google", 8192)),
                {"developerComment": {"text": "Ciao, abbiamo appena pubblicato la 3.4.2 che corregge il login.",
                                      "lastModified": play_ts("2026-11-08T10:00:00.5Z")}},
            ]},
        ],
        "tokenPagination": {"nextPageToken": "EgsI3Nq_nQYQkKnfSg"},
    }
    write("google-play-api-reviews.json", pretty(doc))


# ---------------------------------------------------------------------------------------------
# App Store Connect API customerReviews (with include=response).

def appstore_connect():
    api = "https://api.appstoreconnect.apple.com/v1"
    reviews = [
        ("6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", 5, "Perfetta per ordinare",
         "Semplice e veloce.\nIl tracking del rider è comodissimo 🛵", "ciccio_88", "2026-11-02T08:00:00-08:00", "ITA", None),
        ("7b2a1d3f-4c5e-4f60-9bac-1d2e3f4a5b6c", 1, "Crash all'apertura",
         "Dopo l'ultimo aggiornamento l'app si chiude subito. iPhone 12, iOS 18.", "Marta R.",
         "2026-10-27T11:02:00-07:00", "ITA", ("00000055-aa11-bb22-cc33-000000000001",
                                              "Ciao Marta, la versione 3.4.2 risolve il problema. Ci scusi!",
                                              "2026-10-28T09:00:00-07:00")),
        ("8c3b2e40-5d6f-4071-8cbd-2e3f4a5b6c7d", 4, 'Good, but the "delivery fee" is steep',
         "Nice UI, fast checkout; fees add up though.", "tomw", "2026-10-26T23:59:59-07:00", "GBR", None),
        ("9d4c3f51-6e70-4182-9dce-3f4a5b6c7d8e", 3, "  Così così  ", "", "Lukas",
         "2026-10-25T01:30:00-07:00", "CHE", None),
    ]
    data, included = [], []
    for rid, rating, title, body, nick, created, territory, response in reviews:
        rel = {"links": {"self": api + "/customerReviews/" + rid + "/relationships/response",
                         "related": api + "/customerReviews/" + rid + "/response"}}
        if response:
            rel["data"] = {"type": "customerReviewResponses", "id": response[0]}
            included.append({
                "type": "customerReviewResponses", "id": response[0],
                "attributes": {"responseBody": response[1], "lastModifiedDate": response[2], "state": "PUBLISHED"},
                "relationships": {"review": {"data": {"type": "customerReviews", "id": rid}}},
                "links": {"self": api + "/customerReviewResponses/" + response[0]},
            })
        data.append({
            "type": "customerReviews", "id": rid,
            "attributes": {"rating": rating, "title": title, "body": body, "reviewerNickname": nick,
                           "createdDate": created, "territory": territory},
            "relationships": {"response": rel},
            "links": {"self": api + "/customerReviews/" + rid},
        })
    doc = {"data": data, "included": included,
           "links": {"self": api + "/apps/6450012345/customerReviews?include=response&sort=-createdDate",
                     "next": api + "/apps/6450012345/customerReviews?cursor=BA.AQ&include=response&sort=-createdDate"},
           "meta": {"paging": {"total": 137, "limit": 4}}}
    write("appstore-connect-customerReviews.json", pretty(doc))


# ---------------------------------------------------------------------------------------------
# App Store customer-reviews RSS, JSON flavour: every scalar wrapped in {"label": ...}.

APP_REVIEWS = "https://itunes.apple.com/it/review?id=6450012345&type=Purple%20Software"


def as_feed_links(page, last, with_next=True):
    base = "https://itunes.apple.com/it/rss/customerreviews/page=%d/id=6450012345/sortby=mostrecent/json"
    links = [{"attributes": {"rel": "alternate", "type": "text/html",
                             "href": "https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=it&id=1000"}},
             {"attributes": {"rel": "self", "href": base % page}},
             {"attributes": {"rel": "first", "href": (base % 1) + "?urlDesc=/customerreviews/id=6450012345/sortby=mostrecent/json"}},
             {"attributes": {"rel": "last", "href": (base % last) + "?urlDesc=/customerreviews/id=6450012345/sortby=mostrecent/json"}},
             {"attributes": {"rel": "previous", "href": (base % page) + "?urlDesc=/customerreviews/id=6450012345/sortby=mostrecent/json"}}]
    if with_next:
        links.append({"attributes": {"rel": "next", "href": (base % (page + 1)) + "?urlDesc=/customerreviews/id=6450012345/sortby=mostrecent/json"}})
    return links


def as_entry(rid, nick, uid, rating, version, title, content, vote_sum, vote_count, updated=None):
    e = {"author": {"uri": {"label": "https://itunes.apple.com/it/reviews/id" + uid}, "name": {"label": nick}, "label": ""}}
    if updated:
        e["updated"] = {"label": updated}
    e.update({"im:rating": {"label": rating}, "im:version": {"label": version}, "id": {"label": rid},
              "title": {"label": title}, "content": {"label": content, "attributes": {"type": "text"}},
              "link": {"attributes": {"rel": "related", "href": APP_REVIEWS}},
              "im:voteSum": {"label": vote_sum},
              "im:contentType": {"attributes": {"term": "Application", "label": "Applicazione"}},
              "im:voteCount": {"label": vote_count}})
    return e


def as_feed(entry, updated, page, last, with_next=True):
    feed = {"author": {"name": {"label": "iTunes Store"}, "uri": {"label": "http://www.apple.com/it/itunes/"}}}
    if entry is not None:
        feed["entry"] = entry
    feed.update({"updated": {"label": updated}, "rights": {"label": "Copyright 2008 Apple Inc."},
                 "title": {"label": "iTunes Store: Recensioni clienti"},
                 "icon": {"label": "http://itunes.apple.com/favicon.ico"},
                 "link": as_feed_links(page, last, with_next),
                 "id": {"label": "https://itunes.apple.com/it/rss/customerreviews/page=%d/id=6450012345/sortby=mostrecent/json" % page}})
    return compact({"feed": feed})


def appstore_json():
    current = [
        as_entry("12000000001", "Fede_92", "123456789", "5", "3.4.1", "Finalmente! 🎉",
                 "Ora il pagamento con Satispay funziona.\nBravi!", "2", "3", "2026-11-04T10:15:00-08:00"),
        as_entry("12000000002", 'Anna "la critica"', "223344556", "2", "3.4.1", "Lenta, lenta, lenta",
                 "Caricamento infinito del menù, 3 volte su 5.", "0", "1", "2026-11-03T22:40:10-08:00"),
        as_entry("12000000003", "tom.b", "998877665", "4", "3.4.0", "Great pasta, clunky app",
                 "Food's great; the checkout & address form need work <3", "5", "9", "2026-10-31T09:00:00-07:00"),
    ]
    write("appstore-json-current.json", as_feed(current, "2026-11-05T01:12:44-07:00", 1, 3))

    app = {"im:name": {"label": "Aurora Bistrot"},
           "im:image": [{"label": "https://is3.mzstatic.com/image/thumb/Purple5/v4/aa/bb/cc/53x53-50.png", "attributes": {"height": "53"}},
                        {"label": "https://is3.mzstatic.com/image/thumb/Purple5/v4/aa/bb/cc/75x75-65.png", "attributes": {"height": "75"}},
                        {"label": "https://is3.mzstatic.com/image/thumb/Purple5/v4/aa/bb/cc/100x100-75.png", "attributes": {"height": "100"}}],
           "summary": {"label": "Ordina dai ristoranti Aurora Bistrot."},
           "im:price": {"label": "Gratis", "attributes": {"amount": "0.00000", "currency": "EUR"}},
           "im:contentType": {"attributes": {"term": "Application", "label": "Applicazione"}},
           "rights": {"label": "© 2014 Aurora Bistrot S.r.l."},
           "title": {"label": "Aurora Bistrot - Aurora Bistrot S.r.l."},
           "link": {"attributes": {"rel": "alternate", "type": "text/html",
                                   "href": "https://itunes.apple.com/it/app/aurora-bistrot/id945000000?mt=8&uo=2"}},
           "id": {"label": "https://itunes.apple.com/it/app/aurora-bistrot/id945000000?mt=8&uo=2",
                  "attributes": {"im:id": "945000000", "im:bundleId": "it.aurorabistrot.app"}},
           "im:artist": {"label": "Aurora Bistrot S.r.l.",
                         "attributes": {"href": "https://itunes.apple.com/it/artist/aurora-bistrot-s.r.l./id945000001?mt=8&uo=2"}},
           "category": {"attributes": {"im:id": "6023", "term": "Food & Drink",
                                       "scheme": "https://itunes.apple.com/it/genre/ios-cibi-e-bevande/id6023?mt=8&uo=2",
                                       "label": "Cibi e bevande"}},
           "im:releaseDate": {"label": "2014-12-01T00:00:00-07:00", "attributes": {"label": "01 dicembre 2014"}}}
    old = [app,
           as_entry("1248275433", "MarioNapoli", "360563540", "3", "1.2", "Carina",
                    "Funziona, ma mancano i dolci nel menù.\nAggiungeteli!", "1", "1"),
           as_entry("1248001122", "giuly❤️", "360563541", "5", "1.2", "Top 👍",
                    "Comodissima per ordinare a casa.", "0", "0"),
           as_entry("1247998877", "Pino", "360563542", "1", "1.1", "Non va",
                    "Si blocca sempre al pagamento, \"errore 500\".", "4", "6")]
    write("appstore-json-2015.json", as_feed(old, "2015-08-25T01:45:00-07:00", 1, 8))

    single = as_entry("12000000099", "Sole e mare", "554433221", "4", "3.4.1", "Buona",
                      "Unica recensione di questo paese, ma sincera.", "0", "0", "2026-11-01T12:00:00-08:00")
    write("appstore-json-single.json", as_feed(single, "2026-11-05T01:12:44-08:00", 1, 1, with_next=False))


# ---------------------------------------------------------------------------------------------
# Google Business Profile: API v4 page and a Takeout reviews.json.

GBP_LOC = "accounts/108412093847561230987/locations/4410987654321098765"


def google_business():
    api = {
        "reviews": [
            {"name": GBP_LOC + "/reviews/AbFvOqnXr1mN2pQ3", "reviewId": "AbFvOqnXr1mN2pQ3",
             "reviewer": {"profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjXk1=s120-c-rp-mo-br100",
                          "displayName": "Marco Rossi", "isAnonymous": False},
             "starRating": "FIVE", "comment": "Pizza napoletana da 10 🍕, impasto leggerissimo.\nTorneremo sicuramente!",
             "createTime": "2026-10-20T18:45:12.345Z", "updateTime": "2026-10-21T08:00:00Z",
             "reviewReply": {"comment": "Grazie Marco, vi aspettiamo!", "updateTime": "2026-10-21T09:30:00.500000000Z"}},
            {"name": GBP_LOC + "/reviews/AbFvOqnXr2sT4uV5", "reviewId": "AbFvOqnXr2sT4uV5",
             "reviewer": {"profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjXk2=s120-c-rp-mo-br100",
                          "displayName": "Jonas K.", "isAnonymous": False},
             "starRating": "FOUR",
             "comment": "(Translated by Google) Very good pizza, friendly staff. A bit noisy.\n\n(Original)\n"
                        "Sehr gute Pizza, freundliches Personal. Etwas laut.",
             "createTime": "2026-10-18T12:00:00Z", "updateTime": "2026-10-18T12:00:00Z"},
            {"name": GBP_LOC + "/reviews/AbFvOqnXr3wX6yZ7", "reviewId": "AbFvOqnXr3wX6yZ7",
             "reviewer": {"profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjXk3=s120-c-rp-mo-br100",
                          "displayName": "Elisa", "isAnonymous": False},
             "starRating": "STAR_RATING_UNSPECIFIED", "comment": "Locale carino, non ho ancora provato la cucina.",
             "createTime": "2026-10-17T10:10:10.100Z", "updateTime": "2026-10-17T10:10:10.100Z"},
            {"name": GBP_LOC + "/reviews/AbFvOqnXr4aB8cD9", "reviewId": "AbFvOqnXr4aB8cD9",
             "reviewer": {"isAnonymous": True},
             "starRating": "ONE", "comment": "Servizio lento,\r\nconto sbagliato.",
             "createTime": "2026-10-16T21:05:33Z", "updateTime": "2026-10-16T22:00:00Z"},
            {"name": GBP_LOC + "/reviews/AbFvOqnXr5eF0gH1", "reviewId": "AbFvOqnXr5eF0gH1",
             "reviewer": {"profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjXk5=s120-c-rp-mo-br100",
                          "displayName": "Davide P.", "isAnonymous": False},
             "starRating": "THREE",
             "createTime": "2026-10-15T19:00:00.000000Z", "updateTime": "2026-10-15T19:00:00.000000Z"},
        ],
        "averageRating": 4.2,
        "totalReviewCount": 87,
        "nextPageToken": "ABHRLXVl2pTqR8sUv0wXy1zA2bC3dE4fG5hI6jK7lM8nO9pQ",
    }
    write("google-business-api-reviews.json", pretty(api))

    takeout_loc = "accounts/108412093847561230987/locations/7065129384756102938"
    takeout = {"reviews": [
        {"reviewer": {"displayName": "Luca S."}, "starRating": "FOUR",
         "comment": 'Carbonara cremosa, "guanciale" croccante. Prezzo giusto.',
         "createTime": "2026-10-01T13:34:05.017311Z", "updateTime": "2026-10-02T08:00:00.000001Z",
         "name": takeout_loc + "/reviews/ChZDSUhNMG9nS0VJQ0FnSUsr6YLQqDXI7ertEAE"},
        {"reviewer": {"displayName": "Benjamin L."}, "starRating": "FIVE",
         "createTime": "2026-09-26T21:08:47.909960Z", "updateTime": "2026-09-26T21:08:47.909960Z",
         "name": takeout_loc + "/reviews/ChZDSUhNMG9nS0VJQ0FnSUW2TPjCXZJ2PpHrEAE"},
        {"reviewer": {"displayName": "Chiara M."}, "starRating": "FIVE",
         "comment": "(Translated by Google) Excellent tiramisu.\n\nVery kind waiters.\n\n(Original)\n"
                    "Tiramisù eccellente.\n\nCamerieri gentilissimi.",
         "createTime": "2026-09-20T20:00:00.123456Z", "updateTime": "2026-09-20T20:00:00.123456Z",
         "reviewReply": {"comment": "Grazie Chiara! 😊", "updateTime": "2026-09-21T07:15:42.654321Z"},
         "name": takeout_loc + "/reviews/ChdDSUhNMG9nS0VJQ0FnSUNCOHFMNTVRRRAB"},
        {"reviewer": {"displayName": "Oliver W."}, "starRating": "TWO",
         "comment": "(Original)\nService was slow but the view is worth it.\n\n(Translated by Google)\n"
                    "Servizio lento ma la vista ne vale la pena.",
         "createTime": "2026-09-18T11:11:11.111111Z", "updateTime": "2026-09-18T11:11:11.111111Z",
         "name": takeout_loc + "/reviews/ChdDSUhNMG9nS0VJQ0FnSUNCOHFMNTVRRRAC"},
        {"reviewer": {"displayName": "Grace L."}, "starRating": "THREE",
         "comment": "Così così.\n\nIl conto è arrivato dopo 25 minuti. 😐  ",
         "createTime": "2026-09-10T18:30:00.000000Z", "updateTime": "2026-09-12T09:00:00.500000Z",
         "reviewReply": {"comment": "Grazie Grace, ci miglioreremo.", "updateTime": "2026-09-13T10:00:00.000000Z"},
         "name": takeout_loc + "/reviews/ChdDSUhNMG9nS0VJQ0FnSUNCOHFMNTVRRRAD"},
    ]}
    write("google-business-takeout-reviews.json", pretty(takeout))


# ---------------------------------------------------------------------------------------------
# Trustpilot: Business Units API page and the Business "export reviews" CSV.

TP_BU = "64b7c2e19d3f5a0012ab34cd"


def tp_review(rid, stars, title, text, lang, created, updated, experienced, consumer, reply, likes, verified, source):
    r = {}
    if rid is not None:
        r["id"] = rid
    r.update({
        "consumer": {"id": consumer[0], "displayName": consumer[1], "displayLocation": consumer[2],
                     "numberOfReviews": consumer[3]},
        "businessUnit": {"id": TP_BU, "identifyingName": "www.aurorabistrot.it", "displayName": "Aurora Bistrot"},
        "location": None, "stars": stars, "title": title, "text": text, "language": lang,
        "createdAt": created, "experiencedAt": experienced, "updatedAt": updated,
        "companyReply": None if reply is None else {
            "text": reply[0], "authorBusinessUserId": "5f0e1d2c3b4a596877665544",
            "authorBusinessUserName": "Aurora Bistrot", "createdAt": reply[1], "updatedAt": reply[2]},
        "isVerified": verified, "numberOfLikes": likes, "status": "active", "reportData": None,
        "complianceLabels": [], "countsTowardsTrustScore": True, "countsTowardsLocationTrustScore": None,
        "invitation": {"businessUnitId": TP_BU} if source == "InvitationApi" else None,
        "businessUnitHistory": [], "reviewVerificationLevel": "verified" if verified else "not-verified",
        "source": source,
        "links": [] if rid is None else [
            {"href": "https://api.trustpilot.com/v1/reviews/" + rid, "method": "GET", "rel": "reviews"},
            {"href": "https://api.trustpilot.com/v1/consumers/" + consumer[0], "method": "GET", "rel": "consumers"},
            {"href": "https://api.trustpilot.com/v1/business-units/" + TP_BU, "method": "GET", "rel": "business-units"}],
    })
    return r


def trustpilot():
    base = "https://api.trustpilot.com/v1/business-units/" + TP_BU + "/reviews"
    doc = {
        "links": [
            {"href": base + "?page=1&perPage=5&orderBy=createdat.desc", "method": "GET", "rel": "page"},
            {"href": base + "?page=2&perPage=5&orderBy=createdat.desc", "method": "GET", "rel": "next-page"},
        ],
        "reviews": [
            tp_review("6b0a1c2d3e4f5a6b7c8d9e0f", 5, "Servizio impeccabile",
                      "Abbiamo festeggiato un compleanno: torta, candeline e tanta pazienza 🎂.\nGrazie a tutto lo staff!",
                      "it", "2026-11-02T20:13:37.000Z", None, "2026-11-01T00:00:00.000Z",
                      ("5ed35c866bcdb99c842986fa", "Francesca T.", "Milano, IT", 3),
                      ("Grazie Francesca, a presto!", "2026-11-03T08:30:00.000Z", None), 2, True, "InvitationApi"),
            tp_review("6b0a1c2d3e4f5a6b7c8d9e10", 1, "Never again",
                      'Booked for 8pm, seated at 9:15. The "special" was sold out.', "en",
                      "2026-10-30T21:45:10.000Z", "2026-11-01T09:15:22.000Z", "2026-10-30T00:00:00.000Z",
                      ("955118e7bcd28e8bec4dfa16", "Lucy P.", "London, GB", 12),
                      ("We are sorry, Lucy. Please write to us.", "2026-10-31T10:00:00.000Z", "2026-11-01T11:00:00.000Z"),
                      0, False, "Organic"),
            tp_review("6b0a1c2d3e4f5a6b7c8d9e11", 3, "Gut, aber teuer",
                      "Essen gut, Preise hoch. Der Wein war ausgezeichnet.", "de",
                      "2026-10-28T12:00:00.000Z", None, "2026-10-27T00:00:00.000Z",
                      ("7d450846ce7d3ba83df99c24", "Jürgen", None, 1), None, 1, False, "Organic"),
            # Cannot be read: no id.
            tp_review(None, 4, "Buono", "Tutto buono.", "it", "2026-10-27T10:00:00.000Z", None,
                      "2026-10-26T00:00:00.000Z", ("1a2b3c4d5e6f7a8b9c0d1e2f", "Anonimo", None, 1), None, 0, False,
                      "Organic"),
            tp_review("6b0a1c2d3e4f5a6b7c8d9e12", 2, "Attesa troppo lunga…",
                      "Prenotazione alle 19:30, seduti alle 20:10. \"Cinque minuti\", ci dicevano.  ", "it",
                      "2026-10-25T19:59:59.999Z", "2026-10-25T19:59:59.999Z", "2026-10-25T00:00:00.000Z",
                      ("2b3c4d5e6f7a8b9c0d1e2f3a", "Tommaso P.", "Roma, IT", 7), None, 4, True, "BasicLink"),
        ],
    }
    write("trustpilot-api-reviews.json", compact(doc))

    # The review objects of Trustpilot's own business page (its __NEXT_DATA__ script, as saved from
    # the page or by scrapers): `rating`, `dates{publishedDate, updatedDate, experiencedDate}`,
    # `likes`, `consumer{displayName, numberOfReviews}`, `reply{message, publishedDate, updatedDate}`.
    def web_review(id, rating, title, text, lang, published, updated, consumer, reviews, reply, likes):
        return {"id": id, "filtered": False, "pending": False, "text": text, "rating": rating,
                "labels": {"merged": None, "verification": {"isVerified": False, "createdDateTime": published,
                                                             "reviewSourceName": "Organic", "verificationSource": "invitation"}},
                "title": title, "likes": likes,
                "dates": {"experiencedDate": published[:10] + "T00:00:00.000Z", "publishedDate": published, "updatedDate": updated,
                          "submittedDate": None},
                "report": None, "hasUnhandledReports": False,
                "consumer": {"id": "6" + id[1:], "displayName": consumer, "imageUrl": "", "numberOfReviews": reviews,
                             "countryCode": "IT", "hasImage": False, "isVerified": False},
                "reply": None if reply is None else {"message": reply[0], "publishedDate": reply[1], "updatedDate": None},
                "consumersReviewCountOnSameDomain": 1, "consumersReviewCountOnSameLocation": None, "productReviews": [],
                "language": lang, "location": None}
    page = {"props": {"pageProps": {
        "businessUnit": {"id": TP_BU, "displayName": "Aurora Bistrot", "numberOfReviews": 351, "trustScore": 3.6, "stars": 3.5},
        "reviews": [
            web_review("69a1b2c3d4e5f6a7b8c9d0e1", 2, "Tiepido", "Piatti arrivati tiepidi e servizio lento.\nPeccato.", "it",
                       "2026-11-20T19:42:05.000Z", None, "Chiara B.", 4, ("Ci dispiace, Chiara: ne parliamo in cucina.", "2026-11-21T09:10:00.000Z"), 1),
            web_review("69a1b2c3d4e5f6a7b8c9d0e2", 5, "Splendido", "Tutto perfetto, dal pane al dolce. 👏", "it",
                       "2026-11-18T21:03:44.000Z", "2026-11-19T08:00:00.000Z", "Marco", 1, None, 0),
            web_review("69a1b2c3d4e5f6a7b8c9d0e3", 1, "Rude staff", "The waiter laughed at our order.", "en",
                       "2026-11-15T12:30:00.000Z", None, "Tom W.", 23, None, 5),
        ]}}, "page": "/review/[businessUnit]", "query": {"businessUnit": "aurorabistrot.it"}}
    write("trustpilot-api-web-page.json", compact(page))

    header = ["Review ID", "Review Created (UTC)", "Review Consumer User ID", "Review Username", "Review Title",
              "Review Content", "Review Stars", "Source Of Review", "Review Language", "Domain URL", "Webshop Name",
              "Business Unit ID", "Tags", "Company Reply Date (UTC)", "Reply Content", "Location Name",
              "Location ID", "Email Address", "Reference Id"]
    rows = [
        ["6b034f8d89874245eb5473bc", "2026-11-22 20:24:45", "5ed35c866bcdb99c842986fa", "Vincenzo G.",
         "Prezzi alti, qualità bassa",
         'Ordine sbagliato: avevamo chiesto tagliata, è arrivato ossobuco. Il cameriere ci ha detto "cinque minuti", ne sono passati 37. 😔',
         "1", "Organic", "it", "www.aurorabistrot.it", "Aurora Bistrot", TP_BU, "", "", "",
         "Aurora Bistrot Milano - Brera", "MI-001", "", ""],
        ["6b033fb7b97241edf41931d0", "2026-11-22 19:17:11", "955118e7bcd28e8bec4dfa16", "Lucy P.",
         "Great food, great staff", "Our taxi driver recommended it and he was right. Great value for money.",
         "5", "InvitationApi", "en", "www.aurorabistrot.it", "Aurora Bistrot", TP_BU, "service,food",
         "2026-11-23 08:00:00", "Thank you, Lucy! See you next time.", "Aurora Bistrot Roma - Trastevere", "RM-002",
         "lucy.p@example.com", "ORD-20261122-0042"],
        ["6b02e51d4fb141d07b15d239", "2026-11-22 12:50:37", "7d450846ce7d3ba83df99c24", "Tommaso P.", "Peccato",
         "Eravamo in 8, prenotazione alle 19:30.\nAbbiamo aspettato 59 minuti in piedi all'ingresso.\n\nPiatti tiepidi.",
         "2", "BasicLink", "it", "www.aurorabistrot.it", "Aurora Bistrot", TP_BU, "", "2026-11-22 18:05:00",
         "Ci dispiace molto, Tommaso.\nLe scriviamo in privato.", "Aurora Bistrot Napoli - Chiaia", "NA-003", "", ""],
        ["6b01aa0e1c2d3e4f5a6b7c8d", "2026-10-31 23:59:59", "8a9b0c1d2e3f4a5b6c7d8e9f", "Mette H.", "Hyggeligt",
         "Dejlig mad og god service 👍", "4", "Organic", "da", "www.aurorabistrot.it", "Aurora Bistrot", TP_BU, "",
         "", "", "Aurora Bistrot Milano - Brera", "MI-001", "", ""],
    ]
    write("trustpilot-csv-export.csv", b"\xef\xbb\xbf" + csv_text([header] + rows).encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Yelp: Fusion API page and the Open Dataset's JSON Lines.

def yelp():
    biz = "https://www.yelp.com/biz/aurora-bistrot-milano-2"

    def review(rid, text, rating, created, uid, name):
        return {"id": rid,
                "url": biz + "?adjust_creative=kQ3Xr9yZ&hrid=" + rid
                       + "&utm_campaign=yelp_api_v3&utm_medium=api_v3_business_reviews&utm_source=kQ3Xr9yZ",
                "text": text, "rating": rating, "time_created": created,
                "user": {"id": uid, "profile_url": "https://www.yelp.com/user_details?userid=" + uid,
                         "image_url": None if name == "Ben W." else "https://s3-media3.fl.yelpcdn.com/photo/" + uid + "/o.jpg",
                         "name": name}}

    doc = {"reviews": [
        review("xAG4O7l-t1ubbwVAlPnDKg",
               "Ottima cena in Brera: risotto alla milanese perfetto e servizio attento. Unica pecca il rumore in sala, ma...",
               4, "2026-07-12 20:41:13", "W8UK02IDdRS2GL_66fuq6w", "Giorgia B."),
        review("1JNmYjJgpC4ZeVgg3JJXZQ",
               'Waited 45 min for a "quick" lunch. Food was fine, but honestly the staff seemed to have forgotten us...',
               1, "2026-11-03 13:05:00", "Pn3oG-KFkQqhEQr-Xn9wAQ", "Ben W."),
        review("sjZoO8wcK1NeGJFDk5i8Uw", "Il miglior tiramisù di Milano 😍 Torneremo!", 5, "2026-01-15 19:00:00",
               "bv0wuh-1wyzRHxmGmVZYPQ", "Sara L."),
    ], "total": 112, "possible_languages": ["it", "en"]}
    write("yelp-api-reviews.json", compact(doc))

    lines = [
        {"review_id": "Qb2vK8mZt3Lx9Pa1Nc4DwE", "user_id": "rT5yU7iO9pA1sD3fG5hJkL", "business_id": "AuRoRaBiStRoTmIlAnO001",
         "stars": 3.0, "useful": 0, "funny": 0, "cool": 0,
         "text": "Decent pasta, slow service. The \"house wine\" was surprisingly good.", "date": "2018-07-07 22:09:11"},
        {"review_id": "Zx9cV8bN7mQ6wE5rT4yU3i", "user_id": "oP1aS2dF3gH4jK5lZ6xC7v", "business_id": "AuRoRaBiStRoTmIlAnO001",
         "stars": 5.0, "useful": 4, "funny": 1, "cool": 2,
         "text": "Cena perfetta 🍝\n\nRisotto, ossobuco e tiramisù: tutto da 10.\nPersonale gentilissimo.",
         "date": "2021-08-15 20:30:00"},
        {"votes": {"funny": 0, "useful": 5, "cool": 2}, "user_id": "Xqd0DzHaiyRqVH3WRG7hzg",
         "review_id": "15SdjuK7DmYqUAj6rjGowg", "stars": 4, "date": "2012-05-14",
         "text": "Great little place, the kind of spot you'd never find on your own.", "type": "review",
         "business_id": "AuRoRaBiStRoTmIlAnO001"},
        {"review_id": "Mn8bV7cX6zL5kJ4hG3fD2s", "user_id": "aQ1wS2eD3rF4tG5yH6uJ7i", "business_id": "AuRoRaBiStRoTmIlAnO001",
         "stars": 1.0, "useful": 1, "funny": 0, "cool": 0,
         "text": "  Never again. Cold food, rude staff.  ", "date": "2021-03-27 23:15:00"},
    ]
    write("yelp-dataset-reviews.json", "".join(compact(l) + "\n" for l in lines))


# ---------------------------------------------------------------------------------------------
# Tripadvisor Content API location reviews.

def tripadvisor():
    def user(name, loc, loc_id, count, badge):
        return {"username": name, "user_location": {"name": loc, "id": loc_id}, "review_count": count,
                "reviewer_badge": badge,
                "avatar": {k: "https://media-cdn.tripadvisor.com/media/photo-l/1a/f6/e3/" + k + "/default-avatar.jpg"
                           for k in ("thumbnail", "small", "medium", "large", "original")}}

    def sub(values):
        names = [("RATE_VALUE", "Value"), ("RATE_SERVICE", "Service"), ("RATE_FOOD", "Food")]
        return {str(i): {"name": n, "localized_name": ln,
                         "rating_image_url": "https://www.tripadvisor.com/img/cdsi/img2/ratings/traveler/ss%d.0-66827-5.svg" % v,
                         "value": v} for i, ((n, ln), v) in enumerate(zip(names, values))}

    def review(rid, lang, published, rating, helpful, trip, travel, text, title, owner, mt, u, subs):
        return {"id": rid, "lang": lang, "location_id": 1234567, "published_date": published, "rating": rating,
                "helpful_votes": helpful,
                "rating_image_url": "https://www.tripadvisor.com/img/cdsi/img2/ratings/traveler/s%d.0-66827-5.svg" % rating,
                "url": "https://www.tripadvisor.com/ShowUserReviews-g187849-d1234567-r%d-Aurora_Bistrot-Milan_Lombardy.html#review%d" % (rid, rid),
                "trip_type": trip, "travel_date": travel, "text": text, "title": title, "owner_response": owner,
                "is_machine_translated": mt, "user": u, "subratings": subs}

    doc = {"data": [
        review(987654321, "it", "2026-10-12T14:21:37Z", 5, 3, "Couples", "2026-10",
               "Cena romantica perfetta: risotto alla milanese e cotoletta da manuale.\nPersonale attento e simpatico.",
               "Una serata da ricordare",
               {"id": 555001, "lang": "it", "text": "Grazie mille, vi aspettiamo presto! 🙏", "title": "Risposta del titolare",
                "author": "Aurora_Bistrot_Team", "published_date": "2026-10-13T08:00:00Z"},
               False, user("viaggiatrice_78", "Bologna, Italia", "187801", 42, "Senior Contributor"), sub([5, 5, 5])),
        review(987600002, "en", "2026-10-05T09:03:11Z", 2, 0, "Business", "2026-09",
               "Overpriced for what you get. The \"famous\" cotoletta was dry.", "Disappointing", None, False,
               user("JohnTravels", "Leeds, United Kingdom", "186411", 7, "Contributor"), sub([1, 3, 2])),
        review(987600003, "zh-TW", "2026-09-30T22:10:05Z", 4, 1, "Family", "2026-09",
               "服務很好，披薩很好吃！", "很棒", None, False,
               user("小明在旅行", "台北, 台灣", "293913", 3, None), sub([4, 4, 5])),
        review(987600004, "it", "2026-09-21T11:30:00Z", 3, 0, "Friends", "2026-09",
               "Buono ma niente di speciale. Dolci & caffè ottimi.  ", "Nella media, \"onesto\"",
               {"id": 555004, "lang": "it", "text": "Grazie del commento, Andrea.", "title": "",
                "author": "Aurora_Bistrot_Team", "published_date": "2026-09-22T16:45:10Z"},
               False, user("Andrea_M", "Milano, Italia", "187849", 15, "Reviewer"), sub([3, 3, 4])),
    ]}
    write("tripadvisor-api-reviews.json", compact(doc))


# ---------------------------------------------------------------------------------------------
# Booking.com as scraped in Kaggle's "515K Hotel Reviews Data in Europe".

def booking():
    header = ["Hotel_Address", "Additional_Number_of_Scoring", "Review_Date", "Average_Score", "Hotel_Name",
              "Reviewer_Nationality", "Negative_Review", "Review_Total_Negative_Word_Counts",
              "Total_Number_of_Reviews", "Positive_Review", "Review_Total_Positive_Word_Counts",
              "Total_Number_of_Reviews_Reviewer_Has_Given", "Reviewer_Score", "Tags", "days_since_review", "lat", "lng"]
    addr = "Ripa di Porta Ticinese 11 Navigli 20143 Milan Italy"
    rows = [
        [addr, "212", "8/3/2017", "8.4", "Hotel Aurora Navigli", " United Kingdom ",
         " Breakfast was a bit expensive ", "6", "2288", " Great location near the canals staff very helpful ", "9", "3",
         "8.8", "[' Leisure trip ', ' Couple ', ' Superior Double Room ', ' Stayed 2 nights ', ' Submitted from a mobile device ']",
         "0 days", "45.4519", "9.1734"],
        [addr, "212", "12/24/2016", "8.4", "Hotel Aurora Navigli", " Italy ", "No Negative", "0", "2288",
         " Everything was perfect the Christmas dinner was amazing ", "9", "12", "10.0",
         "[' Leisure trip ', ' Family with young children ', ' Family Room ', ' Stayed 3 nights ']",
         "222 days", "45.4519", "9.1734"],
        [addr, "212", "1/5/2017", "8.4", "Hotel Aurora Navigli", " Germany ",
         " Room was tiny and the air conditioning was noisy all night ", "11", "2288", "No Positive", "0", "1", "3.8",
         "[' Business trip ', ' Solo traveler ', ' Single Room ', ' Stayed 1 night ']", "210 days", "45.4519", "9.1734"],
        [addr, "212", "10/30/2016", "8.4", "Hotel Aurora Navigli", " United States of America ", "No Negative", "0",
         "2288", "No Positive", "0", "27", "7.5",
         "[' Leisure trip ', ' Group ', ' Triple Room ', ' Stayed 4 nights ']", "277 days", "45.4519", "9.1734"],
    ]
    write("booking-csv-hotel-reviews.csv", csv_text([header] + rows))


# ---------------------------------------------------------------------------------------------
# Amazon: Reviews 2023 JSONL, SNAP Fine Food CSV, scraped amazon.it CSV.

def amazon():
    lines = [
        {"rating": 5.0, "title": "Best pesto I've bought", "text": "Fresh basil taste, not oily. Great on trofie! 😋",
         "images": [], "asin": "B0AURORA01", "parent_asin": "B0AURORA01", "user_id": "AGKHLEW2SOWHNMFQIJGBECAF7INQ",
         "timestamp": 1699958400123, "helpful_vote": 2, "verified_purchase": True},
        {"rating": 1.0, "title": "Arrived broken", "text": "The jar was cracked and sauce leaked everywhere.\nRefund took two weeks.",
         "images": [{"small_image_url": "https://m.media-amazon.com/images/I/71aurora1._SL256_.jpg",
                     "medium_image_url": "https://m.media-amazon.com/images/I/71aurora1._SL800_.jpg",
                     "large_image_url": "https://m.media-amazon.com/images/I/71aurora1._SL1600_.jpg",
                     "attachment_type": "IMAGE"}],
         "asin": "B0AURORA02", "parent_asin": "B0AURORA01", "user_id": "AHZ4T3X5B7N9M1Q2W4E6R8T0Y2UI",
         "timestamp": 1701388800000, "helpful_vote": 11, "verified_purchase": True},
        {"rating": 4.0, "title": "Buono", "text": "Sugo saporito, però un po' caro: 6,50 € al vasetto.",
         "images": [], "asin": "B0AURORA03", "parent_asin": "B0AURORA03", "user_id": "AGKHLEW2SOWHNMFQIJGBECAF7INQ",
         "timestamp": 1712345678901, "helpful_vote": 0, "verified_purchase": False},
        {"rating": 3.0, "title": "  OK  ", "text": "", "images": [], "asin": "B0AURORA01",
         "parent_asin": "B0AURORA01", "user_id": "AE7Y5T3R1E9W7Q5A3S1D9F7G5H3J",
         "timestamp": 1577836800000, "helpful_vote": 0, "verified_purchase": True},
    ]
    # The 2023 files escape non-ASCII (json.dumps defaults), so emoji come as surrogate pairs.
    write("amazon-jsonl-reviews.jsonl", "".join(json.dumps(l) + "\n" for l in lines))

    # The 2014 and 2018 datasets (McAuley's): reviewerID, asin, reviewerName, overall, summary,
    # reviewText, unixReviewTime (seconds) and reviewTime ("MM D, YYYY"); helpful votes as
    # `helpful: [yes, all]` in 2014, as a `vote` string with a thousands comma in 2018.
    lines = [
        {"overall": 5.0, "verified": True, "reviewTime": "11 14, 2017", "reviewerID": "A2AURORAREV01", "asin": "B0AURORA01",
         "style": {"Size:": " 190 g"}, "reviewerName": "Giulia", "reviewText": "Pesto ottimo, profumato. 🌿",
         "summary": "Ottimo", "unixReviewTime": 1510617600, "vote": "3"},
        {"overall": 1.0, "vote": "1,204", "verified": False, "reviewTime": "02 3, 2018", "reviewerID": "A1AURORAREV02",
         "asin": "B0AURORA02", "reviewerName": "J. Smith", "reviewText": "Jar arrived cracked.\nNo refund yet.",
         "summary": "Broken", "unixReviewTime": 1517616000, "image": ["https://images-na.ssl-images-amazon.com/images/I/71aurora.jpg"]},
        {"reviewerID": "A3AURORAREV03", "asin": "B0AURORA03", "reviewerName": 'Marco "Chef" R.', "helpful": [2, 3],
         "reviewText": "Sugo saporito, un po' caro.", "overall": 4.0, "summary": "Buono", "unixReviewTime": 1388534400,
         "reviewTime": "01 1, 2014"},
        {"overall": 3.0, "verified": True, "reviewTime": "06 30, 2018", "reviewerID": "A4AURORAREV04", "asin": "B0AURORA01",
         "summary": "Three Stars", "unixReviewTime": 1530316800},
    ]
    write("amazon-jsonl-2018.jsonl", "".join(json.dumps(l) + "\n" for l in lines))

    header = ["Id", "ProductId", "UserId", "ProfileName", "HelpfulnessNumerator", "HelpfulnessDenominator",
              "Score", "Time", "Summary", "Text"]
    rows = [
        ["1", "B0AURORA11", "A1Q2W3E4R5T6Y7", 'Natalia Corres "Natalia Corres"', "3", "4", "5", "1303862400",
         "Great taralli", "Crunchy, not too salty, great with a glass of wine."],
        ["2", "B0AURORA11", "A2S3D4F5G6H7J8", "Mario", "0", "0", "1", "1346976000", "Not as advertised",
         'Arrived stale; the "best before" date had passed.'],
        ["3", "B0AURORA12", "A3Z4X5C6V7B8N9", "J. Smith, foodie", "2", "2", "4", "1351209600", "Good, pricey",
         "Good olive oil.\nPricey, though."],
        ["4", "B0AURORA12", "A4M5N6B7V8C9X0", "Lucia", "1", "3", "3", "1262304000", "Così così", "Niente di speciale."],
    ]
    write("amazon-csv-finefoods.csv", csv_text([header] + rows))

    header = ["review_id", "review_title", "review_stars", "review_date", "review_text", "author"]
    rows = [
        ["R2ABCDEF123456", "4,0 su 5 stelle Ottimo", "4,0 su 5 stelle", "Recensito in Italia il 14 dicembre 2023",
         "Sugo buono; un po' salato.", "Giovanni"],
        ["R3GHIJKL789012", "5,0 su 5 stelle Perfetto 😍", "5,0 su 5 stelle", "Recensito in Italia il 1 marzo 2024",
         "Arrivato in 24 ore.\nConfezione integra.", 'Maria "Mery" R.'],
        ["R1MNOPQR345678", "1,0 su 5 stelle Never arrived", "1,0 su 5 stelle",
         "Recensito negli Stati Uniti il 3 agosto 2024", "The package never arrived, no refund yet.", "John D."],
        ["R4STUVWX901234", "3,0 su 5 stelle Nella media", "3,0 su 5 stelle", "Recensito in Italia il 28 ottobre 2024",
         "Né buono né cattivo.", "Luca"],
    ]
    write("amazon-csv-amazon-it.csv", csv_text([header] + rows, delimiter=";"))


# ---------------------------------------------------------------------------------------------
# Generic JSON with a field mapping.

def generic_json():
    doc = [
        {"ref": "A-100", "score": 5, "body": "Tutto perfetto, grazie! 😊", "when": "2026-10-01T12:00:00+02:00",
         "who": "Sofia", "channel": "email"},
        {"ref": 1042, "score": 2.5, "body": "  Attesa lunga,\r\nma cibo buono.  ", "when": "2026-10-02 19:30:00",
         "who": 'Andrea "Andy" L.', "channel": "kiosk"},
        {"ref": "A-102", "score": 4, "body": 'Good food, "friendly" staff, fair prices.',
         "when": "2026-11-05T08:15:30.789Z", "who": "Kate", "channel": "web"},
        {"ref": "A-103", "score": 1, "body": "", "when": 1793354400, "who": "", "channel": "kiosk"},
    ]
    write("json-generic.json", pretty(doc))
    # The same objects one per line (JSON Lines, as exports and scrapers write them), a blank line included.
    lines = [
        {"ref": "L-1", "score": 4, "body": "Buono, tornerò.", "when": "2026-10-03T12:00:00+02:00", "who": "Anna"},
        {"ref": "L-2", "score": 2, "body": "Freddo e lento.", "when": 1793440800, "who": "Paolo"},
        {"ref": "L-3", "score": 5, "body": "Perfect 👌", "when": "2026-11-06 20:00:00", "who": ""},
    ]
    write("json-generic-lines.jsonl", json.dumps(lines[0], ensure_ascii=False) + "\n" + json.dumps(lines[1], ensure_ascii=False)
          + "\n\n" + json.dumps(lines[2], ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------------
# Feeds: RSS 2.0, RSS 0.91, RSS 1.0 (RDF), Atom 1.0, and charset / hostile-content cases.

RSS_2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Recensioni – Aurora Bistrot</title>
  <link>https://recensioni.example.it/aurora-bistrot</link>
  <description>Le ultime recensioni dei clienti</description>
  <language>it-IT</language>
  <lastBuildDate>Tue, 03 Nov 2026 21:00:00 +0100</lastBuildDate>
  <atom:link href="https://recensioni.example.it/aurora-bistrot/feed/" rel="self" type="application/rss+xml"/>
  <item>
    <title>Cena ottima &amp; servizio veloce</title>
    <link>https://recensioni.example.it/aurora-bistrot/r/1001</link>
    <guid isPermaLink="false">aurora-rev-1001</guid>
    <dc:creator><![CDATA[Chiara V.]]></dc:creator>
    <pubDate>Tue, 03 Nov 2026 20:15:00 +0100</pubDate>
    <description><![CDATA[Risotto perfetto, tiramisù da applausi&hellip; [continua]]]></description>
    <content:encoded><![CDATA[<h3>Voto: 5/5</h3>
<p>Risotto alla milanese <strong>perfetto</strong>, tiramisù da applausi&nbsp;&#127856;.</p>
<p>Servizio veloce&nbsp;&amp; cordiale.<br/>Prezzo: 35&euro; a testa.</p>
<ul><li>Pro: cucina</li><li>Contro:   un po'   di rumore</li></ul>
<p>Torneremo!</p>
]]></content:encoded>
  </item>
  <item>
    <title>Tutto buono</title>
    <link>https://recensioni.example.it/aurora-bistrot/r/1002</link>
    <author>laura.b@example.com (Laura B.)</author>
    <pubDate>03 Nov 2026 18:00 GMT</pubDate>
    <description>&lt;p&gt;Pizza buona, &lt;em&gt;impasto&lt;/em&gt; leggero.&lt;/p&gt;&lt;p&gt;Dolci così così.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Anonymous review</title>
    <description>Great food, slow service. 4 &amp;lt; 5 stars.</description>
    <pubDate>Mon, 2 Nov 26 09:05:00 EST</pubDate>
  </item>
  <item>
    <title>  Carbonara  </title>
    <link>https://recensioni.example.it/aurora-bistrot/r/1004</link>
    <guid>https://recensioni.example.it/aurora-bistrot/r/1004</guid>
    <dc:creator>Marco</dc:creator>
    <pubDate>Sun, 01 Nov 2026 23:30:00 CET</pubDate>
    <description>Carbonara &lt;strong&gt;cremosa&lt;/strong&gt;, ma 20&amp;euro; sono tanti.</description>
  </item>
  <item>
    <title>Staff gentilissimo</title>
    <link>https://recensioni.example.it/aurora-bistrot/r/1005</link>
    <guid isPermaLink="false">aurora-rev-1005</guid>
    <dc:creator>Irene</dc:creator>
    <pubDate>Monday, 02-Nov-26 10:15:00 GMT</pubDate>
    <description>Staff gentilissimo 🙌</description>
  </item>
  <item>
    <title>Data strana</title>
    <link>https://recensioni.example.it/aurora-bistrot/r/1006</link>
    <guid isPermaLink="false">aurora-rev-1006</guid>
    <dc:creator>Gianni</dc:creator>
    <pubDate>ieri sera</pubDate>
    <description>Buona pizza, data illeggibile.</description>
  </item>
  <item>
    <title>Lovely place</title>
    <link>https://recensioni.example.it/aurora-bistrot/r/1007</link>
    <guid isPermaLink="false">aurora-rev-1007</guid>
    <dc:creator>Emma</dc:creator>
    <pubDate>Sat, 31 Oct 2026 07:45 PDT</pubDate>
    <description>Lovely place.   Would	come back.</description>
  </item>
</channel>
</rss>
"""

RSS_091 = """<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
<channel>
<title>Aurora Bistrot - recensioni</title>
<link>http://www.aurorabistrot.example/</link>
<description>Recensioni degli ospiti</description>
<language>it</language>
<item>
<title>Ottima accoglienza</title>
<link>http://www.aurorabistrot.example/recensioni/?id=31</link>
<description>Personale gentile &amp;amp; preparato.</description>
</item>
<item>
<title>Caff&eacute; ottimo</title>
<link>http://www.aurorabistrot.example/recensioni/?id=32&amp;lang=it</link>
<description>Il caff&egrave; &egrave; &lt;b&gt;ottimo&lt;/b&gt;, cornetti freschi.</description>
</item>
<item>
<title>Too expensive</title>
<link>http://www.aurorabistrot.example/recensioni/?id=33</link>
<description>Good but too expensive for lunch.</description>
</item>
</channel>
</rss>
"""

RSS_RDF = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://guida.example.it/aurora/rss">
    <title>Guida: Aurora Bistrot</title>
    <link>https://guida.example.it/aurora</link>
    <description>Recensioni dalla guida</description>
    <dc:language>it</dc:language>
    <items>
      <rdf:Seq>
        <rdf:li rdf:resource="https://guida.example.it/aurora/recensione/501"/>
        <rdf:li rdf:resource="https://guida.example.it/aurora/recensione/502"/>
        <rdf:li rdf:resource="https://guida.example.it/aurora/recensione/503"/>
      </rdf:Seq>
    </items>
  </channel>
  <item rdf:about="https://guida.example.it/aurora/recensione/501">
    <title>Pranzo di lavoro</title>
    <link>https://guida.example.it/aurora/recensione/501</link>
    <description>Men&amp;ugrave; del giorno a 15&amp;euro;, veloce.</description>
    <dc:creator>Paola</dc:creator>
    <dc:date>2026-10-28T19:20:00+01:00</dc:date>
  </item>
  <item rdf:about="https://guida.example.it/aurora/recensione/502">
    <title>Brunch domenicale</title>
    <link>https://guida.example.it/aurora/recensione/502</link>
    <description>Brunch ricco.</description>
    <content:encoded><![CDATA[<div>Brunch <i>ricco</i>: uova, pancake e spremuta.</div><div>Prenotare!</div>]]></content:encoded>
    <dc:creator>Stefano</dc:creator>
    <dc:date>2026-10-27T09:00:00Z</dc:date>
  </item>
  <item rdf:about="https://guida.example.it/aurora/recensione/503">
    <title>Cena tra amici</title>
    <link>https://guida.example.it/aurora/recensione/503</link>
    <description>Porzioni abbondanti, &lt;br&gt;conto onesto.</description>
    <dc:creator>Federica</dc:creator>
    <dc:date>2026-10-26T21:00:00</dc:date>
  </item>
</rdf:RDF>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom" xml:lang="it">
  <a:title>Recensioni Aurora Bistrot</a:title>
  <a:id>tag:recensioni.example.it,2026:aurora</a:id>
  <a:updated>2026-11-05T10:00:00Z</a:updated>
  <a:author><a:name>Recensioni Example</a:name></a:author>
  <a:link rel="self" href="https://recensioni.example.it/aurora.atom"/>
  <a:link rel="alternate" type="text/html" href="https://recensioni.example.it/aurora"/>
  <a:link rel="next" href="https://recensioni.example.it/aurora.atom?page=2"/>
  <a:entry>
    <a:id>tag:recensioni.example.it,2026:review/2001</a:id>
    <a:title type="text">Serata perfetta</a:title>
    <a:link rel="replies" href="https://recensioni.example.it/aurora/r/2001#comments"/>
    <a:link rel="alternate" type="text/html" href="https://recensioni.example.it/aurora/r/2001"/>
    <a:published>2026-11-04T21:30:15.250+01:00</a:published>
    <a:updated>2026-11-05T08:00:00Z</a:updated>
    <a:author><a:name>Elena</a:name><a:uri>https://recensioni.example.it/u/elena</a:uri></a:author>
    <a:summary type="text">Riassunto da non usare</a:summary>
    <a:content type="html">&lt;p&gt;Antipasti &lt;b&gt;ottimi&lt;/b&gt;, primi &amp;amp; secondi all&amp;#39;altezza.&lt;/p&gt;&lt;p&gt;Vino consigliato dal sommelier: perfetto.&lt;/p&gt;</a:content>
  </a:entry>
  <a:entry>
    <a:id>tag:recensioni.example.it,2026:review/2002</a:id>
    <a:title type="html">Tiramis&amp;ugrave; &amp;lt;3 &lt;em&gt;super&lt;/em&gt;</a:title>
    <a:link href="https://recensioni.example.it/aurora/r/2002"/>
    <a:published>2026-11-03T12:00:00Z</a:published>
    <a:updated>2026-11-03T12:00:00Z</a:updated>
    <a:author><a:name>Bruno</a:name></a:author>
    <a:content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Il tiramisù è <strong>il migliore</strong> di Milano.</p><p>Servizio&#160;ok<br/>ma attesa lunga.</p></div></a:content>
  </a:entry>
  <a:entry>
    <a:id>tag:recensioni.example.it,2026:review/2003</a:id>
    <a:title>Prezzi onesti</a:title>
    <a:link rel="alternate" href="https://recensioni.example.it/aurora/r/2003"/>
    <a:updated>2026-11-02T18:45:00+01:00</a:updated>
    <a:author><a:name>Piero</a:name></a:author>
    <a:content type="text">Prezzi onesti. &lt;b&gt; non è HTML qui &amp; resta così.</a:content>
  </a:entry>
  <a:entry>
    <a:id>tag:recensioni.example.it,2026:review/2004</a:id>
    <a:title/>
    <a:link rel="alternate" href="https://recensioni.example.it/aurora/r/2004"/>
    <a:published>2026-11-01T09:00:00-05:00</a:published>
    <a:updated>2026-11-01T10:00:00-05:00</a:updated>
    <a:author><a:name>Kim</a:name></a:author>
    <a:summary type="html">&lt;p&gt;Solo riassunto: &lt;i&gt;buono&lt;/i&gt;.&lt;/p&gt;</a:summary>
  </a:entry>
</a:feed>
"""

FEED_LATIN1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Recensioni (ISO-8859-1)</title>
  <id>urn:uuid:5a0e7f6c-1d2b-4c3a-9e8f-000000003000</id>
  <updated>2026-09-17T19:30:00+02:00</updated>
  <author><name>Guida</name></author>
  <entry>
    <id>urn:uuid:5a0e7f6c-1d2b-4c3a-9e8f-000000003001</id>
    <title>Qualità/prezzo ottima</title>
    <link href="https://guida.example.it/r/3001"/>
    <published>2026-09-15T20:00:00+02:00</published>
    <updated>2026-09-15T20:00:00+02:00</updated>
    <author><name>Sébastien</name></author>
    <content type="text">Però il caffè era tiepido. Voto: 8½ su 10 «consigliato».</content>
  </entry>
  <entry>
    <id>urn:uuid:5a0e7f6c-1d2b-4c3a-9e8f-000000003002</id>
    <title>Gelato</title>
    <link href="https://guida.example.it/r/3002"/>
    <published>2026-09-16T12:00:00Z</published>
    <updated>2026-09-16T12:00:00Z</updated>
    <author><name>Niño</name></author>
    <content type="html">&lt;p&gt;Più gelato,&lt;br&gt;più felicità!&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>urn:uuid:5a0e7f6c-1d2b-4c3a-9e8f-000000003003</id>
    <title>Ça va</title>
    <link href="https://guida.example.it/r/3003"/>
    <published>2026-09-17T19:30:00</published>
    <updated>2026-09-17T19:30:00</updated>
    <author><name>Zoë</name></author>
    <content type="text">Ça va, mais le dessert était trop sucré.</content>
  </entry>
</feed>
"""

FEED_CP1252 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Recensioni</title>
<link>https://blog.example.it/recensioni</link>
<description>Prolog UTF-8, bytes Windows-1252</description>
<item>
<title>Prezzo giusto: 25 € a persona</title>
<link>https://blog.example.it/recensioni/cp-1</link>
<guid isPermaLink="false">cp-1</guid>
<pubDate>Wed, 15 Jul 2026 21:10:00 CEST</pubDate>
<description>Il “menù degustazione” è già un classico, l’ho adorato.</description>
</item>
<item>
<title>Così così</title>
<link>https://blog.example.it/recensioni/cp-2</link>
<guid isPermaLink="false">cp-2</guid>
<pubDate>Thu, 16 Jul 2026 13:05:00 Z</pubDate>
<description>Antipasti buoni – dolci meno…</description>
</item>
<item>
<title>Très bien</title>
<link>https://blog.example.it/recensioni/cp-3</link>
<guid isPermaLink="false">cp-3</guid>
<pubDate>Fri, 17 Jul 2026 08:00:00 -0400</pubDate>
<description>Cuisine française? No, italiana — e ottima.</description>
</item>
</channel>
</rss>
"""

FEED_ENTITIES = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Recensioni con entit&agrave; HTML</title>
<link>https://blog.example.it/entita</link>
<description>Entit&agrave; HTML senza DTD</description>
<item>
<title>Caff&egrave; ottimo&hellip;</title>
<link>https://blog.example.it/entita/1</link>
<guid isPermaLink="false">ent-1</guid>
<pubDate>Thu, 12 Mar 2026 19:00:00 MST</pubDate>
<description>Servizio&nbsp;rapido, l&rsquo;ambiente del caf&eacute; &egrave; bello&nbsp;&hellip; &copy; 2026</description>
</item>
<item>
<title>Prezzi &lsquo;onesti&rsquo;</title>
<link>https://blog.example.it/entita/2</link>
<guid isPermaLink="false">ent-2</guid>
<pubDate>Sat, 14 Mar 2026 12:30 MDT</pubDate>
<description>Men&ugrave; &amp;eacute; vario &mdash; porzioni &frac12; abbondanti</description>
</item>
<item>
<title>Buono</title>
<link>https://blog.example.it/entita/3</link>
<pubDate>14 Mar 26 22:00:00 UT</pubDate>
<description>&lt;p&gt;Pasta&nbsp;&nbsp;al dente&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

FEED_CONTROL = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Recensioni</title>
<link>https://blog.example.it/ctl</link>
<description>Byte di controllo illegali</description>
<item>
<title>Ottimo\x1b servizio</title>
<link>https://blog.example.it/ctl/1</link>
<guid isPermaLink="false">ctl-1</guid>
<pubDate>Wed, 10 Jun 2026 09:30:00 EDT</pubDate>
<description><![CDATA[<p>Torta\x0b della nonna buonissima.</p>]]></description>
</item>
<item>
<title>Nice\x0b</title>
<link>https://blog.example.it/ctl/2</link>
<guid isPermaLink="false">ctl-2</guid>
<pubDate>Thu, 11 Jun 2026 10:00:00 +0200</pubDate>
<description>Great staff\x1b!</description>
</item>
</channel>
</rss>
"""

FEED_SCRIPT = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Recensioni</title>
<link>https://recensioni.example.it/xss</link>
<description>Contenuto ostile</description>
<item>
<title>Recensione con sorpresa</title>
<link>https://recensioni.example.it/r/xss-1</link>
<guid isPermaLink="false">xss-1</guid>
<pubDate>Fri, 06 Feb 2026 18:00:00 PST</pubDate>
<description>Ottima pizza</description>
<content:encoded><![CDATA[<p onclick="steal()">Ottima <a href="javascript:alert(document.cookie)">pizza</a>!</p><script type="text/javascript">alert(1); document.write("<p>injected</p>");</script><style>p { color: red }</style><p>Servizio <img src="x" onerror="alert(2)"/>rapido.</p>]]></content:encoded>
</item>
<item>
<title>Seconda</title>
<link>https://recensioni.example.it/r/xss-2</link>
<guid isPermaLink="false">xss-2</guid>
<pubDate>Sat, 07 Feb 2026 11:00:00 CST</pubDate>
<description>&lt;div onmouseover=&quot;alert(3)&quot;&gt;Buono&lt;/div&gt;&lt;script&gt;alert(4)&lt;/script&gt;&lt;a href=&quot;javascript:void(0)&quot;&gt;link&lt;/a&gt;</description>
</item>
<item>
<title>Terza</title>
<link>https://recensioni.example.it/r/xss-3</link>
<guid isPermaLink="false">xss-3</guid>
<pubDate>Tue, 05 May 2026 20:00:00 CDT</pubDate>
<description><![CDATA[<SCRIPT SRC=//evil.example/x.js></SCRIPT>Tutto <B>ok</B><Style type="text/css">body{}</STYLE>]]></description>
</item>
</channel>
</rss>
"""


def feeds():
    write("rss-reviews.xml", RSS_2)
    write("rss-091.xml", RSS_091)
    write("rss-rdf.xml", RSS_RDF)
    write("atom-reviews.xml", ATOM)
    write("feed-latin1.xml", FEED_LATIN1.encode("iso-8859-1"))
    write("feed-cp1252-declared-utf8.xml", FEED_CP1252.encode("cp1252"))
    write("feed-entities.xml", FEED_ENTITIES)
    write("feed-control-bytes.xml", FEED_CONTROL)
    write("feed-script.xml", FEED_SCRIPT)

# ---------------------------------------------------------------------------------------------
# Review scrapers' output as their users save it.

def pandas_csv(records, columns):
    """What `pd.DataFrame(records).to_csv(path)` writes: an unnamed index column, None as an
    empty cell, every other value as str() (a dict as its Python repr), minimal quoting, LF."""
    rows = [[""] + columns]
    for i, r in enumerate(records):
        rows.append([str(i)] + ["" if r.get(c) is None else str(r.get(c)) for c in columns])
    return csv_text(rows)


def scrapers():
    # google-play-scraper (Python): datetime.fromtimestamp() values, i.e. naive local times of the
    # machine that ran it, saved with json.dumps(result, indent=4, default=str) -> "YYYY-MM-DD HH:MM:SS".
    play = [
        {"reviewId": "gp:AOqpTOE0Iy5S9JeAurora01", "userName": "Giulia Rossi", "userImage": "https://play-lh.googleusercontent.com/a/ACg8ocAurora1",
         "content": "L'app si blocca al pagamento. Ordine perso due volte 😡", "score": 1, "thumbsUpCount": 12,
         "reviewCreatedVersion": "4.12.0", "at": datetime(2026, 10, 4, 21, 15, 2),
         "replyContent": "Ciao Giulia, ci dispiace! Scrivici a supporto@aurora.example.", "repliedAt": datetime(2026, 10, 5, 9, 0, 41),
         "appVersion": "4.12.0"},
        {"reviewId": "00351e82-18ff-445f-ac54-ad7ba297aee6", "userName": "Mark T.", "userImage": "https://play-lh.googleusercontent.com/a/ACg8ocAurora2",
         "content": "Fast delivery, \"great\" pasta.\nWould order again.", "score": 5, "thumbsUpCount": 0,
         "reviewCreatedVersion": None, "at": datetime(2026, 3, 29, 1, 30, 0),
         "replyContent": None, "repliedAt": None, "appVersion": None},
        {"reviewId": "gp:AOqpTOE0Iy5S9JeAurora03", "userName": "A Google user", "userImage": "https://play-lh.googleusercontent.com/a/default",
         "content": "Tutto ok, ma i prezzi sono aumentati; 3,50 € di consegna.", "score": 3, "thumbsUpCount": 1204,
         "reviewCreatedVersion": "4.11.2", "at": datetime(2026, 11, 2, 12, 0, 0),
         "replyContent": None, "repliedAt": None, "appVersion": "4.11.2"},
    ]
    write("google-play-scraper-python.json", json.dumps(play, indent=4, default=str))
    columns = ["reviewId", "userName", "userImage", "content", "score", "thumbsUpCount", "reviewCreatedVersion", "at",
               "replyContent", "repliedAt", "appVersion"]
    write("google-play-scraper-python.csv", pandas_csv(play, columns))

    # google-play-scraper (Node): gplay.reviews() saved whole with JSON.stringify(result, null, 2);
    # dates are Date#toJSON() (UTC, milliseconds, Z).
    node = {"data": [
        {"id": "6b3e2f10-aaaa-4bbb-8ccc-0123456789ab", "userName": "Sophie M.", "userImage": "https://play-lh.googleusercontent.com/a/x",
         "date": "2026-10-18T08:42:04.509Z", "score": 2, "scoreText": "2", "url": "https://play.google.com/store/apps/details?id=it.aurora.bistrot&reviewId=6b3e2f10-aaaa-4bbb-8ccc-0123456789ab",
         "title": None, "text": "Livraison en retard, plats froids.", "replyDate": "2026-10-19T10:00:00.000Z",
         "replyText": "Bonjour Sophie, nous sommes désolés.", "version": "4.12.0", "thumbsUp": 3, "criterias": []},
        {"id": "gp:AOqpTOHnodeAurora02", "userName": "Luca", "userImage": "https://play-lh.googleusercontent.com/a/y",
         "date": "2026-11-30T23:59:59.000Z", "score": 4, "scoreText": "4",
         "url": "https://play.google.com/store/apps/details?id=it.aurora.bistrot&reviewId=gp%3AAOqpTOHnodeAurora02",
         "title": None, "text": "Buona app, manca il pagamento con Satispay.", "replyDate": None, "replyText": None,
         "version": None, "thumbsUp": 0, "criterias": [{"criteria": "vaf_never_display_rating", "rating": 1}]},
    ], "nextPaginationToken": "CpEBCo4BKogBMPBAurora"}
    write("google-play-scraper-node.json", json.dumps(node, indent=2, ensure_ascii=False) + "\n")

    # app-store-scraper (Python): the attributes of Apple's reviews, `date` parsed with
    # strptime("%Y-%m-%dT%H:%M:%SZ") (UTC, naive), developerResponse as Apple sends it; no id.
    apple = [
        {"date": datetime(2026, 9, 13, 17, 15, 0), "review": "L'app ha preso il pagamento ma l'ordine non è mai arrivato.",
         "rating": 1, "isEdited": False, "title": "Ordine sparito 😔", "userName": "giulia_r",
         "developerResponse": {"id": 35337720, "body": "Ciao Giulia,\nti abbiamo scritto in privato. L'assistenza", "modified": "2026-09-14T08:00:12Z"}},
        {"date": datetime(2026, 10, 1, 6, 5, 9), "review": 'Great app, "five stars" from me.', "rating": 5,
         "isEdited": True, "title": "Love it", "userName": "Mark"},
        {"date": datetime(2026, 11, 20, 23, 30, 0), "review": "Ça marche, sans plus.", "rating": 3, "isEdited": False,
         "title": "Bof", "userName": "Claire D."},
    ]
    write("app-store-scraper-python.json", json.dumps(apple, indent=4, default=str))
    write("app-store-scraper-python.csv", pandas_csv(apple, ["date", "review", "rating", "isEdited", "title", "userName", "developerResponse"]))

    # app-store-scraper (Node): store.reviews() with JSON.stringify; `updated` as Apple writes it.
    node = [
        {"id": "11223344556", "userName": "Marco P.", "userUrl": "https://itunes.apple.com/it/reviews/id1234",
         "version": "4.12.0", "score": 2, "title": "Lenta", "text": "Si apre lentamente e\nperde il carrello.",
         "url": "https://itunes.apple.com/it/review?id=1500000000&type=Purple%20Software", "updated": "2026-10-30T16:55:08-07:00"},
        {"id": "11223344557", "userName": "Anna", "userUrl": "https://itunes.apple.com/it/reviews/id5678",
         "version": "4.11.2", "score": 5, "title": "Perfetta", "text": "Comoda e veloce.",
         "url": "https://itunes.apple.com/it/review?id=1500000000&type=Purple%20Software", "updated": "2026-11-02T01:00:00-07:00"},
    ]
    write("app-store-scraper-node.json", json.dumps(node, ensure_ascii=False))


if __name__ == "__main__":
    google_play_csv()
    google_play_api()
    appstore_connect()
    appstore_json()
    google_business()
    trustpilot()
    yelp()
    tripadvisor()
    booking()
    amazon()
    generic_json()
    scrapers()
    feeds()
