"""The address a build is published at, decided once and refused before anything is
written when it cannot be published.

Every absolute link of the site (embed codes, feeds, the API, canonical links, the
sitemap) is made from this address (:class:`site_builder.core.urls.SiteUrls`), so a build
for the wrong one is worse than no build: copied to a real host, those links lead nowhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from site_builder.apps.errors import AddressError
from site_builder.core.problems import InputError, Problem
from site_builder.core.urls import DEFAULT_SITE_URL, base_url, configured_address, is_preview_address, placeholder_problem
from site_builder.derive.project import Project
from site_builder.inputs.siteconfig import unit_urls

PREVIEW_TARGETS = (
    "mã nhúng và tài liệu oEmbed (embed/), liên kết canonical và hreflang cùng thẻ xem trước liên kết (og:, twitter:) "
    "của mọi trang, sitemap.xml và "
    "robots.txt, bản tin Atom (feed.xml, feeds/) và các liên kết trong API (api/v1/)",
    "the embed codes and oEmbed documents (embed/), every page's canonical and hreflang links and link-preview tags "
    "(og:, twitter:), sitemap.xml "
    "and robots.txt, the Atom feeds (feed.xml, feeds/) and the links in the API (api/v1/)",
)
"""Where a build writes the site's full address (checked against a build by the tests)."""


def address_problem(base: str) -> tuple[str, str] | None:
    """Why the address ``base`` cannot be published, in Vietnamese and in English, or
    ``None`` when it can. Such an address (none given, one of this computer, or not a
    full web address) is written into embed codes, feeds and the API, which then lead
    nowhere once the folder is copied to a real host; a preview is the one use for it."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (f"SITE_URL '{base}' không phải một địa chỉ web đầy đủ (https://…)",
                f"SITE_URL '{base}' is not a full web address (https://…)")
    if base == DEFAULT_SITE_URL:
        return (f"chưa đặt SITE_URL nên trang dùng địa chỉ xem thử {base}",
                f"SITE_URL is not set, so the site uses the preview address {base}")
    if is_preview_address(base):
        return (f"SITE_URL {base} là một địa chỉ chỉ có trên máy này",
                f"SITE_URL {base} is an address of this computer only")
    return None


EXAMPLE_URL = "https://<portal-domain>/asean/"
"""The address in the messages' example command: a template to fill in, since a real-looking
example host (``example.gov.vn``) would itself be refused as a placeholder."""


def preview_warning(base: str) -> str | None:
    """The warning a build for ``base`` prints when that address cannot be published."""
    problem = address_problem(base)
    if problem is None:
        return None
    vi, en = problem
    return (
        f"CẢNH BÁO: {vi}. Địa chỉ này được ghi vào {PREVIEW_TARGETS[0]}: chép bản dựng này lên máy chủ thật "
        "thì các liên kết đó không dẫn tới đâu. Chỉ dùng nó để xem trên máy; trước khi đăng, hãy dựng lại: "
        f"SITE_URL={EXAMPLE_URL} python -m site_builder build --strict\n"
        f"    WARNING: {en}. That address is written into {PREVIEW_TARGETS[1]}: copied to a real server, "
        "those links lead nowhere. Use this build for a preview only; before publishing, build again: "
        f"SITE_URL={EXAMPLE_URL} python -m site_builder build --strict"
    )


def require_address(base: str) -> None:
    """Refuse, before anything is written, a build for publishing whose address is not one,
    or is the placeholder of an example (:func:`site_builder.core.urls.placeholder_problem`)."""
    problem = address_problem(base) or placeholder_problem(base)
    if problem is not None:
        vi, en = problem
        raise AddressError(
            f"bản dựng để đăng (--strict) cần địa chỉ công bố: {vi}, và địa chỉ đó sẽ nằm trong {PREVIEW_TARGETS[0]}. "
            f"Hãy đặt SITE_URL (ví dụ SITE_URL={EXAMPLE_URL}) hoặc --site-url\n"
            f"    a build for publishing (--strict) needs the published address: {en}, and that address would be "
            f"in {PREVIEW_TARGETS[1]}. Set SITE_URL (for example SITE_URL={EXAMPLE_URL}) or --site-url"
        )


def unit_base(project: Project, unit: str | None, site_url: str | None) -> str:
    """The address of a unit's build: ``--site-url``, ``SITE_URL``, the unit's address in
    ``mkdocs.yml`` (maintainers only; never ``plans/units.yaml``, which every editor can
    change), or local (a preview build)."""
    if configured_address(site_url) is None and unit:
        try:
            address = unit_urls(project.root).get(unit)
        except ValueError as exc:
            raise InputError([Problem("mkdocs.yml", 0, 0, "plugins.asean.unit_urls", str(exc), str(exc))]) from None
        if address:
            return base_url(address)
    return base_url(site_url)
