from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator

from keywork.accounts.forms import LoginForm, PasswordResetForm, ServiceChoiceForm, SetPasswordForm
from keywork.accounts.middleware import SESSION_SERVICE_KEY


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.jinja"
    form_class = LoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Log in"}


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer while a username or address is locked out (settings.AXES_LOCKOUT_CALLABLE):
    the login page again, saying why and for how long, instead of axes' own plain-text message."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    context = {
        "form": LoginForm(request, initial={"username": request.POST.get("username", "")}),
        "page_title": "Log in",
        "lockout_message": (
            f"You have tried to log in too many times. Try again in {minutes} minute{'' if minutes == 1 else 's'}, "
            "or reset your password if you have forgotten it"
        ),
    }
    return render(request, "accounts/locked_out.jinja", context, status=429)


class LogoutView(auth_views.LogoutView):
    """GET asks to confirm (the header links here); POST, with its CSRF token, logs out."""

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return render(request, "accounts/logout.jinja", {"page_title": "Log out"})


def choose_service(request):
    services = request.user.services_managed()
    form = ServiceChoiceForm(request.POST or None, services=services, initial={"service": request.service.pk})
    if request.method == "POST" and form.is_valid():
        request.session[SESSION_SERVICE_KEY] = int(form.cleaned_data["service"])
        messages.success(request, "You are now working in the chosen service")
        return redirect("home")
    return render(request, "accounts/choose_service.jinja", {"form": form, "page_title": "Choose a service"})


def link_lasts() -> str:
    """How long a password reset link works, in words (settings.PASSWORD_RESET_TIMEOUT)."""
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    return f"{hours} hour{'' if hours == 1 else 's'}"


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for an email address and, if it is an account's, sends it a link to create a new
    password. Django's views answer the same page either way (PasswordResetForm.get_users)."""

    template_name = "accounts/password_reset.jinja"
    form_class = PasswordResetForm
    subject_template_name = "accounts/password_reset_subject.txt"
    email_template_name = "accounts/password_reset_email.txt"
    extra_context = {"page_title": "Reset your password"}

    @property
    def extra_email_context(self):
        return {"link_lasts": link_lasts()}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.jinja"
    title = "Check your email"

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=self.title, link_lasts=link_lasts(), **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.jinja"
    form_class = SetPasswordForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title="Create a new password", link_lasts=link_lasts(), **kwargs)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.jinja"
    extra_context = {"page_title": "Your password has been changed"}
