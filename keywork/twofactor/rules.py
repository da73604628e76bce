"""Who must give a second factor before they see any page."""

from django.conf import settings

# Set by single sign-on (keywork/sso/) on the session it logs in: the identity provider has already
# asked for the second factor, so no local one is asked for as well.
SIGNED_IN_WITH_SESSION_KEY = "signed_in_with"
SINGLE_SIGN_ON = "sso"


def signed_in_with_single_sign_on(request) -> bool:
    return request.session.get(SIGNED_IN_WITH_SESSION_KEY) == SINGLE_SIGN_ON


def needs_second_factor(request) -> bool:
    """A user signed in with a password who has not yet given a code in this session.

    Read at request time, so a change of TWO_FACTOR_REQUIRED applies to the next page."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    user = request.user
    return user.is_authenticated and not signed_in_with_single_sign_on(request) and not user.is_verified()
