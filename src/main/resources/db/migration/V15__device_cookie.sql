-- Device cookies (issue 22): a browser that logged in as an account carries a signed cookie, and
-- its failed logins are counted apart from everyone else's, so that knocking from elsewhere cannot
-- lock the account's own devices out.

-- 服务器密钥 ----------------------------------------------------------------------------------
-- Secrets every app node must share. The app writes a random value the first time it needs one
-- (INSERT … ON CONFLICT DO NOTHING, so two nodes starting at once agree) and never logs it.
CREATE TABLE app_secret (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z_]{1,40}$'),
    value       bytea NOT NULL CHECK (octet_length(value) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app_secret IS 'server secrets shared by every app node (device_cookie: the HMAC-SHA256 key of device cookies). '
    'Deleting a row makes the app write a new one at its next start; every cookie signed with the old one is then ignored.';

-- 登录限制 --------------------------------------------------------------------------------------
ALTER TABLE login_attempt ADD COLUMN device_key text CHECK (device_key ~ '^[0-9a-f]{64}$');
CREATE INDEX login_attempt_device_idx ON login_attempt (device_key, at) WHERE device_key IS NOT NULL;
COMMENT ON COLUMN login_attempt.device_key IS 'SHA-256 of the nonce of a valid device cookie the attempt came with; NULL for an attempt without one. '
    'Attempts with a device are counted per device, the others per account and per address.';
