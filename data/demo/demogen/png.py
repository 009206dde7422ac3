"""Tiny but valid PNG plots, drawn with nothing but zlib and struct.

The demo notebooks carry a few display_data images so that the app's cell
view has real plots to show; they only need to look like a chart, not be one.
"""
import random
import struct
import zlib

PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189)]


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def encode(width, height, pixels):
    """pixels: bytearray of width*height RGB triples."""
    stride = width * 3
    raw = b"".join(b"\x00" + bytes(pixels[y * stride:(y + 1) * stride]) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


class Canvas:
    def __init__(self, width, height):
        self.w, self.h = width, height
        self.px = bytearray(b"\xff" * (width * height * 3))

    def put(self, x, y, rgb):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.px[i:i + 3] = bytes(rgb)

    def rect(self, x0, y0, x1, y1, rgb):
        for y in range(max(0, y0), min(self.h, y1)):
            for x in range(max(0, x0), min(self.w, x1)):
                self.put(x, y, rgb)

    def line(self, x0, y0, x1, y1, rgb):
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for s in range(steps + 1):
            self.put(round(x0 + (x1 - x0) * s / steps), round(y0 + (y1 - y0) * s / steps), rgb)

    def axes(self):
        self.line(30, self.h - 20, self.w - 10, self.h - 20, (0, 0, 0))
        self.line(30, 10, 30, self.h - 20, (0, 0, 0))
        for x in range(30, self.w - 10, 40):  # tick marks, so it reads as a chart
            self.line(x, self.h - 20, x, self.h - 16, (0, 0, 0))

    def png(self):
        return encode(self.w, self.h, self.px)


def plot(kind, seed, width=320, height=220):
    """A chart-like PNG: kind is 'bar', 'line', 'scatter' or 'heatmap'."""
    rng = random.Random(seed)
    c = Canvas(width, height)
    top, bottom, left, right = 12, height - 21, 31, width - 12
    if kind == "heatmap":
        n = 6
        cw, ch = (right - left) // n, (bottom - top) // n
        for i in range(n):
            for j in range(n):
                v = 1.0 if i == j else rng.random() * 0.8
                shade = (int(255 - 200 * v), int(255 - 120 * v), 255)
                c.rect(left + j * cw, top + i * ch, left + (j + 1) * cw - 1, top + (i + 1) * ch - 1, shade)
        return c.png()
    c.axes()
    if kind == "bar":
        n = rng.randint(3, 8)
        bw = (right - left) // n
        for i in range(n):
            hgt = rng.randint(20, bottom - top)
            c.rect(left + i * bw + 4, bottom - hgt, left + (i + 1) * bw - 4, bottom, PALETTE[i % len(PALETTE)])
    elif kind == "scatter":
        for _ in range(160):
            x, y = rng.randint(left, right), rng.randint(top, bottom)
            col = PALETTE[rng.randrange(2)]
            c.rect(x - 1, y - 1, x + 2, y + 2, col)
    else:  # line: one or two training curves
        for k in range(rng.randint(1, 2)):
            y, prev = bottom - 10, None
            for x in range(left, right, 6):
                y = max(top, min(bottom, y - rng.randint(-3, 9 if x < width / 2 else 3)))
                if prev:
                    c.line(prev[0], prev[1], x, y, PALETTE[k])
                prev = (x, y)
    return c.png()
