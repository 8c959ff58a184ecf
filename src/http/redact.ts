/**
 * What a log line may say about a URL: no query string (address searches, filters) and no
 * tracking code (it is the only key to a report's public status page).
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/WP(-[0-9A-Z]{4}){4}/gi, 'WP-****');
}
