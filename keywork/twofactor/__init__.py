"""Two-factor sign-in: after the password, a 6-digit code from an authenticator app (TOTP, RFC 6238),
or one of ten one-use recovery codes, through django-otp's devices.

`rules.needs_second_factor` decides who is asked (TWO_FACTOR_REQUIRED; never someone who signed in
through single sign-on, whose identity provider gives the second factor); `middleware` sends them to
the second step from every page; `devices` holds what the pages do with a user's devices.
"""
