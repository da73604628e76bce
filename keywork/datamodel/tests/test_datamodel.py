from keywork.datamodel.document import DOCUMENT, render


def test_the_data_model_document_matches_the_models():
    assert DOCUMENT.read_text() == render(), "run `manage.py datamodel` to update docs/data-model.md"
