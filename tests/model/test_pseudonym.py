"""Example tests for the pseudonym rules (_pseudonym.py), through Participant."""

import pytest

from hankemalli import DataError, Participant


@pytest.mark.parametrize(
    "identifier",
    [
        "131052-308T",  # the classic form: born in the 1900s
        "131052+308T",  # born in the 1800s
        "131052A308T",  # born in the 2000s
        "131052Y308T",  # the century signs added in 2023: Y, X, W, V, U for the 1900s
        "131052U308T",
        "131052B308T",  # ... and B, C, D, E, F for the 2000s
        "010594y9032",  # lower-case sign
        "K-131052-308T",  # inside a longer identifier
    ],
)
def test_id_that_looks_like_a_personal_identity_code_is_rejected(build, identifier):
    with pytest.raises(DataError) as caught:
        Participant(id=identifier)
    path, message = build.the_problem(caught.value)
    assert path == "$.id"
    assert "looks like a Finnish personal identity code (henkilötunnus)" in message
    assert identifier not in message  # the code itself is not repeated back


@pytest.mark.parametrize("identifier", ["matti.meikalainen@example.fi", "k1@yhdistys.fi", "a@b.fi"])
def test_id_that_looks_like_an_email_address_is_rejected(build, identifier):
    with pytest.raises(DataError) as caught:
        Participant(id=identifier)
    assert build.the_problem(caught.value) == (
        "$.id",
        "looks like an e-mail address; use a pseudonym instead",
    )


@pytest.mark.parametrize(
    "identifier",
    ["+358 40 123 4567", "040-1234567", "0401234567", "(040) 123 4567", "00358401234567"],
)
def test_id_that_looks_like_a_phone_number_is_rejected(build, identifier):
    with pytest.raises(DataError) as caught:
        Participant(id=identifier)
    assert build.the_problem(caught.value) == (
        "$.id",
        "looks like a phone number; use a pseudonym instead",
    )


@pytest.mark.parametrize(
    "identifier", ["K-0001", "abc.123", "1234567", "2016:17", "kaiku_0042", "X"]
)
def test_ordinary_pseudonym_is_accepted(identifier):
    assert Participant(id=identifier).id == identifier


@pytest.mark.parametrize(
    "identifier", ["", "K 0001", "-K1", "äiti", "x" * 65], ids=lambda s: repr(s[:8])
)
def test_id_outside_the_pseudonym_alphabet_is_rejected(build, identifier):
    with pytest.raises(DataError) as caught:
        Participant(id=identifier)
    path, message = build.the_problem(caught.value)
    assert path == "$.id"
    assert "not a valid participant identifier" in message
    assert "use 1–64 letters (A–Z, a–z), digits" in message


def test_id_that_is_not_text_is_rejected(build):
    with pytest.raises(DataError) as caught:
        Participant(id=1001)
    assert build.the_problem(caught.value) == ("$.id", "expected text, got int")


def test_pseudonym_of_64_characters_is_accepted():
    assert len(Participant(id="k" * 64).id) == 64
