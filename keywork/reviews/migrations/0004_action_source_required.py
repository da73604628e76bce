"""Step three of three: the source replaces the review, an action has exactly one owner, and a
person's (and a professional's) actions are no longer named as C(E)TR actions only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0003_copy_review_into_source'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='action',
            name='review',
        ),
        migrations.AlterField(
            model_name='action',
            name='source_type',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype'),
        ),
        migrations.AlterField(
            model_name='action',
            name='source_id',
            field=models.PositiveBigIntegerField(),
        ),
        migrations.AlterField(
            model_name='action',
            name='person',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='actions', to='register.person'),
        ),
        migrations.AlterField(
            model_name='action',
            name='owner_professional',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='owned_actions', to='keyworking.professional'),
        ),
        migrations.AddIndex(
            model_name='action',
            index=models.Index(fields=['source_type', 'source_id'], name='action_source'),
        ),
        migrations.AddConstraint(
            model_name='action',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(models.Q(('owner_staff__isnull', True), _negated=True), ('owner_professional__isnull', True), ('owner_organisation', '')), models.Q(('owner_staff__isnull', True), models.Q(('owner_professional__isnull', True), _negated=True), ('owner_organisation', '')), models.Q(('owner_staff__isnull', True), ('owner_professional__isnull', True), models.Q(('owner_organisation', ''), _negated=True)), _connector='OR'), name='action_has_one_owner', violation_error_message='An action has one owner: a member of staff, a professional or an organisation'),
        ),
    ]
