from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator

from keywork.accounts.forms import LoginForm, ServiceChoiceForm
from keywork.accounts.middleware import SESSION_SERVICE_KEY


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.jinja"
    form_class = LoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Log in"}


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
