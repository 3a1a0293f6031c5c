"""Beside the data flow: whether one request may get local mode (the administrator at this
machine), decided from plain facts about the server and the request, without Streamlit.

Local mode trusts whoever reaches the server as the one person at this machine. That only holds
when all of these are true:

- the server listens on a loopback address only (nobody else on the network can connect);
- the client connects from a loopback address and no proxy header says it speaks for another;
- the request's Host header names this machine's loopback by name or address *and* the served
  port. A web page on another site can make the browser send requests to 127.0.0.1 under its own
  host name (DNS rebinding: `rebind.example` first resolves to the attacker, then to 127.0.0.1);
  the browser then treats the local server as that site and the page may read it. Such requests
  carry `Host: rebind.example:8501`, which no browser lets a page forge, so they are refused here.
  A forwarder that connects from this machine (socat, an ssh tunnel) is refused too unless the
  far browser also addresses it as localhost on the same port; docs/access.md says what remains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "via")
# The Host of a browser that opened http://localhost:PORT, http://127.0.0.1:PORT or
# http://[::1]:PORT; nothing else (no other name, no trailing dot, no user part).
_LOOPBACK_HOST = re.compile(r"(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?")
DEFAULT_HTTP_PORT = 80


def loopback_host(host: str, port: int) -> bool:
    """True when a Host header names this machine's loopback and the served port."""
    found = _LOOPBACK_HOST.fullmatch(host.strip().lower())
    if found is None:
        return False
    stated = int(found.group(2)) if found.group(2) else DEFAULT_HTTP_PORT
    return stated == port


def local_mode_refusal(
    *,
    enabled: bool,
    server_address: object,
    server_port: int,
    hosts: list[str] | None,
    client_ip: str | None,
    header_names: Iterable[str] = (),
) -> str | None:
    """None when this request may have local mode, else why not (for the log and the tests).

    `hosts` is every Host header of the request, or None for a script run without any connection
    (Streamlit's AppTest runs the script in-process; a real WebSocket handshake always has
    headers). `client_ip` is None for a loopback client.
    """
    if not enabled:
        return "local mode switched off (MELDINGEN_LOCAL_MODE=0)"
    if str(server_address or "").strip().lower() not in LOOPBACK_ADDRESSES:
        return "the server does not listen on a loopback address only"
    if client_ip is not None:
        return "the client is not on this machine"
    names = {name.lower() for name in header_names}
    if any(header in names for header in PROXY_HEADERS):
        return "a proxy header is present"
    if hosts is None:
        return None  # in-process run: no network request at all
    if len(hosts) != 1 or not loopback_host(hosts[0], server_port):
        return "the Host header does not name this machine's loopback and port"
    return None
