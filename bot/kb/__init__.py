"""The knowledge base: YAML in knowledge/ → validated → SQL database → queries."""

from .queries import KnowledgeBase, KnowledgeBaseMissing

__all__ = ["KnowledgeBase", "KnowledgeBaseMissing"]
