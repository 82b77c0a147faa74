# AssignmentFile and SubmissionFile now share an abstract base (seminars.models.AttachedFile): only `upload_to`
# changes, which the database never sees, so the state alone is altered (SQLite would otherwise rebuild both tables).

import seminars.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('seminars', '0002_library_document_blocks'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.AlterField(
                model_name='assignmentfile',
                name='file',
                field=models.FileField(max_length=300, upload_to=seminars.models.attached_file_path),
            ),
            migrations.AlterField(
                model_name='submissionfile',
                name='file',
                field=models.FileField(max_length=300, upload_to=seminars.models.attached_file_path),
            ),
        ], database_operations=[]),
    ]
