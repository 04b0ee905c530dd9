"""Article -> Annotation: people, speakers with their quotes, events and topics, by an ordered list of
small components (pipeline.py) over one document (doc.py). English text gets the English model's named
entities; every language gets knowledge-base spellings, quotation marks and its own words (builder.lang)."""

from builder.annotate.doc import Doc, Quotation, body_text
from builder.annotate.pipeline import Annotator, assemble

__all__ = ["Annotator", "Doc", "Quotation", "assemble", "body_text"]
