"""Exports that leave the bureau: the case compilation (DOCX, PDF) and the work ledger (XLSX).

Every exporter is handed the public view of the data (``visibility.public_view``), never
the full dataset.
"""


class ExportError(RuntimeError):
    """A reason the export cannot be made here, said in Chinese for the person running it."""
