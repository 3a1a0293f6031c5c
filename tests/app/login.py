"""What the page tests with a login share: an [auth] section that never reaches a real provider
(AppTest sets st.user itself), and the users they log in as."""

AUTH_SECRETS = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "test-cookie-secret-not-used",
        "client_id": "meldingenmonitor",
        "client_secret": "not-used",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
}
ANONYMOUS = {"is_logged_in": False}
