// A small loopback load generator for the load tests and `make bench`:
// JSON-RPC POSTs to /mcp over keep-alive fetch, each answer read in full
// and matched to its request, with latency per request. Node rather than
// wrk or oha: every answer must be parsed and checked (id, tenant,
// result), the bodies differ per request, and nothing more needs
// installing in CI.

/** Answers of one /mcp POST: status and the JSON-RPC message with our id. */
export async function rpc(url, id, method, params, { token, headers = {} } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
  });
  const text = await response.text();
  return { status: response.status, message: messageOf(response.headers.get('content-type') ?? '', text, id), text };
}

/** The JSON-RPC answer to `id` in a JSON or event-stream body (null when absent). */
function messageOf(contentType, text, id) {
  const candidates = [];
  if (contentType.includes('text/event-stream')) {
    for (const line of text.split('\n')) {
      if (line.startsWith('data:')) candidates.push(line.slice(5).trim());
    }
  } else {
    candidates.push(text);
  }
  let last = null;
  for (const candidate of candidates) {
    try {
      const message = JSON.parse(candidate);
      if (message && ('result' in message || 'error' in message)) {
        last = message;
        if (message.id === id) return message;
      }
    } catch { /* not JSON: keep looking */ }
  }
  return last;
}

/**
 * Runs `send(i)` for i in [0, total) with `concurrency` in flight, stopping
 * early after `maxMs`. Returns latencies (ms) and throughput.
 */
export async function pool({ total, concurrency, maxMs = 60_000, send }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      await send(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  return summary(latencies, elapsedMs);
}

function summary(latencies, elapsedMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    count: sorted.length,
    elapsedMs,
    rps: sorted.length / (elapsedMs / 1000),
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** `label  N req  R req/s  p50 X ms  p99 Y ms`. */
export function describe(label, s) {
  return `${label.padEnd(46)} ${String(s.count).padStart(5)} req ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms`;
}
