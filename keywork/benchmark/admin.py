"""The Django admin, mounted only for the benchmark (KEYWORK_BENCH_ADMIN=true), as the peer a
Django team gets for free: its changelist of people with the register page's filter."""

from django.contrib import admin

from keywork.register.models import Person

site = admin.AdminSite(name="bench-admin")


@admin.register(Person, site=site)
class PersonAdmin(admin.ModelAdmin):
    list_display = [
        "family_name",
        "given_name",
        "nhs_number",
        "date_of_birth",
        "local_authority",
        "rating",
        "next_review_due",
    ]
    list_filter = ["rating", "local_authority"]
    list_per_page = 25
