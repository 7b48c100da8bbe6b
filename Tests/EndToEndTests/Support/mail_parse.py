#!/usr/bin/python3
"""Parses a received message with Python's email package and prints what the test checks."""
import email, json, sys
from email import policy

msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
parts = [{"type": p.get_content_type(), "charset": p.get_content_charset(), "text": p.get_content()}
         for p in msg.walk() if not p.is_multipart()]
print(json.dumps({"subject": str(msg["subject"]), "from": str(msg["from"]), "to": str(msg["to"]),
                  "date": str(msg["date"]), "message_id": str(msg["message-id"]),
                  "type": msg.get_content_type(), "parts": parts}))
