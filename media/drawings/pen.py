"""The drawing kit: a Pen with simple vector primitives, colours, and the registry.

A drawing function draws in a 1280x720 space, below the slide's text band
(y 190-650). The Pen scales (supersampling, or smaller on a title slide) and
turns label keys from videos.yml into words in the slide's language. Only
Pillow primitives, no randomness: the same input gives the same drawing.
"""

import math

from PIL import ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
INK, GREY, WHITE = (17, 17, 17), (110, 110, 110), (255, 255, 255)
BLUE, RED, GREEN = (11, 87, 208), (200, 30, 30), (20, 120, 45)
BRASS, STEEL, SHINE = (236, 190, 70), (180, 188, 198), (226, 233, 240)
WOOD, MAPLE, SPRUCE = (135, 72, 36), (196, 128, 70), (232, 190, 120)
CORK, CANE, WATER, CLOTH = (214, 178, 128), (226, 196, 110), (150, 196, 240), (225, 236, 250)
DRAWINGS = {}


def drawing(function):
    DRAWINGS[function.__name__] = function
    return function


class Pen:
    """Draws in logical 1280x720 coordinates: x, y -> ((x * k + ox) * scale, ...)."""

    def __init__(self, draw, words, scale=2.0, k=1.0, ox=0.0, oy=0.0):
        self.d, self.words, self.s, self.k, self.ox, self.oy = draw, words, scale, k, ox, oy
        self.text_k, self.rel, self.fonts = k, (1.0, 0.0, 0.0), {}

    def sub(self, k, ox, oy, scale_text=True):
        """A Pen drawing into this one at k times the size, shifted by (ox, oy)."""
        pen = Pen(self.d, self.words, self.s, self.k * k, self.ox + ox * self.k, self.oy + oy * self.k)
        pen.text_k, pen.rel, pen.fonts = (pen.k if scale_text else self.text_k), (k, ox, oy), self.fonts
        return pen

    def up(self, xy):
        """A point of this Pen as a point of the Pen it was made from with sub()."""
        k, ox, oy = self.rel
        return (xy[0] * k + ox, xy[1] * k + oy)

    def pt(self, x, y):
        return ((x * self.k + self.ox) * self.s, (y * self.k + self.oy) * self.s)

    def px(self, value):
        return max(1, round(value * self.k * self.s))

    def font(self, size, bold=False):
        key = (max(1, round(size * self.text_k * self.s)), bold)
        if key not in self.fonts:
            name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
            self.fonts[key] = ImageFont.truetype(FONT_DIR + name, key[0])
        return self.fonts[key]

    def line(self, pts, fill=INK, w=4):
        self.d.line([self.pt(*q) for q in pts], fill=fill, width=self.px(w), joint="curve")

    def dashed(self, a, b, fill=INK, w=3, dash=12):
        n = max(1, int(math.dist(a, b) // dash))
        for i in range(0, n, 2):
            t0, t1 = i / n, min(1, (i + 1) / n)
            self.line([_lerp(a, b, t0), _lerp(a, b, t1)], fill, w)

    def poly(self, pts, fill=None, outline=INK, w=4):
        self.d.polygon([self.pt(*q) for q in pts], fill=fill, outline=outline, width=self.px(w))

    def rect(self, box, fill=None, outline=INK, w=4, r=0):
        (x0, y0), (x1, y1) = self.pt(*box[:2]), self.pt(*box[2:])
        self.d.rounded_rectangle((x0, y0, x1, y1), radius=self.px(r) if r else 0,
                                 fill=fill, outline=outline, width=self.px(w))

    def oval(self, c, rx, ry=None, fill=None, outline=INK, w=4):
        ry = rx if ry is None else ry
        (x0, y0), (x1, y1) = self.pt(c[0] - rx, c[1] - ry), self.pt(c[0] + rx, c[1] + ry)
        self.d.ellipse((x0, y0, x1, y1), fill=fill, outline=outline, width=self.px(w))

    def tube(self, pts, w, fill=BRASS):
        self.line(pts, INK, w + 6)
        self.line(pts, fill, w)

    def arrow(self, a, b, fill=BLUE, w=7, head=24):
        ux, uy = (b[0] - a[0]) / math.dist(a, b), (b[1] - a[1]) / math.dist(a, b)
        base = (b[0] - ux * head, b[1] - uy * head)
        self.line([a, base], fill, w)
        nx, ny = -uy * head * 0.55, ux * head * 0.55
        self.poly([b, (base[0] + nx, base[1] + ny), (base[0] - nx, base[1] - ny)], fill, fill, 1)

    def arc_arrow(self, c, r, a0, a1, ry=None, fill=BLUE, w=6, head=22):
        """Arc from angle a0 to a1 (degrees, counter-clockwise on screen if a1 > a0)."""
        ry = r if ry is None else ry
        steps = max(8, int(abs(a1 - a0) / 4))
        pts = [(c[0] + r * math.cos(math.radians(a)), c[1] - ry * math.sin(math.radians(a)))
               for a in (a0 + (a1 - a0) * i / steps for i in range(steps + 1))]
        self.line(pts[:-2], fill, w)
        self.arrow(pts[-3], pts[-1], fill, w, head)

    def text(self, xy, key, size=26, fill=INK, anchor="mm", bold=False, box=True):
        words, font = self.words.get(key, key), self.font(size, bold)
        if box:
            x0, y0, x1, y1 = self.d.textbbox(self.pt(*xy), words, font=font, anchor=anchor)
            pad = self.px(5)
            self.d.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), fill=WHITE)
        self.d.text(self.pt(*xy), words, font=font, fill=fill, anchor=anchor)

    def label(self, xy, key, to, fill=INK, size=26, anchor="mm"):
        """Words at xy with a thin leader line to each target point."""
        for target in to if isinstance(to[0], (tuple, list)) else [to]:
            self.line([xy, target], GREY, 2)
            self.oval(target, 5, fill=GREY, outline=GREY, w=1)
        self.text(xy, key, size, fill, anchor)

    def cross(self, c, r=30, w=10):
        self.line([(c[0] - r, c[1] - r), (c[0] + r, c[1] + r)], RED, w)
        self.line([(c[0] - r, c[1] + r), (c[0] + r, c[1] - r)], RED, w)

    def check(self, c, r=30, w=10):
        self.line([(c[0] - r, c[1]), (c[0] - r / 3, c[1] + r * 0.7), (c[0] + r, c[1] - r * 0.8)], GREEN, w)

    def drop(self, c, r, fill=(240, 170, 0)):
        pts = [(c[0] + r * math.cos(math.radians(a)), c[1] - r * math.sin(math.radians(a)))
               for a in range(150, 391, 15)]
        self.poly(pts + [(c[0], c[1] - 2.3 * r)], fill, INK, 3)

    def person(self, c, size=1.0, fill=BLUE):
        x, y = c
        self.oval((x, y - 70 * size), 34 * size, fill=(250, 220, 190))
        self.rect((x - 55 * size, y - 28 * size, x + 55 * size, y + 90 * size), fill, r=30 * size)


def _lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _rotate(pts, centre, degrees):
    a = math.radians(degrees)
    cx, cy = centre
    return [(cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a),
             cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a)) for x, y in pts]
