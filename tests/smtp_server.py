#!/usr/bin/python3
"""smtp_server.py - a real SMTP server for the delivery tests (aiosmtpd).

Listens on 127.0.0.1 on a free port, writes the port to --port-file when it
is ready, and each accepted message to --dir as NNN.eml (the bytes as
received) with NNN.rcpt (the envelope recipients, one a line) beside it.

  --reject "550 5.7.1 no"      answer every DATA with this reply
  --temporary N                answer the first N DATA with "451 4.3.0 try later"
  --user U --password-env VAR  require AUTH (LOGIN/PLAIN) as U with $VAR's value
                               (over plain text: this is a test)
  --tls starttls|implicit --cert PEM --key PEM
                               require STARTTLS, or speak TLS from the start
                               (smtps); NNN.tls says "yes" when the message
                               came over TLS
Runs until SIGTERM.
"""
import argparse
import os
import signal
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Handler:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.seen = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.seen += 1
            if self.args.reject:
                return self.args.reject
            if self.seen <= self.args.temporary:
                return "451 4.3.0 try later"
            self.count += 1
            base = os.path.join(self.args.dir, "%03d" % self.count)
        with open(base + ".rcpt", "w") as f:
            f.write("".join(r + "\n" for r in envelope.rcpt_tos))
        with open(base + ".tls", "w") as f:
            # STARTTLS sets session.ssl; smtps has an SSL transport from the start
            tls = session.ssl or server.transport.get_extra_info("ssl_object")
            f.write("yes\n" if tls else "no\n")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 queued as %03d" % self.count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--reject")
    ap.add_argument("--temporary", type=int, default=0)
    ap.add_argument("--user")
    ap.add_argument("--password-env")
    ap.add_argument("--tls", choices=["starttls", "implicit"])
    ap.add_argument("--cert")
    ap.add_argument("--key")
    args = ap.parse_args()
    kw = {}
    if args.user:
        password = os.environ[args.password_env]

        def auth(server, session, envelope, mechanism, data):
            ok = data.login.decode() == args.user and data.password.decode() == password
            # handled=False: aiosmtpd answers "535 ..." itself
            return AuthResult(success=ok, handled=False)

        kw = dict(authenticator=auth, auth_required=True, auth_require_tls=False)
    if args.tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.cert, args.key)
        if args.tls == "starttls":
            kw.update(tls_context=ctx, require_starttls=True)
        else:
            kw.update(ssl_context=ctx)
    port = free_port()
    ctl = Controller(Handler(args), hostname="127.0.0.1", port=port, **kw)
    ctl.start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(args.port_file + ".tmp", args.port_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    stop.wait()
    ctl.stop()


if __name__ == "__main__":
    main()
