"""The reader budgets of bench/budgets.toml, on the real site, on every test run: bytes of
every page, an index per language that stays small. (No page loads anything from another
host: tests/test_site.py. The long benchmark: ./scripts/benchmark.)"""

from __future__ import annotations

import tomllib

from orkest.testing import ROOT, built_pages
from orkest.testing.page_weight import first_load_bytes

BUDGETS = tomllib.loads((ROOT / "bench" / "budgets.toml").read_text(encoding="utf-8"))
KB = 1024


def over_budget(site_root) -> list[str]:
    reader = BUDGETS["reader"]
    problems = []
    for page in built_pages(site_root):
        sizes = first_load_bytes(page)
        name = page.relative_to(site_root)
        if sizes["html"] > reader["max_html_gzip_kb"] * KB:
            problems.append(f"{name}: HTML is {sizes['html'] / KB:.1f} KB gzip "
                            f"(budget {reader['max_html_gzip_kb']} KB)")
        if sum(sizes.values()) > reader["max_first_load_gzip_kb"] * KB:
            problems.append(f"{name}: first load is {sum(sizes.values()) / KB:.1f} KB gzip "
                            f"(budget {reader['max_first_load_gzip_kb']} KB)")
    return problems


def test_every_page_keeps_to_the_reader_budgets(site):
    assert over_budget(site.root) == []


def test_a_page_over_budget_is_named_with_its_size(tmp_path):
    page = tmp_path / "financiering" / "index.html"
    page.parent.mkdir()
    filler = " ".join(f"<p>{n * 7919 % 104729}</p>" for n in range(40_000))  # barely compressible
    page.write_text(f"<html><body>{filler}</body></html>", encoding="utf-8")
    problems = over_budget(tmp_path)
    assert any(p.startswith("financiering/index.html: HTML is ") and "(budget 30 KB)" in p for p in problems)
    assert any(p.startswith("financiering/index.html: first load is ") for p in problems)
