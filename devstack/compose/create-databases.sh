#!/usr/bin/env bash
# docker-compose.yml's PostgreSQL: run once by the postgres image when it initialises an empty data directory
# (/docker-entrypoint-initdb.d), as the superuser. One database per service, each owned by a login role of its own
# that can reach nothing else: nobody reads another service's database, and no role but the owner (and the
# superuser) may even connect to one. The passwords come from the environment (docker-compose.yml requires them);
# none is written here.
#
# The owner runs the service's Flyway migrations: it owns the database and its public schema, which is enough for
# them (referral-network-service's pg_trgm is a trusted extension: a database owner may create it).
#
# The image executes this file, or sources it if it lost its execute bit: no `exit`, no `set -u` here.
set -e

: "${POSTGRES_USER:=postgres}"

create_service_database() { # database role password
    if [ -z "$3" ]; then
        echo "create-databases.sh: no password for the role $2 (see docker-compose.yml)" >&2
        return 1
    fi
    # psql variables (-v) quote the names (:"x") and the password (:'x'): nothing is spliced into SQL by the shell.
    psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
        -v database="$1" -v role="$2" -v password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
-- PUBLIC may connect to (and create temporary tables in) any new database by default: not to this one.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
\connect :"database"
-- The public schema belongs to the database's owner; other roles lose even their USAGE of it.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
    echo "create-databases.sh: database $1 owned by role $2"
}

create_service_database zones zones "${CIVMIL_ZONES_DB_PASSWORD:-}"
create_service_database partnership partnership "${CIVMIL_PARTNERSHIP_DB_PASSWORD:-}"
create_service_database referral referral "${CIVMIL_REFERRAL_DB_PASSWORD:-}"
create_service_database gateway gateway "${CIVMIL_GATEWAY_DB_PASSWORD:-}"

# Nor do the service roles connect to the maintenance databases (only the superuser does, as pg_isready's checks
# need no connection privilege).
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres <<'SQL'
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;
SQL
