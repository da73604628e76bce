"""The easy-read one-page profile and crisis plan: what it says, how it reads, and its PDF."""

import re

import pytest
import textstat
from django.conf import settings
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.keyworking import easy_read
from keywork.keyworking.easy_read import PICTOGRAMS, easy_read_plan
from keywork.keyworking.models import SupportPlan
from keywork.keyworking.synthetic import DEMO_PLAN
from keywork.register.record_pages import person_url
from keywork.testing.pdf import embedded_fonts, page_texts, structure_tags

# Flesch reading ease (textstat's flesch_reading_ease): 206.835 - 1.015 x words per sentence - 84.6 x
# syllables per word. 80 and over is "easy" on Flesch's own scale, 70 to 80 "fairly easy". The fixed
# wording is ours and must be easy; a plan's own words are the keyworker's, so a plan written like the
# demo's must be at least fairly easy once it is split one idea a line. Each line is read as a sentence.
FIXED_WORDING_EASE = 80
GENERATED_PLAN_EASE = 70


def reading_ease(lines) -> float:
    return textstat.flesch_reading_ease(" ".join(line.rstrip(".") + "." for line in lines))


@pytest.fixture
def plan(person, manager):
    return SupportPlan.objects.create(person=person, version=1, saved_by=manager.user, **DEMO_PLAN)


@pytest.fixture
def keyworker(person, service, make_user, allocate):
    worker = make_user(service, Role.KEYWORKER)
    worker.first_name, worker.last_name = "Priya", "Shah"
    worker.save()
    allocate(person, worker)
    return worker


def all_lines(plan) -> list[str]:
    return [plan.title, *plan.introduction, plan.made_on or plan.no_plan] + [
        line for section in plan.sections for line in [section.heading, *section.lines]
    ]


def test_the_fixed_wording_reads_as_easy(person):
    fixed = easy_read_plan(person, None, None)
    wording = [fixed.title, *fixed.introduction, fixed.no_plan, easy_read.NO_KEYWORKER]
    wording += [part[0] for part in (easy_read.ABOUT_ME, *easy_read.PARTS)]
    assert reading_ease(wording) >= FIXED_WORDING_EASE


def test_a_plan_written_like_the_demo_reads_at_least_fairly_easily(person, plan, keyworker):
    generated = easy_read_plan(person, plan, keyworker)
    assert reading_ease(all_lines(generated)) >= GENERATED_PLAN_EASE


def test_the_plan_is_split_one_idea_a_line_under_its_parts(person, plan, keyworker):
    sections = {section.heading: section.lines for section in easy_read_plan(person, plan, keyworker).sections}
    assert sections["About me"][-1] == "My keyworker is Priya Shah."
    assert sections["Things that upset me"] == ["Loud noise", "Unexpected changes to routine", "Crowded places"]
    assert sections["Who to call"] == ["Mum first", "Then the keyworker", "Out of hours the crisis line"]


def test_the_page_shows_the_plan_with_a_pictogram_beside_each_part_and_credits_them(manager, person, plan):
    url = reverse("keyworking:easy_read", args=[person.pk])
    before = AuditEntry.objects.filter(operation=Operation.VIEW, person_id=person.pk).count()
    body = manager.http.get(url).content.decode()
    assert "<li>Covering ears</li>" in body and "I do not have a keyworker yet." in body
    pictures = re.findall(r'<img class="keywork-easy-read__picture" src="/static/pictograms/\w+\.svg" alt=""', body)
    assert len(pictures) == 6
    assert easy_read.ATTRIBUTION in body and easy_read.LICENCE_URL in body
    assert AuditEntry.objects.filter(operation=Operation.VIEW, person_id=person.pk).count() == before + 1


def test_the_plans_sub_page_links_the_easy_read_plan_beside_the_printable_one(manager, person, plan):
    body = manager.http.get(person_url(person, "plans")).content.decode()
    assert reverse("keyworking:easy_read", args=[person.pk]) in body


def test_the_pdf_is_one_tagged_page_in_large_type_and_its_download_is_audited(manager, person, plan, keyworker):
    response = manager.http.get(reverse("keyworking:easy_read_pdf", args=[person.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="easy-read-plan-' in response["Content-Disposition"]
    (text,) = page_texts(response.content)
    assert "My plan" in text and "One familiar adult stays" in text and "My keyworker is Priya Shah." in text
    assert "OpenMoji" in text and "CC BY-SA 4.0" in text
    assert "/H1" in structure_tags(response.content)
    assert embedded_fonts(response.content) == {"Noto-Sans", "Noto-Sans-Bold"}
    export = AuditEntry.objects.get(operation=Operation.EXPORT, person_id=person.pk)
    assert export.changes == {"easy_read_plan": 1, "format": "pdf"}


def test_before_a_plan_is_written_the_profile_says_there_is_no_plan_yet(manager, person):
    assert easy_read.NO_PLAN in manager.http.get(reverse("keyworking:easy_read", args=[person.pk])).content.decode()
    (text,) = page_texts(manager.http.get(reverse("keyworking:easy_read_pdf", args=[person.pk])).content)
    assert easy_read.NO_PLAN in text


def test_every_pictogram_is_installed_by_make_assets():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    assert re.search(r"^PICTOGRAMS := (.*)$", makefile, re.M).group(1).split() == list(PICTOGRAMS)
    folder = settings.BASE_DIR / "static_build" / "pictograms"
    assert all((folder / f"{code}.svg").is_file() for code in PICTOGRAMS)
    assert (folder / "LICENSE.txt").is_file()
