// The console page: the server's name and id, and its console log, refreshed every two seconds
// from the log route beside it (same token). Static markup with the server's fields escaped; the
// script reads the token from the page's own URL.
import type { Server } from '../../../../../crds/types.generated.js';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function consolePage(server: Server): string {
  const title = `Console of ${escapeHtml(server.spec.name)} (${escapeHtml(server.metadata.name)})`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title>
<style>body{background:#111;color:#ddd;font-family:monospace}pre{white-space:pre-wrap}</style></head>
<body><h3>${title}</h3><pre id="log">connecting…</pre>
<script>
const token = new URLSearchParams(location.search).get('token');
async function refresh() {
  const res = await fetch('log?token=' + encodeURIComponent(token));
  document.getElementById('log').textContent = res.ok ? (await res.json()).output : 'console unavailable (' + res.status + ')';
}
refresh();
setInterval(refresh, 2000);
</script></body></html>
`;
}
