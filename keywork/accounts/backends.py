from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class ServiceUserBackend(ModelBackend):
    """Django's password login, refusing users without a service, and demo users outside demo mode.

    The demo users share a published password; this makes them unusable in production even if
    their rows were somehow copied there.
    """

    def user_can_authenticate(self, user) -> bool:
        if user.is_demo and not settings.DEMO:
            return False
        if user.service_id is None:
            return False
        return super().user_can_authenticate(user)
