import pytest

from desktop.domain.changes import ChangeSubject, DataChange


def test_a_change_about_one_client_concerns_only_views_of_that_client() -> None:
    change = DataChange.of(ChangeSubject.CONSENT, client_id=7)
    assert change.concerns(7, ChangeSubject.CONSENT, ChangeSubject.APPOINTMENTS)
    assert not change.concerns(8, ChangeSubject.CONSENT)
    assert not change.concerns(7, ChangeSubject.STAFF)


def test_a_change_about_no_client_concerns_every_client_showing_the_subject() -> None:
    change = DataChange.of(ChangeSubject.OPT_OUTS)
    assert change.concerns(3, ChangeSubject.OPT_OUTS)
    assert change.concerns(None, ChangeSubject.OPT_OUTS)
    assert not change.concerns(3, ChangeSubject.CLIENT)


def test_a_change_names_a_subject() -> None:
    with pytest.raises(ValueError):
        DataChange.of()
