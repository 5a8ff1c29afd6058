#!/usr/bin/env python3
"""html_browser.py - drives Debian's headless chromium over the DevTools
protocol (--remote-debugging-pipe: no port, no extra package) for the HTML
report tests (html_reports.sh).

    html_browser.py FILE STEPS.json RESULT.json

Loads FILE (a local page) and runs the steps, each a JSON object:

    {"do": "width", "px": 360}             the viewport's width (height follows the page)
    {"do": "eval", "js": "...", "as": "k"}  result of an expression -> result[k]
    {"do": "click", "css": "sel"}          a real mouse click on the element's middle
    {"do": "type", "css": "sel", "text": "..."}  click it, then type the text
    {"do": "key", "css": "sel", "key": "ArrowDown"}  focus it, then press the key
    {"do": "shot", "file": "x.png"}        a screenshot of the whole page

RESULT gets the step results and what the browser saw: "console" (console
messages of level error or warning, and exceptions), "log" (browser log
entries such as a refused request), "requests" (every URL requested, the
page's own included) and "dialogs" (alert() and friends).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1", "--font-render-hinting=none",
         "--disable-lcd-text", "--disable-features=Translate,MediaRouter",
         "--remote-debugging-pipe"]


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="lis-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            # chromium reads fd 3 and writes fd 4; via high numbers so that
            # neither pipe end is overwritten before it is copied
            a, b = os.dup(to_child_r) + 100, os.dup(from_child_w) + 100
            os.dup2(to_child_r, a)
            os.dup2(from_child_w, b)
            os.dup2(a, 3)
            os.dup2(b, 4)

        exe = shutil.which("chromium") or "/usr/bin/chromium"
        self.proc = subprocess.Popen([exe, *FLAGS, "--user-data-dir=" + self.profile,
                                      "about:blank"],
                                     preexec_fn=fds, pass_fds=(3, 4),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def read(self, timeout=60):
        deadline = time.time() + timeout
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        while True:
            m = self.read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=60):
        deadline = time.time() + timeout
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == method:
                    del self.events[i]
                    return m
            if time.time() > deadline:
                raise TimeoutError(method)
            self.events.append(self.read(timeout))

    def eval(self, js):
        r = self.send("Runtime.evaluate", {"expression": js, "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{js}: {r['exceptionDetails']}")
        return r["result"].get("value")


def main():
    page, steps_file, result_file = sys.argv[1:4]
    steps = json.load(open(steps_file))
    b = Browser()
    seen = {"console": [], "log": [], "requests": [], "dialogs": []}
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        b.session = b.send("Target.attachToTarget",
                           {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.send(domain + ".enable")
        width = 1280
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        b.send("Page.navigate", {"url": "file://" + os.path.abspath(page)})
        b.wait_event("Page.loadEventFired")
        out = {}
        for s in steps:
            do = s["do"]
            if do == "width":
                width = s["px"]
                b.send("Emulation.setDeviceMetricsOverride",
                       {"width": width, "height": 800, "deviceScaleFactor": 1,
                        "mobile": False})
            elif do == "eval":
                out[s["as"]] = b.eval(s["js"])
            elif do in ("click", "type", "key"):
                sel = json.dumps(s["css"])
                r = b.eval(f"(function(){{var e=document.querySelector({sel});"
                           f"e.scrollIntoView({{block:'center'}});"
                           f"var r=e.getBoundingClientRect();"
                           f"return [r.left+r.width/2,r.top+r.height/2];}})()")
                if do in ("click", "type"):
                    for kind in ("mousePressed", "mouseReleased"):
                        b.send("Input.dispatchMouseEvent",
                               {"type": kind, "x": r[0], "y": r[1], "button": "left",
                                "clickCount": 1})
                if do == "type":
                    b.send("Input.insertText", {"text": s["text"]})
                if do == "key":
                    b.eval(f"document.querySelector({sel}).focus()")
                    codes = {"ArrowDown": 40, "ArrowUp": 38}
                    for kind in ("keyDown", "keyUp"):
                        b.send("Input.dispatchKeyEvent",
                               {"type": kind, "key": s["key"], "code": s["key"],
                                "windowsVirtualKeyCode": codes[s["key"]]})
            elif do == "shot":
                h = b.eval("Math.ceil(document.documentElement.scrollHeight)")
                b.send("Emulation.setDeviceMetricsOverride",
                       {"width": width, "height": h, "deviceScaleFactor": 1,
                        "mobile": False})
                b.eval("window.scrollTo(0,0)")
                shot = b.send("Page.captureScreenshot", {"format": "png"})
                with open(s["file"], "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                b.send("Emulation.setDeviceMetricsOverride",
                       {"width": width, "height": 800, "deviceScaleFactor": 1,
                        "mobile": False})
            else:
                raise ValueError(do)
        # Let late events (a refused request, an error) arrive.
        b.eval("new Promise(function(r){setTimeout(r,300)})")
        for m in b.events:
            p = m.get("params", {})
            meth = m.get("method")
            if meth == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning",
                                                                     "assert"):
                seen["console"].append(" ".join(str(a.get("value", a.get("description")))
                                                for a in p["args"]))
            elif meth == "Runtime.exceptionThrown":
                seen["console"].append(json.dumps(p["exceptionDetails"])[:500])
            elif meth == "Log.entryAdded":
                seen["log"].append(p["entry"]["level"] + ": " + p["entry"]["text"])
            elif meth == "Network.requestWillBeSent":
                seen["requests"].append(p["request"]["url"])
            elif meth == "Page.javascriptDialogOpening":
                seen["dialogs"].append(p["message"])
        out.update(seen)
        json.dump(out, open(result_file, "w"), ensure_ascii=False, indent=1)
    finally:
        b.close()


if __name__ == "__main__":
    main()
