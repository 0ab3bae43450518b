from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from samenspel.activities.importing import MAX_ROWS, MAX_UPLOAD_BYTES
from samenspel.core.forms import FieldMessagesMixin


def _limits() -> dict[str, str]:
    return {
        "size": str(MAX_UPLOAD_BYTES // (1024 * 1024)),
        "rows": f"{MAX_ROWS:,}".replace(",", "."),
    }


class ActivityUploadForm(FieldMessagesMixin, forms.Form):
    file = forms.FileField(
        label=_lazy("Bestand met activiteiten"),
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv,.txt"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            _(
                "Een Excelbestand (.xlsx) of een CSV-bestand met puntkomma's, met de kolommen "
                "van het voorbeeldbestand. Hoogstens %(size)s MB en %(rows)s rijen."
            )
            % _limits()
        )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(size)s MB. Splits het in kleinere bestanden.")
                % _limits()
            )
        return upload
