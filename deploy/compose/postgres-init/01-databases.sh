#!/bin/bash
# One database per service, each owned by a role of its own that may connect to nothing else: intake, assignment,
# review, notification. The postgres image runs this once, when its data volume is empty (a later change of a
# password in .env needs `docker compose down -v`, which deletes every volume's data, or an ALTER ROLE by hand).
# Each role's password comes from the variable the service itself reads: INTAKE_DB_PASSWORD, ASSIGNMENT_DB_PASSWORD,
# REVIEW_DB_PASSWORD, NOTIFICATION_DB_PASSWORD.
set -eo pipefail

for database in intake assignment review notification; do
    variable="${database^^}_DB_PASSWORD"
    password="${!variable}"
    if [ -z "$password" ]; then
        echo "01-databases.sh: $variable is not set; see deploy/compose/.env.example" >&2
        exit 1
    fi
    # psql's own quoting (:"name" an identifier, :'password' a literal): nothing here is pasted into SQL as text
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         -v name="$database" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
