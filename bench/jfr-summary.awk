# Where a JVM's Java CPU samples go, for bench/gateway.sh: reads
#   jfr print --stack-depth 64 --events jdk.ExecutionSample <recording>.jfr
# and prints tab-separated lines: "SAMPLES <n>"; "PART <samples> <part>", each sample given to the first frame, from
# the top of its stack down, that belongs to a known part (so time in a JDK HashMap called by Spring Security counts
# as Spring Security); "TOP <samples> <frame>" for each method seen on top of a stack.
function part(frame) {
  if (frame ~ /^(com\.nimbusds|org\.springframework\.security\.oauth2\.(jwt|server\.resource)|sun\.security|java\.security|javax\.crypto)/) return "JWT: decode, signature check, claims (Nimbus, JDK crypto)"
  if (frame ~ /^org\.springframework\.security/) return "Spring Security: filter chain, role table"
  if (frame ~ /^(io\.micrometer\.context|reactor\.core\.publisher\.(ContextPropagation|FluxContextWrite|MonoContextWrite))/) return "Reactor context propagation (MDC)"
  if (frame ~ /^(io\.micrometer|org\.springframework\.cloud\.gateway\.(support\.tagsprovider|filter\.GatewayMetricsFilter|filter\.headers\.observation))/) return "metrics and observations (Micrometer)"
  if (frame ~ /^org\.springframework\.cloud\.gateway/) return "Gateway: route matching, filters, proxying"
  if (frame ~ /^(io\.github\.resilience4j|org\.springframework\.cloud\.circuitbreaker)/) return "circuit breaker"
  if (frame ~ /^(io\.github\.bucket4j|com\.bucket4j|com\.github\.benmanes\.caffeine)/) return "rate limiter"
  if (frame ~ /^(ch\.qos\.logback|org\.slf4j|org\.apache\.logging)/) return "logging"
  if (frame ~ /^(tools\.jackson|com\.fasterxml)/) return "JSON"
  if (frame ~ /^org\.clinictracker/) return "clinic code (gateway's own filters)"
  if (frame ~ /^org\.springframework\.(web|http|core|util|boot)/) return "Spring WebFlux: exchange, headers, codecs"
  if (frame ~ /^(reactor\.netty|io\.netty)/) return "Netty: HTTP server and client, sockets"
  if (frame ~ /^reactor\.core/) return "Reactor operators"
  return ""
}
/^jdk\.ExecutionSample/ { in_sample = 1; in_stack = 0; done = 0; top = ""; next }
in_sample && /stackTrace = \[/ { in_stack = 1; next }
in_stack && /^[ \t]*\]/ {
  if (!done) { parts["other: JDK and the rest"]++ }
  if (top != "") tops[top]++
  n++; in_stack = 0; in_sample = 0; next
}
in_stack {
  frame = $1; sub(/\(.*/, "", frame)
  if (top == "") top = frame
  if (!done) { p = part(frame); if (p != "") { parts[p]++; done = 1 } }
}
END {
  printf "SAMPLES\t%d\n", n
  for (p in parts) printf "PART\t%d\t%s\n", parts[p], p
  for (t in tops) printf "TOP\t%d\t%s\n", tops[t], t
}
