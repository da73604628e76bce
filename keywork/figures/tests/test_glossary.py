from django.urls import reverse
from markupsafe import escape

from keywork.accounts.models import Role
from keywork.figures.catalogue import FIGURES


def test_the_glossary_lists_every_figure_with_its_definition(as_role):
    page = as_role(Role.COMMISSIONER).http.get(reverse("figures:glossary")).content.decode()
    for figure in FIGURES:
        assert escape(figure.name) in page and escape(figure.definition) in page


def test_the_glossary_is_linked_from_the_reports_section(as_role):
    page = as_role(Role.LEAD).http.get(reverse("reporting:dashboard")).content.decode()
    assert f'href="{reverse("figures:glossary")}"' in page


def test_a_commissioners_home_links_to_what_its_figures_mean(as_role):
    page = as_role(Role.COMMISSIONER).http.get(reverse("home")).content.decode()
    assert f'href="{reverse("figures:glossary")}"' in page
