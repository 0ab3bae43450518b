"""Activities from a spreadsheet (.xlsx or CSV as Dutch users save it): read, check every row
against the coalition's data, show a preview, then commit all rows at once or nothing.

    batch = preview_import(coalition, uploaded_file_or_bytes, "activiteiten.csv", acting_user=user)
    batch.error_count, error_messages(batch)   # ["Rij 7, kolom 'kosten': 'twee euro' is geen …"]
    commit_import(batch, acting_user=user)

or both at once: `import_activities(coalition, uploaded_file_or_bytes, filename, user)`.
"""

from samenspel.activities.importing.reading import MAX_ROWS, MAX_UPLOAD_BYTES, ImportRefused
from samenspel.activities.importing.service import (
    batch_or_404,
    batches_of,
    commit_import,
    discard_import,
    error_messages,
    import_activities,
    preview_import,
    row_errors,
)

__all__ = [
    "MAX_ROWS",
    "MAX_UPLOAD_BYTES",
    "ImportRefused",
    "batch_or_404",
    "batches_of",
    "commit_import",
    "discard_import",
    "error_messages",
    "import_activities",
    "preview_import",
    "row_errors",
]
