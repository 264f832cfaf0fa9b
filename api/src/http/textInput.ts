import type { MiddlewareHandler } from 'hono';
import { invalidParameters } from './problems.ts';

/**
 * What text may hold. Control characters (NUL and the other C0 codes, DEL) are never data a
 * person typed: PostgreSQL refuses NUL outright (a 500 before this check), and the rest hide in
 * names and codes. Tabs and line breaks are kept in values, where a note or a search may hold
 * them; names (paths, parameter names) take none. Unpaired UTF-16 surrogates are not text either.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f]/;
/** In `u` mode a well-formed pair is one code point, so this finds only a lone half. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** Why `text` is refused, or undefined when it is fine. */
function textFault(text: string, isName: boolean): string | undefined {
  const control = (isName ? CONTROL_IN_NAME : CONTROL_IN_VALUE).exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters (found U+${code}${isName ? '' : '; tabs and line breaks are the only ones allowed'})`;
  }
  if (UNPAIRED_SURROGATE.test(text)) return 'is not valid Unicode text (an unpaired surrogate)';
  return undefined;
}

const refused = (errors: { parameter: string; message: string }[]) => invalidParameters(errors);

/**
 * Every string in a validated value (a JSON body, a form, query or path parameters), at any
 * depth, named by its path as validation errors are.
 */
export function assertPlainText(value: unknown, path: (string | number)[] = []): void {
  const errors: { parameter: string; message: string }[] = [];
  const visit = (node: unknown, at: (string | number)[]) => {
    if (errors.length >= 10) return;
    if (typeof node === 'string') {
      const fault = textFault(node, false);
      if (fault) errors.push({ parameter: at.length ? at.join('.') : '(body)', message: fault });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i]));
    } else if (node !== null && typeof node === 'object' && !(node instanceof Blob)) {
      for (const [key, item] of Object.entries(node)) {
        const fault = textFault(key, true);
        if (fault) errors.push({ parameter: [...at, key].join('.'), message: `name ${fault}` });
        else visit(item, [...at, key]);
      }
    }
  };
  visit(value, path);
  if (errors.length) throw refused(errors);
}

/**
 * Refuses control characters in the decoded path and query of every request, whatever route
 * (or none) answers it; bodies are checked once validated (see router.ts).
 */
export const refuseControlCharactersInUrl: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  const path = decodedPath(url.pathname);
  const pathFault = textFault(path, true);
  if (pathFault) throw refused([{ parameter: '(path)', message: pathFault }]);
  const errors: { parameter: string; message: string }[] = [];
  for (const [name, value] of url.searchParams) {
    const nameFault = textFault(name, true);
    const valueFault = nameFault ? undefined : textFault(value, false);
    if (nameFault) errors.push({ parameter: JSON.stringify(name), message: `name ${nameFault}` });
    else if (valueFault) errors.push({ parameter: name, message: valueFault });
  }
  if (errors.length) throw refused(errors);
  await next();
};

/** The path as routes see it, each percent-escape decoded; a malformed escape is left as written. */
function decodedPath(pathname: string): string {
  return pathname.replace(/(%[0-9a-f]{2})+/gi, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}
