/** The part of autocannon's API the benchmarks use (it ships no types). */
declare module 'autocannon' {
	namespace autocannon {
		interface Request {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
			setupRequest?: (req: Request) => Request;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			method?: string;
			headers?: Record<string, string>;
			body?: string;
			requests?: Request[];
		}
		interface Result {
			requests: { total: number; average: number };
			non2xx: number;
			errors: number;
			timeouts: number;
		}
		interface Instance extends PromiseLike<Result> {
			on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
		}
	}
	function autocannon(opts: autocannon.Options): autocannon.Instance;
	export default autocannon;
}
