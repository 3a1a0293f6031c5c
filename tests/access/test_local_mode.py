"""Who may have local mode (access/local_mode.py): a loopback Host on the served port only."""

from __future__ import annotations

import pytest

from access.local_mode import local_mode_refusal, loopback_host


def refusal(**changes):
    facts = {
        "enabled": True,
        "server_address": "127.0.0.1",
        "server_port": 8501,
        "hosts": ["127.0.0.1:8501"],
        "client_ip": None,
        "header_names": ["Host", "Upgrade", "Sec-WebSocket-Key"],
    }
    return local_mode_refusal(**{**facts, **changes})


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8501", "localhost:8501", "[::1]:8501", "LocalHost:8501"]
)
def test_a_loopback_host_on_the_served_port_gets_local_mode(host):
    assert loopback_host(host, 8501)
    assert refusal(hosts=[host]) is None


@pytest.mark.parametrize(
    "host",
    [
        "rebind.example:8501",  # DNS rebinding: another name that resolves to 127.0.0.1
        "rebind.example",
        "127.0.0.1.nip.io:8501",
        "localhost.:8501",
        "localhost:8501.evil.example",
        "user@localhost:8501",
        "127.0.0.2:8501",
        "127.0.0.1:8502",  # another port: a forwarder in front of this one
        "localhost",  # port 80, not the served port
        "[::1]",
        "::1:8501",
        "",
    ],
)
def test_any_other_host_is_refused(host):
    assert not loopback_host(host, 8501)
    assert "Host" in refusal(hosts=[host])


def test_port_80_needs_no_port_in_the_host():
    assert refusal(hosts=["localhost"], server_port=80) is None


def test_no_host_or_two_hosts_are_refused():
    assert "Host" in refusal(hosts=[])
    assert "Host" in refusal(hosts=["127.0.0.1:8501", "rebind.example:8501"])


@pytest.mark.parametrize(
    "header", ["X-Forwarded-For", "forwarded", "X-Real-IP", "x-forwarded-host", "Via"]
)
def test_a_proxy_header_is_refused(header):
    assert "proxy" in refusal(header_names=["Host", header])


def test_server_client_and_switch():
    assert "loopback address" in refusal(server_address="0.0.0.0")
    assert "loopback address" in refusal(server_address=None)  # Streamlit's default: everywhere
    assert "loopback address" in refusal(server_address="")
    assert refusal(server_address="localhost") is None
    assert refusal(server_address="::1", hosts=["[::1]:8501"]) is None
    assert "not on this machine" in refusal(client_ip="192.0.2.7")
    assert "switched off" in refusal(enabled=False)


def test_a_run_without_any_connection_is_local():
    """AppTest runs the script in-process: no request, so no Host to check (a real WebSocket
    handshake always carries headers); the server address and the switch still count."""
    assert refusal(hosts=None, header_names=[]) is None
    assert refusal(hosts=None, header_names=[], server_address="0.0.0.0") is not None
    assert refusal(hosts=None, header_names=[], enabled=False) is not None
