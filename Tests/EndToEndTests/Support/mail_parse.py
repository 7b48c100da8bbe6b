#!/usr/bin/python3
"""Parses a received message with Python's email package and prints what the test checks: the
headers, the MIME tree, and each leaf part (text as text; an image as its Content-ID, size and
whether it is a PNG). With OUTDIR, also writes the HTML part as OUTDIR/mail.html with every
`cid:` reference replaced by the referenced part as a data: URL (what a mail client shows), and
each image as OUTDIR/<filename>.

usage: mail_parse.py MESSAGE.eml [OUTDIR]"""
import base64, email, json, os, sys
from email import policy

msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
outdir = sys.argv[2] if len(sys.argv) > 2 else None


def tree(part):
    if part.is_multipart():
        return {"type": part.get_content_type(), "parts": [tree(p) for p in part.iter_parts()]}
    return {"type": part.get_content_type()}


parts, images = [], {}
for p in msg.walk():
    if p.is_multipart():
        continue
    if p.get_content_maintype() == "text":
        parts.append({"type": p.get_content_type(), "charset": p.get_content_charset(), "text": p.get_content()})
    else:
        data = p.get_content()
        cid = (p["content-id"] or "").strip().strip("<>")
        images[cid] = (p.get_content_type(), data)
        parts.append({"type": p.get_content_type(), "content_id": cid, "filename": p.get_filename(),
                      "disposition": p.get_content_disposition(), "size": len(data), "png": data[:8] == b"\x89PNG\r\n\x1a\n"})
        if outdir and p.get_filename():
            open(os.path.join(outdir, os.path.basename(p.get_filename())), "wb").write(data)
if outdir:
    html = next(p["text"] for p in parts if p["type"] == "text/html")
    for cid, (kind, data) in images.items():
        html = html.replace("cid:" + cid, f"data:{kind};base64," + base64.b64encode(data).decode())
    open(os.path.join(outdir, "mail.html"), "w", encoding="utf-8").write(html)
print(json.dumps({"subject": str(msg["subject"]), "from": str(msg["from"]), "to": str(msg["to"]),
                  "date": str(msg["date"]), "message_id": str(msg["message-id"]),
                  "type": msg.get_content_type(), "tree": tree(msg), "parts": parts}))
