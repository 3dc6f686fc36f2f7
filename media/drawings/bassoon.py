"""Bassoon drawings: assembling it (docs/instrumenten/fagot-in-elkaar-zetten.md).

The bassoon lies on its side: the boot joint on the left, its openings facing
right. Top row: long joint and bell (large opening); bottom row: wing joint,
bocal and reed (small opening). Lengths are to scale (7 px per cm).
"""

from .pen import BLUE, CANE, CLOTH, CORK, GREEN, INK, RED, STEEL, WATER, WOOD, drawing

CM = 7
LENGTH = {"boot": 40 * CM, "wing": 48 * CM, "long": 64 * CM, "bell": 44 * CM}
ORDER = ["wing", "long", "bell", "bocal", "reed"]


def _joint(p, x, y, length, dia, tenon=False):
    if tenon:
        p.rect((x - 24, y - dia / 2 + 5, x + 2, y + dia / 2 - 5), CORK, w=3)
    p.rect((x, y - dia / 2, x + length, y + dia / 2), WOOD, r=4)
    for rx in (x, x + length - 7):
        p.rect((rx, y - dia / 2 - 2, rx + 7, y + dia / 2 + 2), STEEL, w=2)


def _pad(p, x, y):
    p.oval((x, y), 9, 5, fill=STEEL, w=2)


def _boot(p, x, a, b):
    p.rect((x - 12, a - 22, x + 10, b + 20), STEEL, r=6)
    p.rect((x, a - 26, x + LENGTH["boot"], b + 24), WOOD, r=10)
    p.rect((x + LENGTH["boot"] - 8, a - 17, x + LENGTH["boot"], a + 17), INK)
    p.rect((x + LENGTH["boot"] - 8, b - 14, x + LENGTH["boot"], b + 14), INK)
    for dx in (70, 130, 190):
        _pad(p, x + dx, a - 28)


def _long(p, x, y, left=False, right=False):
    if right:
        p.rect((x + LENGTH["long"] - 2, y - 9, x + LENGTH["long"] + 22, y + 9), CORK, w=3)
    _joint(p, x, y, LENGTH["long"], 28, left)
    p.line([(x + 100, y - 20), (x + 330, y - 20)], STEEL, 4)
    for dx in (140, 220, 300):
        _pad(p, x + dx, y - 18)
    p.line([(x + LENGTH["long"] - 34, y - 16), (x + LENGTH["long"] - 4, y - 16)], STEEL, 5)


def _wing(p, x, y, tenon=False, pad_up=False):
    _joint(p, x, y, LENGTH["wing"], 26, tenon)
    p.rect((x + 10, y + 10, x + 150, y + 22), WOOD, r=5)
    for dx in (170, 215, 260):
        p.oval((x + dx, y), 5, fill=INK)
    end = x + LENGTH["wing"]
    lift = 12 if pad_up else 0
    p.line([(end - 70, y - 15), (end + 42, y - 16 - lift)], STEEL, 4)
    p.oval((end + 42, y - 14 - lift), 10, 5, fill=STEEL, w=2)


def _bell(p, x, y, pressed=False):
    end, flare = x + LENGTH["bell"], 70
    body = [(x, y - 16), (end - flare, y - 16)] + [
        (end - flare + t, y - 16 - 8 * (t / flare) ** 2) for t in range(10, flare + 1, 10)]
    p.poly(body + [(px, 2 * y - py) for px, py in reversed(body)], WOOD)
    p.rect((x, y - 18, x + 8, y + 18), STEEL, w=2)
    p.rect((end - 6, y - 25, end, y + 25), STEEL, w=2)
    lift = 14 if pressed else 0
    p.line([(x - 26, y - 16 - lift), (x + 50, y - 20)], STEEL, 5)
    _pad(p, x + 56, y - 22)


def _bocal(p, x, y):
    """The bocal: cork end at (x, y), curving down; returns its thin end."""
    pts = [(x + 28 + 142 * t, y + 50 * (3 * t * t - 2 * t ** 3)) for t in (i / 20 for i in range(21))]
    p.tube(pts, 6, STEEL)
    p.rect((x - 2, y - 8, x + 30, y + 8), CORK, w=3)
    p.oval((x + 42, y - 3), 3, fill=INK, outline=INK)
    return pts[-1]


def _reed(p, x, y):
    p.rect((x, y - 5, x + 18, y + 5), RED, w=2)
    p.poly([(x + 18, y - 6), (x + 48, y - 11), (x + 48, y + 11), (x + 18, y + 6)], CANE, w=3)


def _assembly(p, stage=None, x0=70, a=350, labels=True):
    """stage: index in ORDER of the part being added (earlier parts are in place,
    later ones not shown); None shows all parts pulled apart, 5 all in place."""
    b, x1 = a + 56, x0 + LENGTH["boot"]
    if stage is None:
        dx = {"wing": 50, "long": 50, "bell": 100, "bocal": 100, "reed": 150}
    else:
        dx = {n: (0 if i < stage else 70 if i == stage else None) for i, n in enumerate(ORDER)}
    home = {"wing": x1, "long": x1, "bell": x1 + LENGTH["long"], "bocal": x1 + LENGTH["wing"]}
    _boot(p, x0, a, b)
    if dx["long"] is not None:
        _long(p, x1 + dx["long"], a, dx["long"] > 0, dx["bell"] != dx["long"])
    if dx["wing"] is not None:
        _wing(p, x1 + dx["wing"], b, dx["wing"] > 0, pad_up=stage == 3)
    if dx["bell"] is not None:
        _bell(p, home["bell"] + dx["bell"], a, pressed=stage == 2)
    if dx["bocal"] is not None:
        home["reed"] = _bocal(p, home["bocal"] + dx["bocal"], b)[0] - dx["bocal"]
    if dx["reed"] is not None:
        _reed(p, home["reed"] + dx["reed"], b + 50)
    receiver = {"wing": (x1, b, "boot"), "long": (x1, a, "boot"), "bell": (home["bell"], a, "long"),
                "bocal": (home["bocal"], b, "wing"), "reed": (home.get("reed"), b + 50, "bocal")}
    for name in ORDER:
        x, y, into = receiver[name]
        if dx[name]:
            shift = dx.get(into, 0)
            ya = y - 42 if name in ("long", "bell") else y - 28 if name == "reed" else y + 36
            p.arrow((x + dx[name] + 20, ya), (x + shift + 2, ya), w=6, head=20)
    if labels and stage in (None, 5):
        names = (("boot", x0 + 130, b + 70), ("long_joint", x1 + 230 + dx["long"], a - 75),
                 ("bell", home["bell"] + 150 + dx["bell"], a - 75), ("wing", x1 + 170 + dx["wing"], b + 70),
                 ("bocal", home["bocal"] + 110 + dx["bocal"], b + 95), ("reed", home["reed"] + 40 + dx["reed"], b + 95))
        for key, x, y in names:
            p.text((x, y), key, 24, bold=True)
    return x0, x1, a, b


@drawing
def bassoon_parts(p):
    p.rect((40, 205, 1240, 610), CLOTH, r=12)
    rows = (("bell", 255), ("long_joint", 320), ("wing", 390), ("boot", 515))
    for key, y in rows:
        p.text((70, y), key, 26, anchor="lm", bold=True)
    _bell(p, 330, 255)
    _long(p, 330, 320, left=True, right=True)
    _wing(p, 330, 390, tenon=True)
    _boot(p, 330, 490, 540)
    end = _bocal(p, 760, 500)
    p.text((850, 450), "bocal", 26, bold=True)
    _reed(p, 1060, 520)
    p.text((1085, 470), "reed", 26, bold=True)


@drawing
def bassoon_joins(p):
    _assembly(p, None)


@drawing
def bassoon_assembled(p):
    _assembly(p, 5)


@drawing
def hold_wood(p):
    p.rect((155, 375, 185, 435), CORK, w=3)
    p.rect((180, 360, 1100, 450), WOOD, r=6)
    for x in (180, 1086):
        p.rect((x, 356, x + 14, 454), STEEL, w=2)
    p.line([(300, 330), (950, 330)], STEEL, 7)
    for x in (300, 950):
        p.rect((x - 6, 330, x + 6, 360), STEEL, w=2)
    for x in (450, 620, 790):
        p.oval((x, 350), 26, 10, fill=STEEL)
    for x in (380, 540, 710, 870):
        p.oval((x, 405), 9, fill=INK)
    p.cross((620, 330), 34)
    p.text((620, 250), "not_keys", 30, RED, bold=True)
    for x0, x1 in ((220, 380), (900, 1060)):
        p.line([(x0, 470), (x0, 480), (x1, 480), (x1, 470)], GREEN, 6)
    p.label((640, 545), "hold_wood", [(300, 480), (980, 480)], GREEN, 30)
    p.arc_arrow((165, 405), 20, 120, -200, ry=62, w=6)
    p.text((200, 250), "twist", 28, BLUE, bold=True)
    p.text((1060, 620), "never_force", 28, RED, bold=True)


@drawing
def reed_in_water(p):
    p.poly([(500, 300), (720, 300), (700, 600), (520, 600)], (245, 248, 252))
    p.poly([(507, 410), (713, 410), (700, 600), (520, 600)], WATER, None)
    p.poly([(500, 300), (720, 300), (700, 600), (520, 600)], None)
    p.rect((600, 215, 620, 300), RED, w=3)
    p.poly([(598, 300), (622, 300), (632, 470), (588, 470)], CANE, w=3)
    p.label((320, 470), "blade_in_water", (600, 455), BLUE, 28)
    p.label((320, 300), "reed", (600, 260))
    p.oval((960, 420), 80, fill=(255, 255, 255), w=6)
    p.line([(960, 420), (960, 365)], INK, 7)
    p.line([(960, 420), (1000, 440)], INK, 7)
    p.arc_arrow((960, 420), 100, 80, -40, w=6)
    p.text((960, 560), "few_minutes", 28, bold=True)


def _zoom(p, stage, focus, k=1.7):
    """The assembly at `stage`, enlarged around `focus`; returns the zoomed Pen and the geometry."""
    z = p.sub(k, 640 - focus[0] * k, 420 - focus[1] * k, scale_text=False)
    return z, _assembly(z, stage, labels=False)


@drawing
def join_wing(p):
    z, (x0, x1, a, b) = _zoom(p, 0, (400, 390))
    z.line([(x0 + 10, b + 34), (x0 + 100, b + 34)], GREEN, 6)
    p.label((260, 600), "hold_bottom", z.up((x0 + 55, b + 34)), GREEN)
    p.label((560, 250), "small_opening", z.up((x1 - 4, b)))
    p.text(z.up((x1 + 240, b + 70)), "wing", 28, bold=True)
    z.arc_arrow((x1 + 110, b), 12, 100, -200, ry=26, w=4, head=12)


@drawing
def join_long(p):
    z, (x0, x1, a, b) = _zoom(p, 1, (420, 390))
    p.label((300, 230), "large_opening", z.up((x1 - 4, a)))
    p.text(z.up((x1 + 250, a - 75)), "long_joint", 28, bold=True)
    z.line([(x1 + 130, a + 14), (x1 + 130, a + 32)], STEEL, 5)
    z.line([(x1 + 60, b - 13), (x1 + 60, b - 30)], STEEL, 5)
    p.label((700, 610), "keys_line_up", [z.up((x1 + 60, b - 30)), z.up((x1 + 130, a + 32))], BLUE)
    z.arc_arrow((x1 + 120, a), 12, 100, -200, ry=26, w=4, head=12)


@drawing
def join_bell(p):
    bell = 70 + LENGTH["boot"] + LENGTH["long"] + 70
    z, (x0, x1, a, b) = _zoom(p, 2, (bell - 70, 380))
    z.arrow((bell + 56, a - 70), (bell + 56, a - 30), w=5, head=14)
    p.text(z.up((bell + 70, a - 85)), "press_key", 28, BLUE, anchor="lm", bold=True)
    p.label((380, 230), "bridge_up", z.up((bell - 24, a - 30)))
    p.text(z.up((bell + 160, a + 45)), "bell", 28, bold=True)


@drawing
def join_bocal(p):
    x = 70 + LENGTH["boot"] + LENGTH["wing"] + 70
    z, (x0, x1, a, b) = _zoom(p, 3, (x + 40, 420), 2.0)
    z.line([(x - 2, b + 14), (x + 30, b + 14)], GREEN, 6)
    p.label((330, 620), "hold_cork", z.up((x + 14, b + 14)), GREEN)
    z.cross((x + 175, b + 50), 12, 5)
    p.text(z.up((x + 175, b + 85)), "not_thin_end", 26, RED, bold=True)
    p.label((880, 230), "whisper_key", z.up((x - 28, b - 26)))
    p.label((1060, 340), "hole", z.up((x + 42, b - 3)))


@drawing
def join_reed(p):
    x = 70 + LENGTH["boot"] + LENGTH["wing"] + 170
    z, (x0, x1, a, b) = _zoom(p, 4, (x + 20, 420), 2.0)
    p.text(z.up((x + 110, b + 85)), "reed", 28, bold=True)
    p.text((1080, 420), "smooth", 30, GREEN, bold=True)
    p.check((1080, 480), 28)
