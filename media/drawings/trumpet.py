"""Trumpet drawings: oiling the valves (docs/instrumenten/trompet-ventielen-olien.md)."""

import math

from .pen import (
    BLUE,
    BRASS,
    CLOTH,
    GREEN,
    GREY,
    INK,
    RED,
    SHINE,
    STEEL,
    WHITE,
    _rotate,
    drawing,
)


def _casing(p, x, top, h=220, w=84, valve="in", lift=0, cap_gap=0, number=None):
    """A valve casing from the side. valve: "in", "lift" (pulled up by `lift`) or "out"."""
    p.rect((x - w / 2, top, x + w / 2, top + h), BRASS)
    p.rect((x - w / 2 - 6, top + h, x + w / 2 + 6, top + h + 22), BRASS, r=4)
    p.rect((x - w / 2 - 4, top - 10, x + w / 2 + 4, top), BRASS)
    if number:
        p.oval((x, top + h + 60), 24, fill=WHITE, w=3)
        p.text((x, top + h + 60), number, 28, bold=True, box=False)
    if valve == "out":
        p.oval((x, top - 10), w / 2 - 8, 8, fill=INK)
        return
    if valve == "lift":
        p.rect((x - w / 2 + 10, top - 10 - lift, x + w / 2 - 10, top - 10), SHINE)
        for y in range(int(top - lift + 20), int(top - 20), 45):
            p.oval((x, y), 12, 8, fill=GREY)
    _cap(p, x, top - 10 - (lift if valve == "lift" else 0) - cap_gap, w)


def _cap(p, x, bottom, w):
    """Top cap with the stem and finger button on it."""
    p.rect((x - 5, bottom - 80, x + 5, bottom - 26), STEEL)
    p.oval((x, bottom - 84), 30, 9, fill=SHINE)
    p.rect((x - w / 2 - 6, bottom - 26, x + w / 2 + 6, bottom), BRASS, r=5)
    for dx in range(int(-w / 2), int(w / 2) + 1, 12):
        p.line([(x + dx, bottom - 22), (x + dx, bottom - 4)], INK, 2)


def _piston(p, x, bottom, length, number, w=84):
    p.rect((x - w / 2 + 10, bottom - length, x + w / 2 - 10, bottom), SHINE, r=6)
    p.oval((x, bottom - length * 0.3), 12, 8, fill=GREY)
    p.text((x, bottom - length * 0.65), number, 30, bold=True, box=False)
    _cap(p, x, bottom - length, w)


def _cap_top(p, c, r=120):
    """A valve cap seen from above, with knurling and the finger button."""
    p.oval(c, r, fill=BRASS)
    for a in range(0, 360, 12):
        u = (math.cos(math.radians(a)), math.sin(math.radians(a)))
        p.line([(c[0] + u[0] * (r - 12), c[1] + u[1] * (r - 12)), (c[0] + u[0] * r, c[1] + u[1] * r)], INK, 2)
    p.oval(c, r * 0.4, fill=SHINE)


def _trumpet_line(p, y, x0=90, x1=1000):
    """A schematic trumpet body: mouthpiece left, a pipe behind the valves, bell right."""
    p.tube([(x0 + 50, y), (x1, y)], 16)
    p.poly([(x0, y - 16), (x0 + 55, y - 8), (x0 + 55, y + 8), (x0, y + 16)], BRASS)
    flare = [(x1 + t, y - 10 - 110 * (t / 180) ** 2.5) for t in range(0, 181, 10)]
    p.poly(flare + [(x, 2 * y - yy) for x, yy in reversed(flare)], BRASS)


@drawing
def oil_supplies(p):
    p.rect((80, 470, 1200, 600), CLOTH, r=10)
    for x in (110, 130, 1150, 1170):
        p.line([(x, 470), (x, 600)], BLUE, 4)
    p.rect((270, 330, 390, 500), (250, 215, 110), r=14)
    p.poly([(270, 340), (310, 290), (350, 290), (390, 340)], (250, 215, 110))
    p.rect((315, 250, 345, 292), RED, r=4)
    p.poly([(322, 250), (330, 215), (338, 250)], WHITE)
    p.text((330, 420), "valve_oil", 22, bold=True)
    p.text((330, 560), "one_kind", 26, BLUE, bold=True)
    p.poly([(600, 505), (640, 440), (760, 430), (880, 450), (910, 515), (850, 540), (700, 545)], (200, 230, 205))
    p.line([(650, 470), (860, 480)], GREY, 3)
    p.text((760, 395), "cloth", 28)
    p.label((1030, 400), "towel", (1030, 500), size=28)


@drawing
def trumpet_overview(p):
    _trumpet_line(p, 470)
    for i, x in enumerate((430, 560, 690)):
        _casing(p, x, 330, h=200, w=76, number=str(i + 1))
    p.rect((375, 225, 485, 620), None, BLUE, 5, r=14)
    p.text((430, 205), "start_here", 26, BLUE, bold=True)
    p.text((760, 240), "one_at_a_time", 26, anchor="lm")
    p.label((140, 580), "mouthpiece", (120, 488))
    p.label((1090, 640), "bell_tr", (1100, 560))


def _cap_turn(p, clockwise):
    _casing(p, 330, 360, h=200, w=96, cap_gap=0 if clockwise else 22)
    a0, a1 = (-20, -160) if clockwise else (-160, -20)
    p.arc_arrow((330, 318), 92, a0, a1, ry=30)
    p.label((140, 270), "cap", (270, 300))
    p.label((150, 500), "casing", (282, 470))
    _cap_top(p, (860, 420))
    p.arc_arrow((860, 420), 165, *((120, -150) if clockwise else (-150, 120)))
    p.text((860, 225), "from_above", 24, GREY)
    p.text((860, 620), "clockwise" if clockwise else "anticlockwise", 30, BLUE, bold=True)


@drawing
def unscrew_cap(p):
    _cap_turn(p, clockwise=False)
    p.text((330, 630), "no_force", 26)


@drawing
def cap_tighten(p):
    _cap_turn(p, clockwise=True)
    p.arrow((430, 230), (430, 290), w=6)
    p.arrow((455, 290), (455, 230), w=6)
    p.text((480, 260), "press", 24, anchor="lm")
    p.text((330, 630), "hand_tight", 26, GREEN, bold=True)


@drawing
def valve_oil(p):
    _casing(p, 420, 400, h=200, w=90, valve="lift", lift=130)
    p.line([(330, 390), (330, 260)], BLUE, 4)
    p.line([(318, 390), (342, 390)], BLUE, 4)
    p.line([(318, 260), (342, 260)], BLUE, 4)
    p.text((305, 310), "halfway", 28, BLUE, anchor="rm", bold=True)
    p.text((305, 350), "not_out", 24, anchor="rm")
    bottle = [(-30, -150), (30, -150), (30, -60), (10, -35), (4, 0), (-4, 0), (-10, -35), (-30, -60)]
    p.poly([(x + 520, y + 262) for x, y in _rotate(bottle, (0, 0), 65)], (250, 215, 110))
    for i, c in enumerate([(500, 292), (478, 318), (456, 344)]):
        p.drop(c, 10 - i)
    p.label((700, 300), "drops", (505, 298))
    p.label((700, 480), "shiny_part", (440, 370))


@drawing
def valve_numbers(p):
    _trumpet_line(p, 520, x1=700)
    _casing(p, 360, 440, h=150, w=76, valve="out", number="1")
    for x, n in ((490, "2"), (620, "3")):
        _casing(p, x, 440, h=150, w=76, number=n)
    _piston(p, 360, 380, 110, "1", w=76)
    p.arrow((260, 300), (260, 410))
    p.text((245, 250), "straight", 26, BLUE, bold=True)
    p.text((420, 300), "same_number", 24, GREEN, anchor="lm", bold=True)
    p.line([(930, 230), (930, 640)], GREY, 2)
    _casing(p, 1080, 440, h=150, w=76, valve="out", number="3")
    _piston(p, 1080, 380, 110, "2", w=76)
    p.cross((1080, 500), 40)
    p.text((1080, 568), "wrong_casing", 22, RED, bold=True)
    p.label((160, 630), "mouthpiece", (125, 535))


def _top_view(p, c, guide_deg):
    p.oval(c, 115, fill=BRASS)
    p.oval(c, 90, fill=SHINE)
    p.rect((c[0] - 13, c[1] - 118, c[0] + 13, c[1] - 86), INK, INK)
    a = math.radians(guide_deg)
    tab = [(c[0] + r * math.cos(a + da), c[1] - r * math.sin(a + da)) for r, da in
           ((80, -0.09), (108, -0.09), (108, 0.09), (80, 0.09))]
    p.poly(tab, BLUE)


@drawing
def valve_click(p):
    _top_view(p, (380, 430), 140)
    p.arc_arrow((380, 430), 150, 150, 95, fill=BLUE)
    p.arc_arrow((380, 430), 168, 95, 150, fill=BLUE)
    p.label((150, 300), "guide", (300, 365), fill=BLUE)
    p.label((560, 270), "slot", (385, 320))
    p.text((380, 625), "not_yet", 26)
    _top_view(p, (900, 430), 90)
    p.text((1070, 300), "click", 40, GREEN, bold=True)
    p.check((1080, 380), 34)
    p.text((640, 225), "from_above", 24, GREY)


@drawing
def three_caps(p):
    for i, x in enumerate((330, 640, 950)):
        _cap_top(p, (x, 400), 95)
        p.text((x, 400), str(i + 1), 44, bold=True, box=False)
        p.check((x + 85, 300), 26)
        if i:
            p.arrow((x - 190, 400), (x - 118, 400))
    p.arrow((420, 560), (420, 620), w=6)
    p.arrow((445, 620), (445, 560), w=6)
    p.text((475, 590), "test", 28, anchor="lm")


@drawing
def stop_pliers(p):
    p.text((230, 340), "cap_stuck", 30, anchor="mm", bold=True)
    p.text((230, 430), "valve_jams", 30, anchor="mm", bold=True)
    p.arrow((390, 385), (470, 385))
    octagon = [(630 + 130 * math.cos(math.radians(22.5 + 45 * i)),
                390 + 130 * math.sin(math.radians(22.5 + 45 * i))) for i in range(8)]
    p.poly(octagon, RED, WHITE, 8)
    p.text((630, 390), "STOP", 54, WHITE, bold=True, box=False)
    p.text((630, 575), "ask_help", 30, bold=True)
    p.poly([(1000, 400), (970, 260), (1000, 250)], STEEL)
    p.poly([(1000, 400), (1030, 260), (1000, 250)], STEEL)
    p.tube([(990, 410), (940, 560)], 22, BLUE)
    p.tube([(1010, 410), (1060, 560)], 22, BLUE)
    p.oval((1000, 400), 16, fill=STEEL)
    p.cross((1000, 410), 110, 14)
    p.text((1000, 600), "never_pliers", 30, RED, bold=True)
