/**
 * Path patterns of the route table (`/melding/:trackingCode`), pure so they are tested without a browser.
 * A `:name` segment matches one non-empty path segment; `constraints` narrow it further.
 */
export type PathParams<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? { [Key in Name]: string } & PathParams<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? { [Key in Name]: string }
    : Record<never, string>;

export interface Patterned {
  path: string;
  constraints?: Readonly<Record<string, RegExp>>;
}

export interface Match<Route> {
  route: Route;
  params: Record<string, string>;
}

/** The params of `path` under `pattern`, or null when it does not match (or a segment is not valid %-encoding). */
export function matchPattern(route: Patterned, path: string): Record<string, string> | null {
  const wanted = route.path.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const actual = given[index]!;
    if (!segment.startsWith(':')) {
      if (segment !== actual) return null;
      continue;
    }
    if (!actual) return null;
    let value: string;
    try {
      value = decodeURIComponent(actual);
    } catch {
      return null;
    }
    const name = segment.slice(1);
    if (route.constraints?.[name] && !route.constraints[name].test(value)) return null;
    params[name] = value;
  }
  return params;
}

/** The first route whose pattern matches; null means the not-found page. */
export function matchRoute<Route extends Patterned>(routes: readonly Route[], path: string): Match<Route> | null {
  for (const route of routes) {
    const params = matchPattern(route, path || '/');
    if (params) return { route, params };
  }
  return null;
}
