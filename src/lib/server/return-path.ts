/**
 * Where a preference form goes back to (SEC-C7): a path on this site only, one leading `/`, no
 * backslash, no query or fragment (so nothing personal rides along); anything else is `/`.
 */
export function safeReturnPath(value: string): string {
	return /^\/(?![/\\])[A-Za-z0-9\-/_]*$/.test(value) && value.length <= 200 ? value : '/';
}
