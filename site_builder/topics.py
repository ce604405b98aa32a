"""The pillars and cross-cutting topics that plan themes and activities are tagged with."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    id: str
    vi: str
    en: str
    abbr: str
    """Short code shown on tags (APSC, AEC, ASCC for the three Community pillars)."""
    pillar: bool
    """True for the three ASEAN Community pillars, false for cross-cutting topics."""

    def name(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


TOPICS: tuple[Topic, ...] = (
    Topic("political-security", "Trụ cột Chính trị - An ninh", "Political-Security pillar", "APSC", True),
    Topic("economic", "Trụ cột Kinh tế", "Economic pillar", "AEC", True),
    Topic("socio-cultural", "Trụ cột Văn hóa - Xã hội", "Socio-Cultural pillar", "ASCC", True),
    Topic("covid-19", "Hợp tác ASEAN ứng phó COVID-19", "ASEAN cooperation on COVID-19 response", "COVID-19", False),
    Topic("tourism", "Du lịch", "Tourism", "DL/TOUR", False),
    Topic("identity", "Bản sắc ASEAN", "ASEAN identity", "ID", False),
    Topic("connectivity", "Kết nối", "Connectivity", "CONN", False),
)
TOPIC_BY_ID = {t.id: t for t in TOPICS}
