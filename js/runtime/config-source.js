// Where the configuration comes from: the tag's data attributes, plus either an inline
// <script type="application/json" id="consent-guard-config"> or a JSON file named by
// data-config. The core validates all of it; this only gathers the text.

export async function readConfig(tag) {
  const attributes = {};
  let url = null;
  for (const { name, value } of (tag && tag.attributes) || []) {
    if (!name.startsWith('data-')) continue;
    if (name === 'data-config') url = value;
    // data-policy-version -> policyVersion; the core refuses names it does not know.
    else attributes[name.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
  }
  const inline = document.getElementById('consent-guard-config');
  if (inline && url)
    throw new Error('configuration error: use data-config or the inline #consent-guard-config, not both');
  if (inline) return { attributes, text: inline.textContent };
  if (!url) return { attributes, text: '' };
  let response;
  try {
    response = await fetch(new URL(url, location.href), { credentials: 'same-origin' });
  } catch (e) {
    throw new Error('could not load data-config ' + url + ' (' + e.message + ')');
  }
  if (!response.ok) throw new Error('could not load data-config ' + url + ' (HTTP ' + response.status + ')');
  return { attributes, text: await response.text() };
}
