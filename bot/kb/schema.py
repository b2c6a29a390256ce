"""SQLAlchemy tables of the knowledge base. Works on SQLite and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CitationColumns:
    """Where a record stands in its source: printed under every answer."""

    source_id: Mapped[str] = mapped_column(String(64))
    section_path: Mapped[list] = mapped_column(JSON)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    file: Mapped[str | None] = mapped_column(Text, nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The document's own link: where every "Bron:" line for this document points.
    url: Mapped[str | None] = mapped_column(Text, nullable=True)


class Werkwijze(CitationColumns, Base):
    __tablename__ = "werkwijzen"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer)
    wat: Mapped[str] = mapped_column(Text)
    waarom: Mapped[str] = mapped_column(Text)
    samenwerken: Mapped[str | None] = mapped_column(Text, nullable=True)
    voorwaarden: Mapped[str | None] = mapped_column(Text, nullable=True)
    quotes: Mapped[list] = mapped_column(JSON)
    keywords: Mapped[list] = mapped_column(JSON)


class HoeBlock(CitationColumns, Base):
    __tablename__ = "hoe_blocks"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    werkwijze_id: Mapped[str] = mapped_column(ForeignKey("werkwijzen.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    intro: Mapped[str | None] = mapped_column(Text, nullable=True)
    points: Mapped[list] = mapped_column(JSON)
    age_groups: Mapped[list] = mapped_column(JSON)
    mentions: Mapped[list] = mapped_column(JSON)


class Need(Base):
    __tablename__ = "needs"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    synonyms: Mapped[list] = mapped_column(JSON)


class Fund(CitationColumns, Base):
    __tablename__ = "funds"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    min_age: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_age: Mapped[float | None] = mapped_column(Float, nullable=True)
    age_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    applicants: Mapped[list] = mapped_column(JSON)
    how_to_apply: Mapped[str | None] = mapped_column(Text, nullable=True)
    local_conditions: Mapped[str | None] = mapped_column(Text, nullable=True)
    gemeente: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Normalised gemeente, indexed: national funds have NULL.
    gemeente_key: Mapped[str | None] = mapped_column(String(120), nullable=True, index=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    keywords: Mapped[list] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer)


class FundNeed(Base):
    __tablename__ = "fund_needs"
    need_id: Mapped[str] = mapped_column(ForeignKey("needs.id"), primary_key=True)
    fund_id: Mapped[str] = mapped_column(ForeignKey("funds.id"), primary_key=True)


class FundApplicant(Base):
    __tablename__ = "fund_applicants"
    fund_id: Mapped[str] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    applicant: Mapped[str] = mapped_column(String(32), primary_key=True)


class Signal(CitationColumns, Base):
    __tablename__ = "signals"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    target: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    age_groups: Mapped[list] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer)


class Instrument(CitationColumns, Base):
    __tablename__ = "instruments"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    age_groups: Mapped[list] = mapped_column(JSON)
    min_age: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_age: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    keywords: Mapped[list] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer)


class Entry(CitationColumns, Base):
    """Interventies, organisaties, voorbeelden, aanpakken, feiten and achtergrond."""

    __tablename__ = "entries"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    points: Mapped[list] = mapped_column(JSON)
    age_groups: Mapped[list] = mapped_column(JSON)
    gemeente: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    keywords: Mapped[list] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer)


class ExtraCitation(Base):
    """Further places in the sources where a record's subject appears (`zie_ook`)."""

    __tablename__ = "extra_citations"
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(160), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(String(64))
    section_path: Mapped[list] = mapped_column(JSON)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)


class SearchPosting(Base):
    """Inverted index for free-text search: a term key, a record and a weight."""

    __tablename__ = "search_postings"
    term: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(160), primary_key=True)
    weight: Mapped[float] = mapped_column(Float)


class SearchTerm(Base):
    __tablename__ = "search_terms"
    term: Mapped[str] = mapped_column(String(120), primary_key=True)
    idf: Mapped[float] = mapped_column(Float)


class LoadInfo(Base):
    """One row: what was loaded and when, so `kb stats` and `make run` can tell."""

    __tablename__ = "load_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[str] = mapped_column(String(40))


Index("ix_fund_needs_fund", FundNeed.fund_id)
Index("ix_fund_applicants_applicant", FundApplicant.applicant)

ALL_TABLES = [t for t in Base.metadata.sorted_tables]
