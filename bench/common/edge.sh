# Sourced by the benchmarks that put nginx or the gateway in front of an upstream (bench/gateway, bench/referral).
# They need WORK (a scratch directory), PIDS (the processes to stop) and, for the gateway, the BenchStack variables
# (JDBC_USER, JDBC_PASSWORD, JWKS_URL, ISSUER).

STATIC_ANSWER='{"code":"76","name":"Occitanie","population":6154729}'

# start_nginx SERVER_BLOCKS: nginx with one worker and no access log, serving these server blocks.
start_nginx() {
  cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
$1
}
NGINX
  nginx -c "$WORK/nginx.conf" -p "$WORK"
}

# static_server PORT: a server block answering a small fixed JSON at no cost (a stand-in upstream).
static_server() {
  echo "  server { listen 127.0.0.1:$1; location / { default_type application/json; return 200 '$STATIC_ANSWER'; } }"
}

# proxy_server PORT UPSTREAM_PORT: nginx as a plain reverse proxy with a keep-alive pool to the upstream.
proxy_server() {
  cat <<BLOCK
  upstream service { server 127.0.0.1:$2; keepalive 64; }
  server {
    listen 127.0.0.1:$1;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
BLOCK
}

# start_gateway PORT MANAGEMENT_PORT AUDIT_JDBC_URL SERVICE UPSTREAM_URL UPSTREAM_MANAGEMENT_URL [-Doption...]:
# the gateway as in the local run but with the default JIT, JWT verification, policy, quota and audit on, routing
# SERVICE's paths to the upstream; its log in $WORK/gateway.log. GATEWAY_JAVA_OPTS adds JVM options.
start_gateway() {
  local port=$1 management=$2 audit=$3 service=$4 upstream=$5 upstream_management=$6
  shift 6
  # shellcheck disable=SC2086
  java -Xms256m -Xmx512m -XX:+UseSerialGC ${GATEWAY_JAVA_OPTS:-} \
    -Dquarkus.http.port="$port" -Dquarkus.management.port="$management" \
    -Dquarkus.datasource.jdbc.url="$audit" -Dquarkus.datasource.username="$JDBC_USER" \
    -Dquarkus.datasource.password="$JDBC_PASSWORD" \
    -Dmp.jwt.verify.publickey.location="$JWKS_URL" -Dmp.jwt.verify.issuer="$ISSUER" \
    -Dcivmil.upstream."$service"="$upstream" -Dcivmil.upstream."$service"-management="$upstream_management" \
    -Dquarkus.log.level=WARN "$@" \
    -jar gateway/target/quarkus-app/quarkus-run.jar > "$WORK/gateway.log" 2>&1 &
  PIDS+=($!)
}
