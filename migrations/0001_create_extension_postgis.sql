-- PostGIS 3.3 is the floor (Debian 12's server); PGlite ships 3.6. Use only functions both have.
CREATE EXTENSION IF NOT EXISTS postgis;
