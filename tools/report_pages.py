"""Page images of a Vietnamese yearly report for the editors' guide (content/<lang>/guide/img/).

Usage: ``python tools/report_pages.py``. Writes the 2022 report of Sóc Trăng's Department
of Information and Communications from the example records, converts the Vietnamese
.docx to PDF with LibreOffice headless (a throwaway profile) and renders its first and
last pages in grey with ``pdftoppm`` (Debian's poppler-utils), small enough for the site.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from site_builder.loader import check_dataset  # noqa: E402 - after the path is set
from site_builder.report import write_reports  # noqa: E402

PLAN, YEAR, AGENCY = "soc-trang-2022", 2022, "soc-trang-so-thong-tin-va-truyen-thong"
DPI = 80


def main() -> None:
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} missing: apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils")
    data, problems = check_dataset(ROOT)
    if data is None:
        sys.exit("\n".join(p.format() for p in problems.errors))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        docx = next(p for p in write_reports(data, PLAN, YEAR, out, AGENCY) if p.name.endswith(".vi.docx"))
        subprocess.run(["soffice", f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out), str(docx)], check=True, capture_output=True)
        pdf = docx.with_suffix(".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        last = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        for name, page in (("report-page-1.png", 1), ("report-page-last.png", last)):
            base = out / f"page-{page}"
            subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                            "-png", str(pdf), str(base)], check=True)
            for lang in ("vi", "en"):
                target = ROOT / "content" / lang / "guide" / "img" / name
                shutil.copyfile(base.with_suffix(".png"), target)
                print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
