# Summarises psql's EXPLAIN (ANALYZE, BUFFERS) output of bench/followups-explain.sql as Markdown table rows:
# | statement | execution ms | how the rows are found (node: rows) | shared buffers hit / read |
# A block starts with a "-- name" line; the first "Buffers:" line of a plan is its top node's (the whole statement's).
function flush() {
  if (name != "") printf "| %s | %s | %s | %s |\n", name, (ms == "" ? "-" : ms), (how == "" ? "-" : how), (buf == "" ? "-" : buf)
  name = ""; ms = ""; how = ""; buf = ""; planning = 0
}
/^-- / { flush(); name = substr($0, 4); next }
/^Planning:/ { planning = 1 }
/Buffers:/ && buf == "" && !planning {
  line = $0; sub(/^[ ]*Buffers: shared /, "", line); sub(/, (temp|local) .*/, "", line)   # shared pages only
  hit = line ~ /hit=/ ? line : ""; sub(/.*hit=/, "", hit); sub(/ .*/, "", hit)
  read = line ~ /read=/ ? line : ""; sub(/.*read=/, "", read); sub(/ .*/, "", read)
  buf = (hit == "" ? 0 : hit) " / " (read == "" ? 0 : read)
}
/(Index Scan|Index Only Scan|Bitmap Index Scan|Seq Scan)/ && /actual/ {
  node = $0; sub(/^[ ]*(->  )?/, "", node); rows = node
  sub(/ \(actual.*/, "", node); sub(/.*rows=/, "", rows); sub(/ .*/, "", rows)
  loops = $0; sub(/.*loops=/, "", loops); sub(/\).*/, "", loops)
  how = how (how == "" ? "" : "; ") node ": " rows (loops > 1 ? " × " loops " loops" : "")
}
/^Execution Time:/ { ms = $3 }
END { flush() }
