from django.db import migrations


def load_bundled(apps, schema_editor):
    from samenspel.coalitions.municipalities import BUNDLED, read_rows

    Municipality = apps.get_model("coalitions", "Municipality")
    for code, name, fictional in read_rows(BUNDLED.read_bytes()):
        Municipality.objects.update_or_create(code=code, defaults={"name": name, "is_fictional": fictional})


class Migration(migrations.Migration):
    dependencies = [("coalitions", "0001_initial")]
    operations = [migrations.RunPython(load_bundled, migrations.RunPython.noop)]
