"""No half-written sites, byte-identical builds, data always escaped in pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import ROOT, MiniProject, TinyBuilds

from site_builder.apps import build as build_module
from site_builder.apps.build import build_site

pytestmark = pytest.mark.site


def tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("failure", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_failure_half_way_leaves_the_previous_site(tiny: MiniProject, tiny_builds: TinyBuilds,
                                                  monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    out = tiny.root / "site"
    tiny_builds.build(tiny, out, site_url="http://127.0.0.1:9/")
    before = tree(out)
    tiny.replace("plans/soc-trang-2022.yaml", "Kế hoạch năm 2022", "Kế hoạch năm 2022 (sửa)")

    def broken(*args: object, **kwargs: object) -> None:
        raise failure

    # Both languages are built by then: the failure hits a half-written staging folder.
    monkeypatch.setattr(build_module, "write_exports", broken)
    with pytest.raises(type(failure)):
        build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    assert tree(out) == before
    assert sorted(p.name for p in tiny.root.iterdir() if p.name.startswith(".site")) == []


def test_two_builds_of_one_commit_are_byte_identical(built_site: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Also with the theme's fragment cache turned off in the second build: the cached
    navigation must be exactly what each page would have rendered itself."""
    from conftest import SITE_URL

    monkeypatch.setenv("ASEAN_NO_FRAGMENT_CACHE", "1")
    again = tmp_path / "again"
    build_site(ROOT, again, site_url=SITE_URL)
    first, second = tree(built_site), tree(again)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_data_is_escaped_in_pages(tiny: MiniProject) -> None:
    """Markup in data shows as text: through bilingual texts and through plain fields alike."""
    tiny.replace("plans/soc-trang-2022.yaml", 'en: "2022 plan"', 'en: "2022 plan <b>bold</b> & \\"quoted\\""')
    tiny.replace("plans/soc-trang-2022.yaml", 'number_as_printed: "Số: /KH-UBND"',
                 'number_as_printed: "Số: <i>x</i>/KH-UBND"')
    out = tiny.root / "site"
    build_site(tiny.root, out, site_url="http://127.0.0.1:9/")
    for page in ("en/plans/index.html", "en/units/soc-trang/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "<b>bold</b>" not in html
        assert "2022 plan &lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34;" in html, page
    plan = (out / "vi/plans/soc-trang-2022/text/index.html").read_text(encoding="utf-8")
    assert "<i>x</i>" not in plan
    assert "Số: &lt;i&gt;x&lt;/i&gt;/KH-UBND" in plan
