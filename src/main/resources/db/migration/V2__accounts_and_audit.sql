-- Accounts, sessions, login throttling and the audit trail (issue 4). V1 created the tables;
-- this adds what the implementation needs and the rules the data must keep.

-- 账户 ---------------------------------------------------------------------------------------
ALTER TABLE app_user
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN last_login_at timestamptz,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT app_user_password_is_argon2id CHECK (password_hash LIKE '$argon2id$%');
-- "Admin" and "admin" would be two accounts to the database but one to the people using them
CREATE UNIQUE INDEX app_user_username_lower_idx ON app_user (lower(username));
COMMENT ON COLUMN app_user.password_hash IS 'Argon2id in PHC string form: $argon2id$v=19$m=..,t=..,p=..$salt$hash';
COMMENT ON COLUMN app_user.must_change_password IS 'a one-time password was set (by an admin, the CLI or the demo): only a password change is allowed until it is replaced';
CREATE INDEX app_user_grid_grid_idx ON app_user_grid (grid_id);
CREATE INDEX app_user_subdistrict_subdistrict_idx ON app_user_subdistrict (subdistrict_id);

-- 会话 ---------------------------------------------------------------------------------------
ALTER TABLE session ADD CONSTRAINT session_id_is_a_sha256 CHECK (id ~ '^[0-9a-f]{64}$');
CREATE INDEX session_expires_idx ON session (expires_at);
COMMENT ON COLUMN session.expires_at IS 'the absolute end of the session (login + PARTYMAP_SESSION_MAX_HOURS); the idle limit is checked against last_seen_at';

-- 登录限制 -------------------------------------------------------------------------------------
CREATE TABLE login_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    account_key  text NOT NULL CHECK (account_key ~ '^[0-9a-f]{64}$'),
    ip           inet,
    success      boolean NOT NULL
);
CREATE INDEX login_attempt_account_idx ON login_attempt (account_key, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);
CREATE INDEX login_attempt_at_idx ON login_attempt (at);
COMMENT ON TABLE login_attempt IS 'recent logins, for throttling per account and per address on every app node. '
    'account_key is the SHA-256 of the lower-cased name as typed: a password typed into the name field is never stored.';

-- 审计日志 -------------------------------------------------------------------------------------
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);

-- The audit log is append-only. The only change allowed is the one the foreign key makes when an
-- account row is deleted (user_id becomes NULL; username keeps who it was).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL
       AND (NEW.id, NEW.at, NEW.username, NEW.action, NEW.target_type, NEW.target_id, NEW.ip, NEW.detail)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.username, OLD.action, OLD.target_type, OLD.target_id, OLD.ip, OLD.detail) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
