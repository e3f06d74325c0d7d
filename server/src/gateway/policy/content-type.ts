// dockerd's handlers read options with Go's FormValue and ParseForm, which take them from a
// form body before the query: `POST /build?nocache=1` with an urlencoded body ending in
// `&cgroupparent=%2F` built in a host cgroup, though the gateway had checked the query. The
// docker CLI and Compose never send a form, so none is let through, on any route: the media
// type is computed as Go's mime.ParseMediaType does (text before `;`, trimmed, lower-cased).
// Go lower-cases Unicode too (U+0130 `İ` becomes `i`) and trims Unicode spaces, so only
// plain ASCII is judged; and Go reads the first of several Content-Type headers, which the
// gateway would forward all of: a request with more than one is refused rather than trusted.

export interface HeadRefusal {
  readonly status: 400 | 403;
  readonly message: string;
}

const FORMS = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
// Visible ASCII, space and tab: what is left once Node has parsed a header value.
const PLAIN = /^[\t\x20-\x7e]*$/;

/** `rawHeaders` as Node keeps them: name, value, name, value… (duplicates included). */
export function checkContentType(rawHeaders: readonly string[]): HeadRefusal | undefined {
  const types: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === "content-type") types.push(rawHeaders[i + 1] as string);
  if (types.length > 1) return bad("the request has more than one Content-Type header");
  const [type] = types;
  if (type === undefined) return undefined;
  if (!PLAIN.test(type)) return bad("the Content-Type header is not plain ASCII");
  const media = (type.split(";")[0] as string).trim().toLowerCase();
  if (!FORMS.has(media)) return undefined;
  return {
    status: 403,
    message:
      "slipway gateway: form bodies are refused (the engine would read options from them unchecked); put options in the query string, and send JSON as application/json (curl -d sends a form type)",
  };
}

const bad = (what: string): HeadRefusal => ({ status: 400, message: `slipway gateway: ${what}` });
