// `--ignore` patterns over change paths. A pattern names a path or any part below it: `usage` matches
// `response.usage.inputTokens`; `*` stays within one path segment, `**` crosses segments.

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split(/(\*\*|\*)/)
    .map((piece) => (piece === '**' ? '.*' : piece === '*' ? '[^.]*' : escape(piece)))
    .join('');
  return new RegExp(`(^|\\.)${body}($|[.[])`);
}

export function pathMatcher(patterns: string[] | undefined): (path: string) => boolean {
  const regexps = (patterns ?? []).filter((p) => p.trim() !== '').map((p) => globToRegExp(p.trim()));
  return (path) => regexps.some((regexp) => regexp.test(path));
}
