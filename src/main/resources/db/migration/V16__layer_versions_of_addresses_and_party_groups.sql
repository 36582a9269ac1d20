-- Public answers are kept as bytes per layer version (http/KeptAnswers): every table they read
-- needs a counter. /api/grids counts households from addresses, and the OGC party groups read
-- party_group: both get one, raised by the same statement trigger as the other layers.
INSERT INTO layer_version (layer) VALUES ('address'), ('party_group');
CREATE TRIGGER address_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON address
    FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version();
CREATE TRIGGER party_group_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON party_group
    FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version();
