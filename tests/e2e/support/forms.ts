/**
 * Reads a server-rendered form's fields (names, types, hidden values, choice options) from the
 * HTML, so request-level tests (fuzz, crash, replay) post what the page itself would post.
 */
export interface Field {
	name: string;
	type: string;
	value: string;
	options: string[];
}

export interface Form {
	fields: Field[];
}

function attr(tag: string, name: string): string | null {
	const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	if (!m) return new RegExp(`\\s${name}(\\s|>|/)`, 'i').test(tag) ? '' : null;
	return (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * The fields of the form on `html` that posts to `search` ('' = the default action). The layout's
 * own forms (sign out, language, "I need help now") post elsewhere, so a default action is a form
 * with no action, or one naming `path` (the page's own path) itself.
 */
export function formFor(html: string, search: string, path?: string): Form | null {
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
		const action = attr(`<form ${m[1]}>`, 'action') ?? '';
		const hit = search ? action.endsWith(search) : action === '' || (path !== undefined && action === path);
		if (!hit) continue;
		const byName = new Map<string, Field>();
		for (const t of m[2]!.matchAll(/<(input|textarea|select)\b([^>]*)>([\s\S]*?<\/select>)?/gi)) {
			const tag = `<${t[1]} ${t[2]}>`;
			const name = attr(tag, 'name');
			if (!name) continue;
			const type = t[1]!.toLowerCase() === 'input' ? (attr(tag, 'type') ?? 'text').toLowerCase() : t[1]!.toLowerCase();
			if (type === 'submit' || type === 'button') continue;
			const f = byName.get(name) ?? { name, type, value: '', options: [] };
			const v = attr(tag, 'value') ?? '';
			if (type === 'radio' || type === 'checkbox') f.options.push(v);
			else if (type === 'select') f.options.push(...[...(t[3] ?? '').matchAll(/<option\b[^>]*value="([^"]*)"/gi)].map((o) => o[1]!));
			else f.value = v;
			byName.set(name, f);
		}
		return { fields: [...byName.values()] };
	}
	return null;
}

