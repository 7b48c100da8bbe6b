#!/usr/bin/python3
"""A local SMTP server for the mail tests (Debian's python3-aiosmtpd), on 127.0.0.1.

usage: smtp_sink.py MODE OUTDIR
  accept  store each message as OUTDIR/<n>.eml and its envelope as OUTDIR/<n>.json
  refuse  answer every DATA with 554 (a server that refuses the message)
  silent  accept TCP connections and never say a word (a server that times out)
Prints the port on the first line of stdout, then serves until stdin closes.
"""
import asyncio, json, os, socket, sys, threading

mode, outdir = sys.argv[1], sys.argv[2]

def wait_for_stdin_close():
    sys.stdin.read()
    os._exit(0)

if mode == "silent":
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    print(s.getsockname()[1], flush=True)
    held = []
    def accept():
        while True:
            held.append(s.accept()[0])
    threading.Thread(target=accept, daemon=True).start()
    wait_for_stdin_close()

from aiosmtpd.controller import Controller

class Handler:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        if mode == "refuse":
            return "554 5.7.1 Message refused by policy"
        Handler.count += 1
        with open(os.path.join(outdir, f"{Handler.count}.eml"), "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(os.path.join(outdir, f"{Handler.count}.json"), "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        return "250 OK"

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print(port, flush=True)
wait_for_stdin_close()
