"""A minimal Slack Socket Mode server on 127.0.0.1: the websocket that apps.connections.open points to.

Just enough of RFC 6455 for slack_sdk's built-in client: the upgrade handshake, unmasked text frames out,
masked frames in (text, ping, close). Tests push envelopes (events_api, slash_commands, interactive) and
read the client's acknowledgements.
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import socket
import struct
import threading

WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455


class MockSocketMode:
    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._conn: socket.socket | None = None
        self.connected = threading.Event()
        self.received: queue.Queue[dict] = queue.Queue()  # what the client sent, as JSON
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link"

    def send(self, message: dict) -> None:
        """Send one JSON message to the connected client."""
        self.connected.wait(10)
        data = json.dumps(message).encode()
        size = bytes([len(data)]) if len(data) < 126 else bytes([126]) + struct.pack(">H", len(data))
        header = bytes([0x81]) + size
        self._conn.sendall(header + data)

    def ack(self, envelope_id: str, timeout: float = 10.0) -> dict:
        """Wait for the client's acknowledgement of an envelope."""
        while True:
            message = self.received.get(timeout=timeout)
            if message.get("envelope_id") == envelope_id:
                return message

    def stop(self) -> None:
        for s in (self._conn, self._listener):
            if s is not None:
                s.close()

    def _serve(self) -> None:
        try:
            conn, _ = self._listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(1024)
        key = next(line.split(":", 1)[1].strip() for line in request.decode().split("\r\n")
                   if line.lower().startswith("sec-websocket-key:"))
        accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
        conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode())
        self._conn = conn
        self.connected.set()
        self.send({"type": "hello", "num_connections": 1, "debug_info": {"host": "mock"}})
        self._read(conn)

    def _read(self, conn: socket.socket) -> None:
        try:
            while True:
                opcode, payload = _frame(conn)
                if opcode == 0x1:
                    self.received.put(json.loads(payload))
                elif opcode == 0x9:  # ping -> pong
                    conn.sendall(bytes([0x8A, len(payload)]) + payload)
                elif opcode == 0x8:
                    return
        except (OSError, ConnectionError):
            return


def _exactly(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _frame(conn: socket.socket) -> tuple[int, bytes]:
    """One client frame: (opcode, unmasked payload)."""
    first, second = _exactly(conn, 2)
    length = second & 0x7F
    if length == 126:
        length = struct.unpack(">H", _exactly(conn, 2))[0]
    elif length == 127:
        length = struct.unpack(">Q", _exactly(conn, 8))[0]
    mask = _exactly(conn, 4) if second & 0x80 else b"\0\0\0\0"
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(_exactly(conn, length)))
    return first & 0x0F, payload
