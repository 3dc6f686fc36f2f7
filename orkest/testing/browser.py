"""Checks run inside a page open in Chromium: axe-core's accessibility rules and the
Content-Security-Policy violations the page reported. Each returns problems naming the page."""

from __future__ import annotations

from orkest.testing import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what Dutch public-sector sites must meet (and more).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Installed in every tab before any page script: remembers what the policy blocked.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


def wait_until_still(page, seconds: float = 5.0) -> None:
    """Until no transition or animation runs: axe reads colours as drawn, and mid-fade text is paler
    than it will be. Polled with evaluate: the page's policy refuses wait_for_function's eval."""
    for _ in range(int(seconds / 0.05)):
        if page.evaluate("document.getAnimations().filter(a => a.playState === 'running').length") == 0:
            return
        page.wait_for_timeout(50)


def axe_problems(page, where: str, tags: list[str] = AXE_TAGS, selector: str | None = None) -> list[str]:
    """axe-core's violations on the open page, one line each: page, rule, help, elements."""
    wait_until_still(page)
    if not AXE.exists():
        raise AssertionError("axe-core missing: run ./scripts/test (it runs npm ci)")
    # Evaluated, not added as a <script>: the page's own policy would rightly refuse that.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    context = {"include": [selector]} if selector else "document"
    result = page.evaluate(
        "([context, tags]) => axe.run(context === 'document' ? document : context,"
        " {runOnly: {type: 'tag', values: tags}})",
        [context, tags],
    )
    return [
        f"{where}: {violation['id']}: {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


def csp_problems(page, where: str) -> list[str]:
    return [f"{where}: {violation}" for violation in page.evaluate("window.__cspViolations || []")]
