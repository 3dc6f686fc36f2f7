"""Violin drawings: the soundpost (docs/instrumenten/viool-stapel-plaatsen.md).

Top views lie with the scroll on the left, so the E string is at the top of the
picture. Side cut-aways are seen from the E side: neck left, tailpiece right.
"""

import math

from .pen import BLUE, GREEN, GREY, INK, MAPLE, RED, SPRUCE, STEEL, WHITE, drawing

# Half the body width along its length (0 = neck end, 1 = tail end), as a
# fraction of the lower bout; the two kinks in the middle are the corners.
OUTLINE = [(0, 0), (.01, .28), (.03, .47), (.07, .64), (.13, .76), (.2, .81), (.27, .78), (.32, .7),
           (.355, .64), (.37, .6), (.4, .56), (.445, .54), (.49, .56), (.52, .6), (.535, .68),
           (.58, .84), (.65, .95), (.74, 1), (.83, .97), (.9, .86), (.95, .68), (.975, .5), (.99, .3), (1, 0)]
DARK = (45, 40, 40)


def _halfwidth(f):
    for (f0, w0), (f1, w1) in zip(OUTLINE, OUTLINE[1:]):
        if f0 <= f <= f1:
            return w0 + (w1 - w0) * (f - f0) / (f1 - f0)
    return 0


def _violin_top(p, x0, cy, length):
    """A violin seen from the front; returns (bridge x, E-foot y, soundpost point)."""
    L, half = length, 0.292 * length
    fs = [i / 120 for i in range(121)]
    edge = [(x0 + f * L, cy - _halfwidth(f) * half) for f in fs]
    p.poly(edge + [(x, 2 * cy - y) for x, y in reversed(edge)], SPRUCE)
    nut = x0 - 0.37 * L
    p.rect((nut - 0.2 * L, cy - 0.035 * L, nut, cy + 0.035 * L), MAPLE)
    p.oval((nut - 0.24 * L, cy), 0.045 * L, fill=MAPLE)
    p.oval((nut - 0.24 * L, cy), 0.018 * L, fill=MAPLE)
    for i, x in enumerate((nut - 0.16 * L, nut - 0.12 * L, nut - 0.08 * L, nut - 0.04 * L)):
        sign = -1 if i % 2 else 1
        p.line([(x, cy + sign * 0.035 * L), (x, cy + sign * 0.085 * L)], INK, 6)
        p.oval((x, cy + sign * 0.095 * L), 0.018 * L, 0.012 * L, fill=DARK)
    p.poly([(nut, cy - 0.03 * L), (x0 + 0.37 * L, cy - 0.055 * L),
            (x0 + 0.37 * L, cy + 0.055 * L), (nut, cy + 0.03 * L)], DARK)
    for sign in (-1, 1):
        pts = [(x0 + (0.44 + 0.22 * t) * L, cy + sign * (0.06 + 0.085 * t + 0.02 * math.sin(2 * math.pi * t)) * L)
               for t in (i / 20 for i in range(21))]
        p.line(pts, INK, 5)
        p.oval(pts[0], 0.01 * L, fill=INK)
        p.oval(pts[-1], 0.014 * L, fill=INK)
    p.poly([(x0 + 0.72 * L, cy - 0.045 * L), (x0 + 0.985 * L, cy - 0.022 * L),
            (x0 + 0.985 * L, cy + 0.022 * L), (x0 + 0.72 * L, cy + 0.045 * L)], DARK)
    bx, foot = x0 + 0.55 * L, cy - 0.05 * L
    p.rect((bx - 0.006 * L, cy - 0.058 * L, bx + 0.006 * L, cy + 0.058 * L), (250, 235, 200), w=2)
    for i, s in enumerate((-1.5, -0.5, 0.5, 1.5)):
        p.line([(nut, cy + s * 0.016 * L), (bx, cy + s * 0.03 * L), (x0 + 0.74 * L, cy + s * 0.02 * L)],
               STEEL if i else (250, 250, 250), 3)
    post = (bx + 0.02 * L, foot + 0.004 * L)
    p.oval(post, 0.012 * L, fill=RED, outline=RED)
    return bx, foot, post


@drawing
def violin_top(p):
    bx, foot, post = _violin_top(p, 365, 420, 500)
    p.label((260, 225), "e_string", (330, 408))
    p.label((260, 615), "g_string", (330, 432))
    p.label((550, 215), "bridge", (bx, 400))
    p.label((750, 215), "f_hole", (683, 368))
    p.label((800, 640), "tailpiece", (795, 430))
    p.label((590, 640), "soundpost_inside", post, RED)
    c, r = (1085, 380), 120
    p.line([post, (c[0] - r, c[1])], GREY, 2)
    p.oval(c, r, fill=SPRUCE, w=4)
    p.rect((1015, 300, 1045, 480), (250, 235, 200), w=3)
    p.rect((1005, 300, 1055, 345), (250, 235, 200), w=3)
    p.oval((1098, 322), 20, fill=RED, outline=INK, w=3)
    p.arrow((1125, 322), (1190, 322), fill=GREY, w=4, head=16)
    p.text((1085, 232), "zoom", 22, GREY)
    p.text((1085, 530), "e_foot", 20)
    p.text((1085, 560), "behind", 20, RED)


def _top_y(x):
    return 390 - 36 * math.sin(math.pi * (x - 180) / 800)


def _back_y(x):
    return 460 + 26 * math.sin(math.pi * (x - 180) / 800)


def _section(p, post="standing", labels=True, gap=None):
    """Side cut-away of the body. post: "standing", "fallen" or None."""
    xs = range(180, 981, 10)
    p.poly([(x, _back_y(x)) for x in xs] + [(x, _back_y(x) + 8) for x in reversed(xs)], MAPLE)
    p.rect((172, 388, 182, 462), MAPLE)
    p.rect((978, 388, 988, 462), MAPLE)
    for part in ([x for x in xs if x <= gap[0]], [x for x in xs if x >= gap[1]]) if gap else [xs]:
        p.poly([(x, _top_y(x)) for x in part] + [(x, _top_y(x) + 8) for x in reversed(part)], SPRUCE)
    p.poly([(40, 330), (300, 340), (300, 356), (180, 370), (40, 352)], DARK)
    p.poly([(600, 352), (640, 352), (628, 288), (612, 288)], (250, 235, 200))
    p.poly([(760, 338), (950, 352), (950, 366), (760, 352)], DARK)
    p.line([(950, 360), (990, 420)], INK, 3)
    p.line([(40, 322), (620, 285), (760, 336)], STEEL, 3)
    if post == "standing":
        p.rect((642, _top_y(649) + 8, 656, _back_y(649)), SPRUCE, w=3)
    elif post == "fallen":
        p.rect((560, _back_y(620) - 14, 677, _back_y(620)), SPRUCE, w=3)
    if labels:
        p.label((330, 250), "top", (420, _top_y(420)))
        p.label((330, 560), "back", (330, _back_y(330) + 8))
        p.label((560, 230), "bridge", (620, 300))
        p.label((880, 280), "tailpiece", (860, 350))
        p.text((180, 620), "section", 22, GREY, anchor="lm")


@drawing
def soundpost_section(p):
    _section(p)
    p.label((820, 560), "soundpost", (656, 430), RED, 30)


@drawing
def soundpost_fallen(p):
    _section(p, post="fallen")
    p.label((820, 560), "fallen", (677, 478), RED, 30)
    for dx in (-30, 0, 30):
        p.line([(618 + dx - 8, 442), (618 + dx, 452), (618 + dx + 8, 442)], BLUE, 3)
    p.label((1110, 420), "rattle", (650, 440), BLUE, 28)
    p.text((1060, 250), "thin_sound", 26, BLUE, bold=True)


@drawing
def loosen_strings(p):
    p.text((80, 215), "stop_playing", 30, RED, anchor="lm", bold=True)
    p.rect((150, 400, 520, 460), MAPLE)
    p.oval((125, 430), 48, fill=MAPLE)
    p.oval((125, 430), 18, fill=MAPLE)
    for i, x in enumerate((250, 320, 390, 460)):
        sign = -1 if i % 2 == 0 else 1
        p.line([(x, 430), (x, 430 + sign * 95)], INK, 8)
        p.oval((x, 430 + sign * 110), 24, 17, fill=DARK)
        p.arc_arrow((x, 430 + sign * 110), 40, 40, 300, ry=28, w=5, head=18)
        p.line([(x, 430), (520, 422 + i * 5), (600, 422 + i * 5)], STEEL, 3)
    p.label((330, 630), "loosen", (320, 585), BLUE)
    p.label((110, 300), "pegs", (250, 330))
    small = p.sub(0.6, 600, 150)
    _section(small, post=None, labels=False)
    small.line([(560, _top_y(560) + 14), (620, _top_y(620) + 30), (680, _top_y(680) + 14)], RED, 6)
    for x in (590, 650):
        small.arrow((x, 190), (x, 270), fill=RED, w=10, head=36)
    p.text((930, 480), "pushes_in", 22, RED)


@drawing
def violin_case(p):
    p.rect((110, 250, 760, 580), DARK, r=70)
    p.rect((135, 275, 735, 555), (60, 80, 140), r=55)
    p.rect((380, 226, 480, 252), DARK, r=8)
    _, _, post = _violin_top(p, 365, 415, 300)
    p.label((440, 630), "post_stays", post, RED)
    p.text((200, 210), "case", 26)
    p.arrow((790, 415), (880, 415))
    p.person((1000, 420))
    p.text((1000, 560), "teacher", 28, bold=True)


@drawing
def violin_maker(p):
    reasons = [("child_instrument", (200, 300)), ("unsure", (460, 300)), ("crack", (200, 500)), ("no_fit", (460, 500))]
    p.person((200, 320), 0.55)
    p.oval((460, 290), 46, fill=WHITE, w=5)
    p.text((460, 292), "?", 56, BLUE, bold=True, box=False)
    p.rect((140, 460, 260, 530), SPRUCE, r=20)
    p.line([(170, 470), (190, 495), (180, 505), (205, 525)], RED, 5)
    p.rect((400, 455, 520, 465), MAPLE)
    p.rect((400, 530, 520, 540), MAPLE)
    p.rect((452, 478, 468, 530), SPRUCE, w=3)
    p.cross((495, 495), 18, 6)
    for key, (x, y) in reasons:
        p.text((x, y + 80), key, 24, bold=True)
    p.arrow((600, 420), (760, 420), w=10, head=34)
    p.poly([(800, 330), (960, 230), (1120, 330)], (200, 60, 50))
    p.rect((820, 330, 1100, 560), (250, 240, 225))
    p.rect((930, 450, 990, 560), MAPLE)
    _violin_top(p.sub(0.22, 865, 298), 330, 420, 500)
    p.text((960, 610), "maker", 28, bold=True)


@drawing
def soundpost_setter(p):
    p.rect((250, 240, 274, 400), SPRUCE, w=3)
    p.tube([(300, 300), (340, 330), (380, 375), (430, 395), (880, 395), (940, 410), (975, 450), (985, 490)], 9, STEEL)
    p.poly([(268, 292), (304, 292), (304, 308)], STEEL, INK, 3)
    p.arc_arrow((985, 510), 22, 160, 380, fill=STEEL, w=8, head=1)
    p.label((420, 260), "point", (280, 296))
    p.line([(235, 240), (235, 293)], BLUE, 5)
    p.text((222, 266), "third", 22, BLUE, anchor="rm")
    p.label((160, 460), "soundpost", (252, 380), RED)
    p.text((660, 450), "setter", 28)
    p.rect((720, 215, 1210, 330), WHITE, RED, 5, r=14)
    p.text((965, 252), "adults_only", 26, RED, bold=True, box=False)
    p.text((965, 295), "not_children", 26, RED, bold=True, box=False)


@drawing
def setter_in_body(p):
    _section(p, post=None, labels=False, gap=(540, 580))
    bottom, top = (600, _back_y(600)), (540, _back_y(600) - 110)
    p.tube([bottom, top], 12, SPRUCE)
    grip = (top[0] + (bottom[0] - top[0]) / 3, top[1] + (bottom[1] - top[1]) / 3)
    p.tube([grip, (560, 340), (530, 250), (430, 205)], 7, STEEL)
    for y in range(int(_top_y(649) + 8), int(_back_y(649)), 16):
        p.line([(642, y), (642, y + 8)], GREEN, 3)
        p.line([(656, y), (656, y + 8)], GREEN, 3)
    p.arc_arrow(bottom, 105, 122, 80, fill=GREEN, w=5, head=18)
    p.label((300, 560), "at_angle", (560, 430), BLUE)
    p.label((850, 560), "upright", (656, 440), GREEN)
    p.label((330, 230), "f_hole", (560, 365))
    p.label((760, 230), "bridge", (622, 300))
    p.text((1010, 300), "adults_only", 22, RED, bold=True)
    p.text((1010, 620), "force_stop", 28, RED, bold=True)
