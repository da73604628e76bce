"""Step two of three: each action's review becomes its source, and each action gets one owner.

A separate migration from the schema changes either side, so that on PostgreSQL the rows are
updated in their own transaction (an ALTER TABLE after updating rows in the same transaction
fails with "pending trigger events")."""

from django.db import migrations
from django.db.models import F


def copy_review_into_source(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Action = apps.get_model("reviews", "Action")
    db = schema_editor.connection.alias
    # On a new database the content types are made after migrating, so this may be the first.
    review_type, _ = ContentType.objects.db_manager(db).get_or_create(app_label="reviews", model="review")
    actions = Action.objects.using(db)
    actions.update(source_type=review_type, source_id=F("review_id"))
    # An action now has exactly one owner. Where a professional was chosen and an organisation
    # typed too, the professional was the owner shown everywhere, so the unseen organisation goes.
    actions.filter(owner_professional__isnull=False).exclude(owner_organisation="").update(owner_organisation="")
    # Rows written in bulk (not through the pages or the API) could have no owner at all.
    actions.filter(owner_professional__isnull=True, owner_organisation="").update(owner_organisation="Not recorded")


def copy_source_into_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Action = apps.get_model("reviews", "Action")
    db = schema_editor.connection.alias
    review_type = ContentType.objects.db_manager(db).filter(app_label="reviews", model="review").first()
    # Actions raised by anything other than a review have nowhere to go: unapplying then stops at
    # step one, where the review is required again, rather than losing them.
    Action.objects.using(db).filter(source_type=review_type).update(review_id=F("source_id"))


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0002_action_source_and_staff_owner'),
    ]

    operations = [
        migrations.RunPython(copy_review_into_source, copy_source_into_review),
    ]
